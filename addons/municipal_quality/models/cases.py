"""Deadlines of the quality cases (the closed loop), as arithmetic.

A case opened on a day is due ``sla_days`` calendar days later (a negative voice is answered
within 48 hours by default: two days). A case still open after its deadline is overdue and goes
to the head above.
"""

from datetime import timedelta

# a Bad press the client explained on a tablet console ("console") is a negative voice too
DEFAULT_SLA_DAYS = {"questionnaire": 2, "console": 2, "alert": 1, "manual": 5}


def deadline(opened_on, sla_days):
    return opened_on + timedelta(days=max(int(sla_days or 0), 0))


def is_overdue(deadline_date, today, closed=False):
    """Overdue the day after the deadline (the deadline day itself is still in time)."""
    return bool(deadline_date) and not closed and today > deadline_date
