import re
from datetime import date

from dateutil.relativedelta import relativedelta
from werkzeug.exceptions import BadRequest

from odoo import http
from odoo.http import request

from ..models.municipal_complaint import BOOK_LIMITS

MONTH = re.compile(r"(\d{4})-(\d{1,2})")
# A code in a public URL: what a workplace or office code may be (else: no such page).
MAX_CODE_LENGTH = 64


def _month(value):
    """``YYYY-MM`` (years 1900-9998) as the first day of the month; no value: this month;
    anything else is a 400."""
    if not value:
        return date.today().replace(day=1)
    match = MONTH.fullmatch(value) if isinstance(value, str) else None
    if not match or not 1900 <= int(match[1]) <= 9998 or not 1 <= int(match[2]) <= 12:
        raise BadRequest("month must be YYYY-MM")
    return date(int(match[1]), int(match[2]), 1)


def _code(value):
    """A code from a public URL or form, or None when it cannot be one (NUL, too long)."""
    if not isinstance(value, str) or "\x00" in value or len(value) > MAX_CODE_LENGTH:
        return None
    return value


def _malformed_code():
    """404 for a code that cannot exist, answered here: raising NotFound would make Odoo look
    for an attachment at this URL (``_serve_fallback``), and PostgreSQL refuses the NUL byte."""
    return request.make_response(
        "Not Found", headers=[("Content-Type", "text/plain; charset=utf-8")], status=404
    )


def _clean_post(post):
    """Form fields with NUL bytes are refused as a whole (PostgreSQL stores no NUL)."""
    if any(isinstance(value, str) and "\x00" in value for value in post.values()):
        raise BadRequest("a form field contains a NUL byte")
    return post


class RatingConsolePublic(http.Controller):
    @http.route("/rating_console/results", type="http", auth="public", website=True,
                methods=["GET"], readonly=True)
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
                website=True, methods=["GET"], readonly=True)
    def workplace(self, code, **_kwargs):
        if not _code(code):
            return _malformed_code()
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
        if not _code(office_code):
            return _malformed_code()
        post = _clean_post(post)
        office = request.env["municipal.office"].sudo().search(
            [("code", "=", office_code)], limit=1
        )
        if not office:
            raise request.not_found()
        workplace = request.env["municipal.workplace"].sudo().search(
            [("code", "=", _code(post.get("workplace")) or ""), ("office_id", "=", office.id)],
            limit=1,
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
