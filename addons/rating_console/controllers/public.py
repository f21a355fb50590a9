from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import http
from odoo.http import request

from ..models.municipal_complaint import BOOK_LIMITS


def _month(value):
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return date(year, month, 1)
    except (TypeError, ValueError):
        return date.today().replace(day=1)


class RatingConsolePublic(http.Controller):
    @http.route("/rating_console/results", type="http", auth="public", website=True,
                methods=["GET"])
    def results(self, month=None, **_kwargs):
        """Public aggregates per branch and direction (order 4.4); no operator names."""
        start = _month(month)
        end = start + relativedelta(months=1)
        Report = request.env["municipal.console.report"].sudo()
        domain = [("date", ">=", start), ("date", "<", end)]
        values = {
            "month": start,
            "previous": (start - relativedelta(months=1)).strftime("%Y-%m"),
            "next": end.strftime("%Y-%m"),
            "by_office": Report._summary(domain, ["office_id"]),
            "by_direction": Report._summary(domain, ["office_id", "category_id"]),
        }
        return request.render("rating_console.public_results", values)

    @http.route("/rating_console/workplace/<string:code>", type="http", auth="public",
                website=True, methods=["GET"])
    def workplace(self, code, **_kwargs):
        workplace = request.env["municipal.workplace"].sudo().search(
            [("code", "=", code)], limit=1
        )
        if not workplace:
            raise request.not_found()
        return request.render("rating_console.public_workplace", {"workplace": workplace})

    @http.route("/rating_console/book/<string:office_code>", type="http", auth="public",
                website=True, methods=["GET", "POST"])
    def book(self, office_code, **post):
        """The complaints and suggestions book of an office (order 3.4)."""
        office = request.env["municipal.office"].sudo().search(
            [("code", "=", office_code)], limit=1
        )
        if not office:
            raise request.not_found()
        workplace = request.env["municipal.workplace"].sudo().search(
            [("code", "=", post.get("workplace") or ""), ("office_id", "=", office.id)], limit=1
        )
        values = {
            "office": office,
            "workplace": workplace,
            "errors": {},
            "post": post,
            "limits": BOOK_LIMITS,
        }
        if request.httprequest.method == "POST":
            entry, errors = request.env["municipal.complaint"]._book_submit(
                office, workplace, post
            )
            if entry:
                return request.render(
                    "rating_console.public_book_thanks", {"office": office, "entry": entry}
                )
            values["errors"] = errors
            return request.render("rating_console.public_book", values, status=422)
        return request.render("rating_console.public_book", values)
