from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from ..models.municipal_queue_ticket import check_ticket_number
from ..models.res_users_apikeys import QUEUE_GROUP
from .common import Busy, bearer_token, error, json_body, json_response, last_attempt_answers

# How long a step waits for a lock held by a concurrent step (the same ticket sent twice, another
# ticket called at the same window). Past it, PostgreSQL raises LockNotAvailable and Odoo runs
# the request again (``odoo.service.model.retrying``), reading the same body.
QUEUE_LOCK_TIMEOUT_MS = 10000


def _short_text(body, name, required=True):
    value = body.get(name)
    if value is None and not required:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and not required:
        value = str(value)
    if not isinstance(value, str) or not value.strip() or len(value) > 64 or "\x00" in value:
        raise ValueError(f"'{name}' must be a code of 1-64 characters")
    return value.strip()


class RatingConsoleQueue(http.Controller):
    """The external electronic queue drives the tickets, with an API key of the queue scope
    (``rating_console.queue``) of the queue system user. The rules live in
    ``municipal.queue.ticket._queue_api_drive``; this route authenticates and parses."""

    @http.route(
        "/rating_console/v1/queue",
        type="http",
        auth="public",
        csrf=False,
        save_session=False,
    )
    def queue(self, **_kwargs):
        if request.httprequest.method != "POST":  # answered in JSON too, not an HTML page
            return error(405, "use POST")
        key = bearer_token()
        if not key:
            return error(401, "missing bearer token (an API key of the queue system user)")
        Keys = request.env["res.users.apikeys"].sudo()
        uid = Keys._check_queue_credentials(key)
        if not uid:
            if Keys._is_global_key(key):
                return error(
                    401, "this API key is not a key of the queue scope: ask for a queue API key"
                )
            return error(401, "invalid API key")
        env = request.env(user=uid, su=False)
        if not env.user.has_group(QUEUE_GROUP):
            return error(403, "this user is not the queue system")
        try:
            body = json_body()
            action = body.get("action")
            number = check_ticket_number(body.get("ticket"))
            code = _short_text(body, "workplace")
            service = _short_text(body, "service", required=False)
            operator = _short_text(body, "operator", required=False)
        except ValueError as exc:
            return error(400, str(exc))
        env.cr.execute(f"SET LOCAL lock_timeout = {int(QUEUE_LOCK_TIMEOUT_MS)}")
        try:
            with last_attempt_answers(), env.cr.savepoint():
                workplace, ticket = env["municipal.queue.ticket"]._queue_api_drive(
                    code, action, number, service=service, operator=operator
                )
        except Busy as exc:
            return error(503, str(exc))
        except AccessError as exc:  # a subclass of UserError: first
            return error(403, exc.args[0])
        except (UserError, ValidationError) as exc:
            return error(409, exc.args[0])
        except ValueError as exc:
            return error(400, str(exc))
        if not ticket:
            return error(404, f"no ticket {number} today at {workplace.office_id.name}")
        return json_response(
            {"ticket": ticket.number, "state": ticket.state, "workplace": workplace.code}
        )
