from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import http
from odoo.http import request


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
        values = {"office": office, "workplace": workplace, "errors": [], "post": post}
        if request.httprequest.method == "POST":
            name = (post.get("name") or "").strip()
            body = (post.get("body") or "").strip()
            kind = post.get("kind") if post.get("kind") in ("complaint", "suggestion",
                                                            "thanks") else "complaint"
            if not name:
                values["errors"].append("name")
            if not body:
                values["errors"].append("body")
            if not values["errors"]:
                request.env["municipal.complaint"].sudo().create(
                    {
                        "name": name[:200],
                        "contact": (post.get("contact") or "").strip()[:200],
                        "kind": kind,
                        "body": body[:10000],
                        "office_id": office.id,
                        "workplace_id": workplace.id,
                        "employee_id": workplace.employee_id.id,
                        "console_fault": workplace.console_state == "faulty",
                    }
                )
                return request.render("rating_console.public_book_thanks", {"office": office})
        return request.render("rating_console.public_book", values)
