from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from ..models.res_users_apikeys import QUEUE_GROUP
from .common import bearer_token, error, json_body, json_response


class RatingConsoleQueue(http.Controller):
    """The external electronic queue drives the tickets, with an API key of the queue scope
    (``rating_console.queue``) of the queue system user. The rules live in
    ``municipal.queue.ticket._queue_api_drive``; this route authenticates and parses."""

    @http.route(
        "/rating_console/v1/queue",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def queue(self, **_kwargs):
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
            action, number = body.get("action"), body.get("ticket")
            if not isinstance(number, str | int) or not str(number).strip():
                raise ValueError("'ticket' must be the ticket number")
            code = body.get("workplace")
            if not isinstance(code, str) or not code:
                raise ValueError("'workplace' must be the code of a workplace")
        except ValueError as exc:
            return error(400, str(exc))
        try:
            with env.cr.savepoint():
                workplace, ticket = env["municipal.queue.ticket"]._queue_api_drive(
                    code,
                    action,
                    str(number).strip(),
                    service=body.get("service"),
                    operator=body.get("operator"),
                )
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
