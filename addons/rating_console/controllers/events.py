import logging

from odoo import SUPERUSER_ID, http
from odoo.http import request

from ..models.event_rules import check_envelope
from .common import Busy, bearer_token, error, json_body, json_response, last_attempt_answers

_logger = logging.getLogger(__name__)


class RatingConsoleEvents(http.Controller):
    @http.route(
        "/rating_console/v1/events",
        type="http",
        auth="none",
        csrf=False,
        save_session=False,
        readonly=False,  # auth="none" routes default to a read-only (replica) cursor
    )
    def events(self, **_kwargs):
        """Events of one console, authenticated by its token (no Odoo session or user).

        Parse, authenticate, hand the events to ``municipal.console._receive_events``, answer.
        The body is parsed once per request (``json_body``): when Odoo retries the handler after
        a concurrency conflict, the retry reads the same events and answers what the first
        attempt would have.
        """
        if request.httprequest.method != "POST":  # answered in JSON too, not an HTML page
            return error(405, "use POST")
        token = bearer_token()
        if not token:
            return error(401, "missing bearer token")
        try:
            serial, events = check_envelope(json_body())
        except ValueError as exc:
            return error(400, str(exc))
        env = request.env(user=SUPERUSER_ID, su=True)
        console = env["municipal.console"]._authenticate(serial, token)
        if not console:
            return error(401, "unknown console or wrong token")
        try:
            with last_attempt_answers():
                result = console._receive_events(events)
                env.flush_all()
        except Busy as exc:
            return error(503, str(exc))
        return json_response(result)
