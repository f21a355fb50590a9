"""The satisfaction indicator of the Kaluga practice (2015), as the regulation states it.

Part 1 of the assessment is a questionnaire of the applicants. For one quality dimension
(comfort of the premises, timing, information, the work of the municipal servant, overall):

* a *respondent* is a completed questionnaire that answered at least one question of the dimension;
* a respondent is *satisfied* when every answer given on that dimension is in the positive part of
  the scale ("hard to say" is not positive);
* the indicator is the share of satisfied respondents: satisfied / respondents x 100, rounded to
  two decimals; the target indicator is "not less than 80%".

A servant's figure is published (public and council pages, bonus lines) only from a minimum
number of respondents (5 by default): below it, a few voices would name the citizens and swing
the rate; the page says "too few answers" instead.

No ORM here: the models aggregate the answers and call these functions.
"""

from decimal import ROUND_HALF_UP, Decimal

DIMENSIONS = ("comfort", "timing", "information", "staff", "overall")
HEADLINE_DIMENSION = "staff"
DEFAULT_TARGET = 80.0
DEFAULT_MIN_RESPONDENTS = 5

POSITIVE = "positive"
NEGATIVE = "negative"
NEUTRAL = "neutral"


def is_satisfied(satisfactions):
    """A respondent's answers on one dimension -> satisfied (all positive, at least one)."""
    satisfactions = list(satisfactions)
    return bool(satisfactions) and all(value == POSITIVE for value in satisfactions)


def satisfaction_rate(respondents, satisfied):
    """Share of satisfied respondents in percent, rounded half up to 2 decimals (0.0 if none)."""
    if respondents < 0 or satisfied < 0 or satisfied > respondents:
        raise ValueError(f"Impossible counts: {satisfied} satisfied of {respondents} respondents")
    if not respondents:
        return 0.0
    rate = Decimal(satisfied) * 100 / Decimal(respondents)
    return float(rate.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def target_met(rate, target, respondents):
    """The target ("not less than") is met by a rate at or above it; never without respondents."""
    return bool(respondents) and rate >= target


def figure_shown(respondents, min_respondents=DEFAULT_MIN_RESPONDENTS):
    """A figure is shown from ``min_respondents`` respondents on (and never without any)."""
    return respondents > 0 and respondents >= min_respondents


def indicator(
    respondents, satisfied, target=DEFAULT_TARGET, min_respondents=DEFAULT_MIN_RESPONDENTS
):
    """The indicator as the API returns it; ``shown``: enough respondents to publish it."""
    rate = satisfaction_rate(respondents, satisfied)
    return {
        "respondents": int(respondents),
        "satisfied": int(satisfied),
        "rate": rate,
        "target": float(target),
        "met": target_met(rate, target, respondents),
        "shown": figure_shown(respondents, min_respondents),
    }
