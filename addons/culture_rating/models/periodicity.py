"""How often an institution is assessed (the method: "at most once a year and at least once every
three years"; art. 36.1 of the Fundamentals of the legislation on culture). Pure Python."""

PERIOD_YEARS = 3


def assessment_overdue(last_year, year, period=PERIOD_YEARS):
    """Whether an institution last assessed in ``last_year`` (``None``: never) is left
    unassessed in ``year``: ``period`` years or more since its last assessment.

    Assessed in 2031: due again by 2034 at the latest; flagged from 2034 on (2032 and 2033 are
    within the period). Never assessed: flagged.
    """
    if not last_year:
        return True
    return year - last_year >= period
