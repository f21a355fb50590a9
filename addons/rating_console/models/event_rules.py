"""The rules of the console events, as plain Python (no Odoo): envelope, times, codes.

Rules of time for a press (CONFIGURE.md, "Rules of time"), each with its own refusal reason:

* the press time must be an ISO-8601 date and time that converts to UTC within years 1-9999
  (``0001-01-01T00:30+02:00`` or ``9999-12-31T23:30-05:00`` are one event's rejection);
* not in the future (beyond :data:`CLOCK_SKEW` of the server's clock);
* not older than the delivery window (:data:`DEFAULT_DELIVERY_WINDOW_HOURS`, a setting);
* not older than the latest press already stored for the console: a console's events arrive in
  order, so an older press is a replay or a clock gone back;
* the ticket at the press time was not a no-show (checked by the statement that stores it).
"""

import re
from datetime import UTC, datetime, timedelta

MAX_EVENTS = 1000
MAX_ID_LENGTH = 64
EVENT_TYPES = ("vote", "heartbeat", "fault")
VOTE_VALUES = ("bad", "good", "excellent")
CLOCK_SKEW = timedelta(minutes=5)
DEFAULT_DELIVERY_WINDOW_HOURS = 72
MAX_DELIVERY_WINDOW_HOURS = 24 * 366
# fault codes and firmware versions: short and printable, nothing an activity could render
CODE_PATTERN = re.compile(r"[A-Za-z0-9._:/+-]{1,32}")
CODE_RULE = "1-32 characters of A-Z a-z 0-9 . _ : / + -"

# A console reports at most this many different open fault codes (a flood is refused, not stored).
MAX_OPEN_FAULT_CODES = 10
REASON_TOO_MANY_FAULTS = (
    "the console has {count} open faults already: close them before it reports other codes"
)
REASON_FUTURE = "'at' is in the future"
REASON_WINDOW = "the press is older than the delivery window of {hours} hours"
REASON_OUT_OF_ORDER = "the press is older than the latest press already stored for this console"
REASON_NO_SHOW = "ticket {number} was a no-show: a client who was not served does not rate"

# The "why?" a tablet console asks after a Bad (or Good) press travels with the vote.
MAX_COMMENT_LENGTH = 200
VALUES_WITH_REASON = ("bad", "good")
REASON_REASON_TYPE = "'reason' must be the id (an integer) of a reason of the console's office"
REASON_REASON_VALUE = "a reason goes only with a bad or good vote"
REASON_REASON_UNKNOWN = "reason {reason} is not an active reason of the console's office"
REASON_COMMENT = (
    f"'comment' must be a text of at most {MAX_COMMENT_LENGTH} characters, without control "
    "characters"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class EventInputError(ValueError):
    """A field of one event is invalid (the event is rejected with this reason)."""


def parse_time(value):
    """ISO-8601 press time -> naive UTC datetime (a time without offset is taken as UTC)."""
    if not isinstance(value, str) or not value or len(value) > 64:
        raise EventInputError("'at' must be an ISO-8601 date and time")
    try:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
    except (ValueError, OverflowError) as exc:
        raise EventInputError(f"'at' is not an ISO-8601 date and time: {value[:64]!r}") from exc
    return moment.replace(microsecond=0)  # Odoo stores datetimes to the second


def delivery_window_hours(value):
    """The configured delivery window (a parameter's text) as hours, within 1 h - 1 year."""
    try:
        hours = int(value)
    except (TypeError, ValueError):
        return DEFAULT_DELIVERY_WINDOW_HOURS
    return min(max(hours, 1), MAX_DELIVERY_WINDOW_HOURS)


def press_refusal(at, now, window_hours, latest=None):
    """Why the press at ``at`` is refused (a reason), or None; ``latest`` is the latest press
    already stored (or accepted earlier in the same request) for the console."""
    if at > now + CLOCK_SKEW:
        return REASON_FUTURE
    if at < now - timedelta(hours=window_hours):
        return REASON_WINDOW.format(hours=window_hours)
    if latest and at < latest:
        return REASON_OUT_OF_ORDER
    return None


def check_code(code, what="code"):
    """A fault code or firmware version: short and printable, else EventInputError."""
    if not isinstance(code, str) or not CODE_PATTERN.fullmatch(code):
        raise EventInputError(f"'{what}' must be {CODE_RULE}")
    return code


def check_envelope(body):
    """(serial, events) of a request body, or ValueError with the reason (answered 400)."""
    serial = body.get("console")
    if not isinstance(serial, str) or not serial or len(serial) > 64 or "\x00" in serial:
        raise ValueError("'console' must be the serial number of the console")
    events = body.get("events")
    if not isinstance(events, list) or not events:
        raise ValueError("'events' must be a non-empty list")
    if len(events) > MAX_EVENTS:
        raise ValueError(f"at most {MAX_EVENTS} events per request")
    seen = set()
    for index, event in enumerate(events):
        if not isinstance(event, dict):
            raise ValueError(f"event #{index} is not an object")
        event_id = event.get("id")
        if not isinstance(event_id, str) or not event_id or len(event_id) > MAX_ID_LENGTH:
            raise ValueError(f"event #{index}: 'id' must be a string of 1-64 characters")
        if "\x00" in event_id:
            raise ValueError(f"event #{index}: 'id' must not contain NUL")
        if event_id in seen:
            raise ValueError(f"event id {event_id} appears twice in the batch")
        seen.add(event_id)
    return serial, events


def check_event(event, now):
    """Validate the fields of one event; returns the press time (naive UTC)."""
    kind = event.get("type")
    if kind not in EVENT_TYPES:
        raise EventInputError(f"'type' must be one of {', '.join(EVENT_TYPES)}")
    at = parse_time(event.get("at"))
    if at > now + CLOCK_SKEW:
        raise EventInputError(REASON_FUTURE)
    if kind == "fault":
        if not event.get("code"):
            raise EventInputError("a fault needs its 'code'")
        check_code(event["code"])
    elif kind == "heartbeat":
        if event.get("code") is not None:
            check_code(event["code"], "code")
    else:
        if event.get("value") not in VOTE_VALUES:
            raise EventInputError("'value' must be bad, good or excellent")
        check_reason(event)
        check_comment(event)
    return at


def check_reason(event):
    """The reason id of a vote (None without), shape only: whether it is a reason of the
    console's office is checked against the database (:func:`reason_refusal`)."""
    reason = event.get("reason")
    if reason is None:
        return None
    if isinstance(reason, bool) or not isinstance(reason, int) or not 0 < reason < 2**31:
        raise EventInputError(REASON_REASON_TYPE)
    if event.get("value") not in VALUES_WITH_REASON:
        raise EventInputError(REASON_REASON_VALUE)
    return reason


def check_comment(event):
    """The client's short text of a vote, stripped (None without or empty)."""
    comment = event.get("comment")
    if comment is None:
        return None
    if (
        not isinstance(comment, str)
        or len(comment) > MAX_COMMENT_LENGTH
        or _CONTROL.search(comment)
    ):
        raise EventInputError(REASON_COMMENT)
    return comment.strip() or None


def reason_refusal(reason, office_reasons):
    """Why the reason id ``reason`` of a vote is refused, or None; ``office_reasons`` is the set
    of the ids of the active reasons of the console's office."""
    if reason is not None and reason not in office_reasons:
        return REASON_REASON_UNKNOWN.format(reason=reason)
    return None
