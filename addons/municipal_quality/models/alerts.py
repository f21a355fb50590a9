"""Real-time alerts on the share of negative voices, as arithmetic (no Odoo here).

A rule watches a sliding window of ``window_minutes`` that ends now: the voices counted are those
given after ``now - window`` and not after ``now`` (a voice exactly one window old has left
it). The rule fires when at least ``minimum`` voices were counted and the negative ones make
``threshold`` percent of them or more. Defaults after HappyOrNot's suggested start: 50% in 15
minutes with at least 4 voices.
"""

from datetime import timedelta

DEFAULT_THRESHOLD = 50.0
DEFAULT_WINDOW_MINUTES = 15
DEFAULT_MINIMUM = 4


def window(now, minutes):
    """(start, end) of the window ending at ``now``: start excluded, end included."""
    return now - timedelta(minutes=minutes), now


def in_window(moment, now, minutes):
    start, end = window(now, minutes)
    return start < moment <= end


def share(negative, total):
    """Share of the negative voices in percent (0.0 without voices), rounded to 2 places."""
    return round(100.0 * negative / total, 2) if total else 0.0


def fires(negative, total, threshold=DEFAULT_THRESHOLD, minimum=DEFAULT_MINIMUM):
    """Whether a rule fires on ``negative`` of ``total`` voices."""
    if total < max(minimum, 1):
        return False
    return 100.0 * negative >= threshold * total
