"""Indicators of the quality of the service (Standard of Usolye-Sibirskoye, resolution 132 of
28.01.2014, section 2.11), as plain Python: no ORM, importable without a database.

    N  Indicator                                                 Value                    Points
    1  staffing (positions of the staff schedule filled)          100%, -1 point per 1%     20
    2  share of teachers with higher education                   >= 45%, -1 point per 5%   20
    3  share of teachers with retraining / qualification upgrade 100%, -1 point per 1%     20
    4  retention of the pupils during the programme              100%, -1 point per 1%     20
    5  completion of the additional general education programmes 100%, -1 point per 1%     20

    100 points      the service is provided in accordance with the Standard
    81 - 99 points  the service mostly complies with the Standard
    51 - 80 points  the service is provided with violations of the Standard
    0 - 50 points   the service does not comply with the Standard

A point is lost for each *full* step below the target (99.5% loses nothing, 99% loses one point;
40.1% of teachers with higher education loses nothing, 40% loses one point) and no indicator
goes below 0 points. Rates are percentages rounded to hundredths, as the forms show them, so that
binary floating point (57 / 60 * 100 = 95.00000000000001) cannot change a score.
"""

from decimal import ROUND_HALF_UP, Decimal

MAX_POINTS = 20
HUNDREDTH = Decimal("0.01")

# (key, target %, step in % for one point, label) in the order of the table of section 2.11
INDICATORS = (
    ("staffing", Decimal(100), Decimal(1), "Staffing"),
    ("higher_education", Decimal(45), Decimal(5), "Teachers with higher education"),
    ("training", Decimal(100), Decimal(1), "Teachers with retraining or qualification upgrade"),
    ("retention", Decimal(100), Decimal(1), "Retention of pupils"),
    ("completion", Decimal(100), Decimal(1), "Completion of the programmes"),
)

COMPLIANT = "compliant"
MOSTLY_COMPLIANT = "mostly_compliant"
VIOLATIONS = "violations"
NON_COMPLIANT = "non_compliant"

# (lowest total of the band, band), highest band first
BANDS = (
    (100, COMPLIANT),
    (81, MOSTLY_COMPLIANT),
    (51, VIOLATIONS),
    (0, NON_COMPLIANT),
)


def _as_percent(value, label):
    """The rate as a Decimal rounded to hundredths; ValueError when it is no rate in 0-100."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise ValueError(f"{label}: the rate must be a number of percent, not {value!r}.")
    percent = Decimal(repr(value) if isinstance(value, float) else value)
    if not percent.is_finite():
        raise ValueError(f"{label}: the rate must be a number of percent, not {value!r}.")
    percent = percent.quantize(HUNDREDTH, rounding=ROUND_HALF_UP)
    if percent < 0 or percent > 100:
        raise ValueError(f"{label}: the rate must be between 0 and 100%, not {value}.")
    return percent


def indicator_points(rate, target, step):
    """Points of one indicator: 20 minus one point per full `step` below `target`, at least 0."""
    shortfall = target - rate
    if shortfall <= 0:
        return MAX_POINTS
    return max(0, MAX_POINTS - int(shortfall // step))


def band(total):
    """The band of a total of points (0-100)."""
    if isinstance(total, bool) or not isinstance(total, int) or not 0 <= total <= 100:
        raise ValueError(f"A total must be a whole number of points from 0 to 100, not {total!r}.")
    for lowest, name in BANDS:
        if total >= lowest:
            return name
    raise AssertionError("unreachable: the lowest band starts at 0")  # pragma: no cover


def rate(part, whole, label):
    """`part` of `whole` in percent; ValueError (not ZeroDivisionError) when `whole` is zero."""
    if not whole:
        raise ValueError(f"{label}: the rate cannot be computed, its base is zero.")
    if part < 0 or whole < 0:
        raise ValueError(f"{label}: the figures cannot be negative.")
    if part > whole:
        raise ValueError(f"{label}: the part ({part}) cannot exceed the whole ({whole}).")
    return part * 100.0 / whole


def score_standard(staffing, higher_education, training, retention, completion):
    """Score the five indicators of section 2.11, given as rates in percent (0-100).

    :return: ``{'points': [p1, p2, p3, p4, p5], 'total': int, 'band': str}``, where band is one
        of ``compliant`` (100), ``mostly_compliant`` (81-99), ``violations`` (51-80) and
        ``non_compliant`` (0-50)
    :raise ValueError: when a rate is not a number between 0 and 100
    """
    rates = (staffing, higher_education, training, retention, completion)
    points = [
        indicator_points(_as_percent(value, label), target, step)
        for value, (_key, target, step, label) in zip(rates, INDICATORS, strict=True)
    ]
    total = sum(points)
    return {"points": points, "total": total, "band": band(total)}
