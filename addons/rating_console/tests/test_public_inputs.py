"""Every public route of rating_console answers 4xx, never 500, for malformed input."""

import re
import threading

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import RatingConsoleMixin

BAD_VALUES = [
    "%00", "a%00b", "1-1", "0-0", "0000-00", "9999-12", "2025-13", "2025-00", "-1", "1e9",
    "x" * 3000, "%ff%fe", "..%2F..%2Fetc", "%27%3B--", "%E2%80%AE", "[]", "{}", "%0A%0D",
]
# Form fields sent to every route (POST), with NUL bytes and oversized values.
BAD_FORM = {"month": "1-1\x00", "workplace": "W\x00", "name": "N\x00", "contact": "\x00",
            "body": "B" * 100_000 + "\x00", "kind": "\x00", "mac": "\x00", "auto": "\x00"}


@tagged("post_install", "-at_install")
class TestPublicInputs(RatingConsoleMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_rating_data()

    def public_routes(self):
        """(url pattern, methods) of every route of this addon that needs no login."""
        routes = []
        thread = threading.current_thread()
        self.patch(thread, "dbname", self.env.cr.dbname) if hasattr(thread, "dbname") else (
            setattr(thread, "dbname", self.env.cr.dbname)
        )
        for rule in self.env["ir.http"].routing_map().iter_rules():
            endpoint = rule.endpoint
            module = getattr(endpoint, "original_endpoint", endpoint).__module__
            if not module.startswith("odoo.addons.rating_console."):
                continue
            if endpoint.routing.get("auth") not in ("public", "none"):
                continue
            routes.append((rule.rule, endpoint.routing.get("methods") or ["GET", "POST"]))
        return routes

    def urls(self, pattern, value):
        url = re.sub(r"<(?:\w+:)?\w+>", value, pattern)
        return [url, f"{url}?month={value}&workplace={value}&kind={value}&mac={value}"]

    def test_every_public_route_refuses_malformed_input_without_a_500(self):
        routes = self.public_routes()
        paths = {pattern for pattern, _methods in routes}
        for expected in ("/rating_console/results", "/rating_console/workplace/<string:code>",
                         "/rating_console/book/<string:office_code>",
                         "/rating_console/v1/events", "/rating_console/v1/queue"):
            self.assertIn(expected, paths)
        failures = []
        with mute_logger("odoo.http", "werkzeug"):
            for pattern, methods in routes:
                for value in BAD_VALUES:
                    for url in self.urls(pattern, value):
                        for method in methods:
                            data = BAD_FORM if method == "POST" else None
                            response = self.opener.request(
                                method, self.base_url() + url, data=data, timeout=30,
                                allow_redirects=False,
                            )
                            if response.status_code >= 500:
                                failures.append((method, url[:80], response.status_code))
        self.assertFalse(failures)

    def test_malformed_month_is_a_400_and_a_good_month_a_page(self):
        for month in ("1-1", "0001-01", "2025-13", "9999-12", "2025-1x", "%00"):
            response = self.url_open(f"/rating_console/results?month={month}")
            self.assertEqual(response.status_code, 400, month)
        self.assertEqual(self.url_open("/rating_console/results?month=2025-03").status_code, 200)
        self.assertEqual(self.url_open("/rating_console/results").status_code, 200)

    def test_nul_in_the_book_form_is_refused(self):
        """With a valid CSRF token: the form itself refuses NUL bytes (400), nothing stored."""
        page = self.url_open(f"/rating_console/book/{self.centre.code}")
        self.assertEqual(page.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)[1]
        for field in ("name", "contact", "body", "workplace"):
            data = {"csrf_token": token, "name": "Citizen", "body": "Thank you", "kind": "thanks"}
            data[field] = data.get(field, "") + "\x00"
            response = self.url_open(f"/rating_console/book/{self.centre.code}", data=data)
            self.assertEqual(response.status_code, 400, field)
        self.assertFalse(
            self.env["municipal.complaint"].search([("office_id", "=", self.centre.id)])
        )
        for code in ("%00", "x%00y", "x" * 300):
            self.assertEqual(self.url_open(f"/rating_console/book/{code}").status_code, 404)
            self.assertEqual(
                self.url_open(f"/rating_console/workplace/{code}").status_code, 404
            )
