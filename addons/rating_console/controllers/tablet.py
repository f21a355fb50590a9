import logging

from odoo import SUPERUSER_ID, http
from odoo.http import request

from ..bridge.bus import MESSAGE_TYPE
from ..models.event_rules import MAX_COMMENT_LENGTH
from .common import error, json_body, json_response
from .public import _code, _malformed_code

_logger = logging.getLogger(__name__)


class RatingConsoleTablet(http.Controller):
    """The web (tablet) console: the three buttons on the tablet of a workplace.

    ``/rating_console/tablet`` asks for the one-time pairing code a manager got on the console's
    form (*Pair a tablet*); ``/rating_console/v1/pair`` exchanges it for the console's
    credentials, which the page keeps in the tablet's storage; ``/rating_console/tablet/<serial>``
    is the console itself. Its presses go to the event API like a printed console's.
    """

    @http.route("/rating_console/tablet", type="http", auth="public", methods=["GET"],
                sitemap=False)
    def tablet_pairing(self, **_kwargs):
        return request.render("rating_console.tablet_pairing", {})

    @http.route(
        "/rating_console/v1/pair",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        save_session=False,
        readonly=False,
    )
    def pair(self, **_kwargs):
        """``{"code": "ABCD-EFGH"}`` -> the console's credentials, once per code."""
        try:
            body = json_body()
        except ValueError as exc:
            return error(400, str(exc))
        code = body.get("code")
        if not isinstance(code, str) or not code.strip():
            return error(400, "'code' must be the pairing code shown on the console's form")
        env = request.env(user=SUPERUSER_ID, su=True)
        console, token = env["municipal.console"]._pair_with_code(code)
        if not console:
            return error(404, "unknown, expired or already used pairing code")
        return json_response(
            {
                "console": console.serial,
                "token": token,
                "channel": console.bus_channel,
                "page": f"/rating_console/tablet/{console.serial}",
            }
        )

    @http.route("/rating_console/tablet/<string:serial>", type="http", auth="public",
                methods=["GET"], sitemap=False)
    def tablet(self, serial, **_kwargs):
        """The console's page, in the office's language; no result, no operator shown."""
        if not _code(serial):
            return _malformed_code()
        console = request.env["municipal.console"].sudo().search(
            [("serial", "=", serial), ("workplace_id", "!=", False)], limit=1
        )
        if not console:
            raise request.not_found()
        office = console.office_id
        lang = office._console_lang()
        request.update_context(lang=lang)
        office = office.with_context(lang=lang)
        Vote = request.env["municipal.console.vote"].with_context(lang=lang)
        labels = dict(Vote._fields["value"]._description_selection(Vote.env))
        return request.render(
            "rating_console.tablet_console",
            {
                "console": console,
                "office": office,
                "reasons": office.console_reason_ids.with_context(lang=lang),
                "ask_after_good": office.console_reason_after_good,
                "labels": labels,
                "html_lang": lang.replace("_", "-"),
                "message_type": MESSAGE_TYPE,
                "max_comment": MAX_COMMENT_LENGTH,
            },
        )
