"""The arithmetic of Положение 133-р (Diveevo, 18.05.2020), without the ORM.

Section 3.1: the premium for a quarter, a year or another period is reduced by the indicator
(percent of reduction) of each negative indicator found ("наличие" - the presence of it counts,
not the number of cases). The six tables apply by position category:

* tables 1 (qualitative) and 2 (temporal): the highest group, function "head";
* tables 3 (qualitative) and 4 (temporal): the main and leading groups, function "head";
* tables 5 (qualitative) and 6 (temporal): function "specialist".

A premium cannot be reduced by more than its whole amount ("частично или в полном объеме",
section 3.2): the reduction is capped at 100%.
"""

MAX_REDUCTION = 100.0

POSITION_GROUPS = ("highest", "main", "leading", "senior", "junior")
HEAD_GROUPS = ("highest", "main", "leading")
FUNCTIONS = ("head", "specialist")

HIGHEST_HEAD = "highest_head"
MAIN_LEADING_HEAD = "main_leading_head"
SPECIALIST = "specialist"

TABLES_BY_CATEGORY = {
    HIGHEST_HEAD: (1, 2),
    MAIN_LEADING_HEAD: (3, 4),
    SPECIALIST: (5, 6),
}
QUALITATIVE_TABLES = (1, 3, 5)
TEMPORAL_TABLES = (2, 4, 6)


def head_allowed(position_group):
    """A "head" function is established only in the highest, main and leading groups."""
    return position_group in HEAD_GROUPS


def position_category(position_group, function):
    """The category of section 3.1 whose tables apply, or None when the tables do not apply
    (no function, or a head outside the highest, main and leading groups)."""
    if function == "specialist":
        return SPECIALIST
    if function == "head":
        if position_group == "highest":
            return HIGHEST_HEAD
        if position_group in ("main", "leading"):
            return MAIN_LEADING_HEAD
    return None


def table_category(table):
    """The position category a table of section 3.1 applies to."""
    for category, tables in TABLES_BY_CATEGORY.items():
        if table in tables:
            return category
    raise ValueError(f"Section 3.1 has no table {table}")


def criterion_type(table):
    """Tables 1, 3, 5 hold the qualitative criterion, tables 2, 4, 6 the temporal one."""
    if table in QUALITATIVE_TABLES:
        return "qualitative"
    if table in TEMPORAL_TABLES:
        return "temporal"
    raise ValueError(f"Section 3.1 has no table {table}")


def reduction_percent(indicator_percents):
    """Reduction of the premium: the sum of the percents of the indicators found, each indicator
    counted once (``indicator_percents`` maps an indicator to its percent), at most 100%."""
    return min(MAX_REDUCTION, round(sum(indicator_percents.values()), 2))


def bonus_percent(reduction):
    """The premium paid, in percent of the full premium."""
    return round(MAX_REDUCTION - min(MAX_REDUCTION, reduction), 2)


def is_timely(deadline, completion_date):
    """Section 2.3: a special task is done in time when completed on or before its deadline.
    None while the task is not completed or has no deadline."""
    if not deadline or not completion_date:
        return None
    return completion_date <= deadline


# Section 2.1: the conditions of a special-task premium, the reasons it is refused
NO_EFFECT = "no_effect"
NOT_TIMELY = "not_timely"
NOT_DONE = "not_done"


def special_task_premium_refusals(economic_effect, result_count, deadline, completion_date):
    """Section 2.1 (2.2, 2.3): a special-task premium is granted only when the task has an
    economic effect (``economic_effect`` > 0: budget savings or additional revenue, in
    roubles) or another positive result of the table of 2.2 (``result_count`` > 0), and was
    done by its deadline. Returns the reasons it is refused, in that order (empty: granted)."""
    refusals = []
    if not (economic_effect or 0) > 0 and not result_count:
        refusals.append(NO_EFFECT)
    timely = is_timely(deadline, completion_date)
    if timely is None:
        refusals.append(NOT_DONE)
    elif not timely:
        refusals.append(NOT_TIMELY)
    return refusals


# Disciplinary sanctions (Labour Code of the RF, art. 194): a sanction is in force for a year
# from the day it is imposed, unless it is lifted earlier.
SANCTION_TERM_YEARS = 1


def sanction_end(date_imposed, date_lifted=None):
    """The first day on which the sanction is no longer in force: its anniversary (a sanction
    of 29 February ends on 28 February), or the day it is lifted when that is earlier."""
    try:
        end = date_imposed.replace(year=date_imposed.year + SANCTION_TERM_YEARS)
    except ValueError:  # 29 February
        end = date_imposed.replace(year=date_imposed.year + SANCTION_TERM_YEARS, day=28)
    if date_lifted and date_lifted < end:
        end = date_lifted
    return end


def sanction_in_force(date_imposed, date_lifted, period_from, period_to):
    """A sanction counts for the period when it is in force on one of its days: imposed on or
    before its last day, and not ended (a year passed, or lifted) by its first day."""
    if not date_imposed or date_imposed > period_to:
        return False
    return sanction_end(date_imposed, date_lifted) > period_from
