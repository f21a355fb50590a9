"""Scoring of the independent quality assessment of culture institutions (no ORM here).

The default method is the unified order of calculating the indicators of the independent
assessment (Order of the Ministry of Labour of Russia of 31.05.2018 N 344n) applied to the five
general criteria of art. 36.1 of the Fundamentals of the legislation on culture:

* every indicator is worth 0-100 points;
* a criterion is the weighted sum of its indicators (the weights of a criterion add up to 1);
* the institution's score is the mean of its criteria: S = (K1 + K2 + K3 + K4 + K5) / 5.

Indicator formulas (``FORMULAS``):

* ``disclosure``: information on the stands and on the website against the lists required for
  each, П_инф = 0.5 x (I_stand / I_norm_stand + I_site / I_norm_site) x 100 (each place has its
  own norm: the number of items required on the stands, the number required on the website);
* ``points_per_unit``: a fixed number of points per condition or channel present, at most the
  indicator's maximum (П_дист 30 per channel, П_комф.усл / П_оргдост / П_услугдост 20 per
  condition);
* ``share``: share of satisfied respondents among those who were asked, U / Ч x 100;
* ``share_pair``: mean of two shares, 0.5 x (U1 / Ч1 + U2 / Ч2) x 100 (stands and website);
* ``direct``: an expert value in points, entered by the department or the public council.

Conventions of this implementation (the order leaves them open):

* a share nobody was asked has no value; an indicator without any value scores 0 points
  (an institution with no responses gets 0 on its questionnaire indicators); in a pair, when only
  one of the two groups was asked, the indicator is that group's share;
* an institution whose disclosure checklist was not checked scores 0 on ``disclosure``; when
  nothing is required at one of the two places (its norm is 0), the indicator is the share of
  the other place;
* indicator values and criterion scores are rounded half up to 2 decimals, and the next level is
  computed from the rounded figures, so that anyone can recompute the published numbers;
* ranking: descending total; equal totals (to 0.01) share a rank and the next rank is skipped
  ("1, 2, 2, 4", standard competition ranking); institutions of equal rank are listed by name.
"""

from decimal import ROUND_HALF_UP, Decimal

FORMULAS = ("disclosure", "points_per_unit", "share", "share_pair", "direct")
MAX_POINTS = 100.0


def round2(value):
    """Round half up to 2 decimals (Python's round() rounds half to even)."""
    return float(Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def share(satisfied, asked):
    """U / Ч x 100, or None when nobody was asked."""
    if not asked:
        return None
    if satisfied < 0 or satisfied > asked:
        raise ValueError(f"{satisfied} satisfied out of {asked} asked")
    return satisfied / asked * 100.0


def share_pair(first, second):
    """0.5 x (U1 / Ч1 + U2 / Ч2) x 100; ``first`` and ``second`` are (satisfied, asked)."""
    shares = [s for s in (share(*first), share(*second)) if s is not None]
    if not shares:
        return None
    return sum(shares) / len(shares)


def disclosure(on_stand, on_site, norm_stand, norm_site):
    """П_инф = 0.5 x (I_stand / I_norm_stand + I_site / I_norm_site) x 100; None when not
    checked or nothing is required anywhere."""
    if norm_stand is None or norm_site is None:
        return None
    if not (0 <= on_stand <= max(norm_stand, 0) and 0 <= on_site <= max(norm_site, 0)):
        raise ValueError(
            f"{on_stand} / {norm_stand} on the stands, {on_site} / {norm_site} on site"
        )
    shares = [
        count / norm for count, norm in ((on_stand, norm_stand), (on_site, norm_site)) if norm > 0
    ]
    if not shares:
        return None
    return sum(shares) / len(shares) * 100.0


def points_per_unit(units, points, max_points=MAX_POINTS):
    """``points`` per condition or channel present, at most ``max_points``."""
    if units is None:
        return None
    if units < 0:
        raise ValueError(f"negative count {units}")
    return min(units * points, max_points)


def direct(value, max_points=MAX_POINTS):
    """An expert value in points, between 0 and ``max_points``."""
    if value is None:
        return None
    if not 0 <= value <= max_points:
        raise ValueError(f"expert value {value} is not between 0 and {max_points}")
    return float(value)


def indicator_value(formula, inputs, points=0.0, max_points=MAX_POINTS):
    """Points of one indicator (rounded, 0 when there is no data) and whether data was missing.

    ``inputs`` by formula: disclosure (on_stand, on_site, norm_stand, norm_site);
    points_per_unit units; share (satisfied, asked); share_pair ((satisfied, asked),
    (satisfied, asked)); direct value.
    """
    if formula == "disclosure":
        value = disclosure(*inputs) if inputs else None
    elif formula == "points_per_unit":
        value = points_per_unit(inputs, points, max_points)
    elif formula == "share":
        value = share(*inputs) if inputs else None
    elif formula == "share_pair":
        value = share_pair(*inputs) if inputs else None
    elif formula == "direct":
        value = direct(inputs, max_points)
    else:
        raise ValueError(f"unknown formula {formula!r}")
    if value is None:
        return 0.0, True
    return round2(min(value, max_points)), False


def criterion_score(weighted_values):
    """K = sum of weight x indicator value; ``weighted_values`` is [(weight, value), ...]."""
    return round2(sum(weight * value for weight, value in weighted_values))


def total_score(criterion_scores, weights=None):
    """S = mean of the criterion scores (a weighted mean when ``weights`` are given)."""
    if not criterion_scores:
        return 0.0
    weights = weights or [1.0] * len(criterion_scores)
    return round2(sum(w * s for w, s in zip(weights, criterion_scores, strict=True)) / sum(weights))


def ranking(totals):
    """{key: rank} from {key: total}: standard competition ranking ("1, 2, 2, 4")."""
    ordered = sorted(totals.values(), reverse=True)
    ranks = {}
    for key, total in totals.items():
        ranks[key] = ordered.index(total) + 1
    return ranks


def weights_problem(weights):
    """A message when the weights of a criterion do not add up to 1, else None."""
    total = round2(sum(weights))
    if abs(total - 1.0) > 0.0001:
        return f"the weights add up to {total}, not 1"
    return None


# ---------------------------------------------------------------------- open contest (1.1)
# The open contest for the best culture institution (plan item 1.1) has criteria with points;
# the jury (commission) scores each criterion; the independent rating may be one criterion.


def contest_rating_points(rating_total, max_points):
    """The independent rating as a criterion: the institution's total (0-100) scaled to the
    criterion's points, total / 100 x points; 0 when the institution was not rated."""
    if rating_total is None:
        return 0.0
    if not 0 <= rating_total <= MAX_POINTS:
        raise ValueError(f"rating total {rating_total} is not between 0 and {MAX_POINTS}")
    return round2(rating_total / MAX_POINTS * max_points)


def contest_jury_points(points, max_points):
    """A criterion scored by the jury: the mean of the jurors' points (each 0 to the maximum)."""
    if not points:
        return 0.0
    for value in points:
        if not 0 <= value <= max_points:
            raise ValueError(f"{value} points is not between 0 and {max_points}")
    return round2(sum(points) / len(points))


def contest_total(criterion_points):
    """An application's total: the sum of its criteria's points."""
    return round2(sum(criterion_points))
