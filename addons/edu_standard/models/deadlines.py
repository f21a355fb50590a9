"""Legal deadlines of a complaint about a violation of the Standard (section 2.6), as plain
Python: no ORM, importable without a database.

The Standard counts days, not working days, so every term below is in calendar days:

* 2.6.5, to the head of the educational organisation: filed no later than 10 days after the
  applicant established the violation; the official answer no later than 30 days from the day
  the complaint was filed;
* 2.6.6, to the head of the education department: filed no later than 30 days after the
  violation was established; the day of filing is the day of its official registration in the
  department; the answer within 30 days; the organisation removes the violations and reports in
  writing to the department "no later than within a month" (a calendar month: a check
  instructed on 31 January is due on 28 or 29 February).
"""

from dateutil.relativedelta import relativedelta

ORGANIZATION = "organization"
DEPARTMENT = "department"

FILING_DAYS = {ORGANIZATION: 10, DEPARTMENT: 30}
ANSWER_DAYS = {ORGANIZATION: 30, DEPARTMENT: 30}
REPORT_MONTHS = 1


def _check_level(level):
    if level not in FILING_DAYS:
        raise ValueError(f"Unknown level of complaint {level!r}.")


def filing_deadline(level, violation_date):
    """Last day on which a complaint about a violation established on `violation_date` may be
    filed at `level`."""
    _check_level(level)
    return violation_date + relativedelta(days=FILING_DAYS[level])


def filed_in_time(level, violation_date, filing_date):
    return filing_date <= filing_deadline(level, violation_date)


def answer_deadline(level, filing_date):
    """Last day of the official answer to a complaint filed (registered) on `filing_date`."""
    _check_level(level)
    return filing_date + relativedelta(days=ANSWER_DAYS[level])


def report_deadline(instruction_date):
    """Last day of the organisation's written report to the department (and of the removal of
    the violations), a month after the department's instruction."""
    return instruction_date + relativedelta(months=REPORT_MONTHS)


# Why an instruction term does not fit (None when it fits)
TERM_BEFORE_INSTRUCTION = "before_instruction"
TERM_AFTER_ANSWER = "after_answer"
TERM_AFTER_MONTH = "after_month"


def instruction_term(instruction_date, department_answer_deadline):
    """Default term of the organisation's check instructed on `instruction_date`: a month
    (2.6.6), cut to the department's answer date so that the report reaches the department
    before it must answer; never before the instruction itself."""
    term = report_deadline(instruction_date)
    if department_answer_deadline:
        term = min(term, department_answer_deadline)
    return max(term, instruction_date)


def instruction_term_problem(instruction_date, term, department_answer_deadline):
    """Why `term` does not fit the instruction (one of the TERM_* codes), or None."""
    if term < instruction_date:
        return TERM_BEFORE_INSTRUCTION
    if department_answer_deadline and term > department_answer_deadline:
        return TERM_AFTER_ANSWER
    if term > report_deadline(instruction_date):
        return TERM_AFTER_MONTH
    return None
