import logging
from datetime import UTC, datetime, timedelta

from odoo import SUPERUSER_ID, http
from odoo.http import request

from .common import bearer_token, error, json_body, json_response

_logger = logging.getLogger(__name__)

MAX_EVENTS = 1000
MAX_ID_LENGTH = 64
EVENT_TYPES = ("vote", "heartbeat", "fault")
CLOCK_SKEW = timedelta(minutes=5)


class EventInputError(ValueError):
    """A field of one event is invalid (the event is rejected with this reason)."""


def parse_time(value):
    """ISO-8601 press time -> naive UTC datetime (a time without offset is taken as UTC)."""
    if not isinstance(value, str) or not value:
        raise EventInputError("'at' must be an ISO-8601 date and time")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise EventInputError(f"'at' is not an ISO-8601 date and time: {value!r}") from exc
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.replace(microsecond=0)  # Odoo stores datetimes to the second


class RatingConsoleEvents(http.Controller):
    @http.route(
        "/rating_console/v1/events",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        save_session=False,
        readonly=False,  # auth="none" routes default to a read-only (replica) cursor
    )
    def events(self, **_kwargs):
        """Events of one console, authenticated by its token (no Odoo session or user)."""
        token = bearer_token()
        if not token:
            return error(401, "missing bearer token")
        try:
            body = json_body()
            serial, events = self._check_envelope(body)
        except ValueError as exc:
            return error(400, str(exc))
        env = request.env(user=SUPERUSER_ID, su=True)
        console = env["municipal.console"]._authenticate(serial, token)
        if not console:
            return error(401, "unknown console or wrong token")
        return json_response(self._process(env, console, events))

    @staticmethod
    def _check_envelope(body):
        serial = body.get("console")
        if not isinstance(serial, str) or not serial:
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
            if event_id in seen:
                raise ValueError(f"event id {event_id} appears twice in the batch")
            seen.add(event_id)
        return serial, events

    def _process(self, env, console, events):
        """Outcome of each event, in the order of the request.

        Heartbeats and faults go through the ORM, each in its own savepoint; votes are checked
        here, then written in one set-based statement (``_record_console_votes``), so a single
        vote costs one query and a batch of 1,000 presses a few; each vote is one row: never
        half-written.
        """
        ids = [event["id"] for event in events]
        device_ids = [event["id"] for event in events if event.get("type") != "vote"]
        known = set()
        if device_ids:  # a vote's event id is checked by the statement that stores it
            env.cr.execute(
                "SELECT event_id FROM municipal_console_vote WHERE event_id = ANY(%s) "
                "UNION ALL SELECT event_id FROM municipal_console_fault WHERE event_id = ANY(%s)",
                [device_ids, device_ids],
            )
            known = {row[0] for row in env.cr.fetchall()}
        outcome = {}
        votes = []
        now = datetime.now(UTC).replace(tzinfo=None)
        for event in events:
            event_id = event["id"]
            if event_id in known:
                outcome[event_id] = "duplicate"
                continue
            try:
                vote = self._check_event(event, now)
                if vote:
                    votes.append((event_id, *vote))
                    continue
                with env.cr.savepoint():
                    self._process_device_event(console, event)
                outcome[event_id] = "accepted"
            except EventInputError as exc:
                outcome[event_id] = str(exc)
        if votes:
            outcome.update(env["municipal.console.vote"]._record_console_votes(console, votes))
        result = {"accepted": [], "duplicates": [], "rejected": []}
        for event_id in ids:
            state = outcome[event_id]
            if state == "accepted":
                result["accepted"].append(event_id)
            elif state == "duplicate":
                result["duplicates"].append(event_id)
            else:
                result["rejected"].append({"id": event_id, "reason": state})
        return result

    @staticmethod
    def _check_event(event, now):
        """Validate an event; for a vote, return (value, press time), else None."""
        kind = event.get("type")
        if kind not in EVENT_TYPES:
            raise EventInputError(f"'type' must be one of {', '.join(EVENT_TYPES)}")
        at = parse_time(event.get("at"))
        if at > now + CLOCK_SKEW:
            raise EventInputError("'at' is in the future")
        event["_at"] = at
        if kind == "fault" and (not isinstance(event.get("code"), str) or not event["code"]):
            raise EventInputError("a fault needs its 'code'")
        if kind != "vote":
            return None
        value = event.get("value")
        if value not in ("bad", "good", "excellent"):
            raise EventInputError("'value' must be bad, good or excellent")
        return value, at

    @staticmethod
    def _process_device_event(console, event):
        at, code = event["_at"], event.get("code")
        if event["type"] == "heartbeat":
            console._register_heartbeat(at, code if isinstance(code, str) else None)
        else:
            console._register_heartbeat(at)
            console._open_fault("error", code=code, at=at, event_id=event["id"])
