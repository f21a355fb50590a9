"""The indicators of the monitoring (order section 4), as plain arithmetic.

* share of Excellent = Excellent / all votes x 100;
* share of Good or better = (Good + Excellent) / all votes x 100;
* ratings per 100 tickets served = votes on finished tickets / finished tickets x 100 (at
  most 100: a ticket is rated once);
* the average rating on Odoo's 1 / 3 / 5 scale.

Results may inform analysis, improvement and monthly bonuses (4.7) but never a disciplinary or
other sanction (4.8): :func:`usage_refused` says so for a given purpose.
"""

from ..bridge.protocol import RATINGS

# The purpose of use of the results that the order forbids (4.8).
FORBIDDEN_PURPOSES = ("disciplinary",)


def _share(part, whole):
    return round(100.0 * part / whole, 2) if whole else 0.0


def share_excellent(bad, good, excellent):
    return _share(excellent, bad + good + excellent)


def share_good_or_better(bad, good, excellent):
    return _share(good + excellent, bad + good + excellent)


def ratings_per_hundred_served(votes, served):
    return _share(votes, served)


def average_rating(bad, good, excellent):
    votes = bad + good + excellent
    if not votes:
        return 0.0
    total = bad * RATINGS["bad"] + good * RATINGS["good"] + excellent * RATINGS["excellent"]
    return round(total / votes, 2)


def usage_refused(purpose):
    """True when the order forbids using the results for ``purpose`` (4.8)."""
    return purpose in FORBIDDEN_PURPOSES
