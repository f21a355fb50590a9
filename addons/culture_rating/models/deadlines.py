"""Deadlines of the method of the independent assessment (no ORM here).

The method in force: "the public council forms the results of the independent assessment and
its proposals to improve the work of the organisations within a month of receiving the
operator's report; the authority passes them on to the organisations within a month of
receiving them from the council".

A term of a month (art. 191-192 of the Civil Code of the Russian Federation) starts the day after
the event and expires on the same date of the next month; when the next month has no such date
(a report of 31 January), on the last day of that month. The last day is still in time, the day
after is late. Non-working days do not move the deadline (art. 193 is not applied: the act
counts calendar months and the department sets the dates).
"""

import calendar
from datetime import date

COUNCIL_MONTHS = 1
AUTHORITY_MONTHS = 1


def add_months(start, months):
    """The same date ``months`` calendar months later, or the last day of that month."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def council_deadline(operator_report_date):
    """Last day for the council's results and proposals: a month after the operator's report."""
    if not operator_report_date:
        return None
    return add_months(operator_report_date, COUNCIL_MONTHS)


def authority_deadline(council_results_date):
    """Last day for the authority to pass the council's results on to the organisations: a
    month after it received them."""
    if not council_results_date:
        return None
    return add_months(council_results_date, AUTHORITY_MONTHS)


def is_late(deadline, done_on, today):
    """Done after the deadline, or not done and the deadline passed (today is after it)."""
    if not deadline:
        return False
    if done_on:
        return done_on > deadline
    return today > deadline


def contest_open(application_deadline, today):
    """Applications to the open contest are taken until its deadline, that day included."""
    return bool(application_deadline) and today <= application_deadline
