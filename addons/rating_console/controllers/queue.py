from odoo import fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from .common import bearer_token, error, json_body, json_response

ACTIONS = {
    "call": "action_call",
    "start": "action_start",
    "finish": "action_finish",
    "no_show": "action_no_show",
}
TARGET_STATE = {"call": "called", "start": "serving", "finish": "done", "no_show": "no_show"}


class RatingConsoleQueue(http.Controller):
    """The external electronic queue drives the tickets (API key of the queue system user)."""

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
        uid = request.env["res.users.apikeys"]._check_credentials(scope="rpc", key=key)
        if not uid:
            return error(401, "invalid API key")
        env = request.env(user=uid, su=False)
        if not env.user.has_group("rating_console.group_rating_queue_api"):
            return error(403, "this user is not the queue system")
        try:
            body = json_body()
            action, number = body.get("action"), body.get("ticket")
            if action not in ACTIONS:
                raise ValueError(f"'action' must be one of {', '.join(ACTIONS)}")
            if not isinstance(number, str | int) or not str(number).strip():
                raise ValueError("'ticket' must be the ticket number")
            number = str(number).strip()
            code = body.get("workplace")
            if not isinstance(code, str) or not code:
                raise ValueError("'workplace' must be the code of a workplace")
        except ValueError as exc:
            return error(400, str(exc))
        workplace = env["municipal.workplace"].search([("code", "=", code)], limit=1)
        if not workplace:
            return error(400, f"unknown workplace {code}")
        try:
            with env.cr.savepoint():
                ticket = self._ticket(env, workplace, number, body, create=action == "call")
                if not ticket:
                    return error(404, f"no ticket {number} today at {workplace.office_id.name}")
                already = ticket.state == TARGET_STATE[action] and (
                    action != "call" or ticket.workplace_id == workplace
                )
                if already:
                    pass  # a retry of a transition already made: idempotent
                elif action == "call":
                    ticket.action_call(workplace)
                else:
                    getattr(ticket, ACTIONS[action])()
        except (UserError, ValidationError) as exc:
            return error(409, exc.args[0])
        except (ValueError, AccessError) as exc:
            return error(400, str(exc.args[0] if exc.args else exc))
        return json_response(
            {"ticket": ticket.number, "state": ticket.state, "workplace": workplace.code}
        )

    @staticmethod
    def _ticket(env, workplace, number, body, create):
        Ticket = env["municipal.queue.ticket"]
        today = fields.Date.context_today(Ticket)
        ticket = Ticket.search(
            [
                ("office_id", "=", workplace.office_id.id),
                ("number", "=", number),
                ("ticket_date", "=", today),
            ],
            limit=1,
        )
        if ticket or not create:
            return ticket
        vals = {"number": number, "office_id": workplace.office_id.id, "ticket_date": today}
        service_code = body.get("service")
        if service_code:
            service = env["municipal.service"].search(
                [("code", "=", str(service_code)), ("company_id", "=", workplace.company_id.id)],
                limit=1,
            )
            if not service:
                raise ValueError(f"unknown service {service_code}")
            vals.update(service_id=service.id, category_id=service.category_id.id)
        barcode = body.get("operator")
        if barcode:
            employee = env["hr.employee"].sudo().search(
                [("barcode", "=", str(barcode)), ("company_id", "=", workplace.company_id.id)],
                limit=1,
            )
            if not employee:
                raise ValueError(f"unknown operator barcode {barcode}")
            vals["employee_id"] = employee.id
        return Ticket.create(vals)
