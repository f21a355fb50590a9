"""Issue 14: with a read replica, public pages that only read are served by it, and flows that
read what the user has just written stay on the primary (token dialog, wizard reports)."""

import json
from datetime import date
from unittest.mock import patch

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import RatingConsoleMixin


@tagged("post_install", "-at_install")
class TestReplicaRouting(RatingConsoleMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_rating_data()
        cls.manager = new_test_user(
            cls.env,
            login="rc_replica_manager",
            password="rc_replica_manager",
            groups="rating_console.group_rating_manager,base.group_system",
        )

    def _modes(self, call):
        """(path, readonly asked by the route, retried read/write) of the requests ``call``
        makes: Odoo serves a readonly route on the replica when one is configured."""
        seen = []
        original = http.Request._transactioning

        def transactioning(request, func, readonly):
            seen.append((request.httprequest.path, bool(readonly)))
            return original(request, func, readonly)

        with patch.object(http.Request, "_transactioning", transactioning), self.assertNoLogs(
            "odoo.http", "WARNING"  # "retrying with a read/write cursor": a page that writes
        ):
            call()
        return seen

    def test_public_pages_read_on_the_replica(self):
        for url in ("/rating_console/results", f"/rating_console/workplace/{self.workplace.code}"):
            modes = self._modes(
                lambda url=url: self.assertEqual(self.url_open(url).status_code, 200)
            )
            self.assertIn((url, True), modes)

    def test_a_wizard_report_reads_on_the_primary(self):
        self.authenticate("rc_replica_manager", "rc_replica_manager")
        wizard = self.env["municipal.console.monthly.wizard"].create(
            {"centre_id": self.centre.id, "month": date(2025, 3, 1)}
        )
        transient = f"/report/html/rating_console.report_monthly/{wizard.id}"
        monitoring = self.env["municipal.monitoring"].create(
            {"name": "Replica", "date_from": date(2025, 1, 1), "date_to": date(2025, 3, 31)}
        )
        stored = f"/report/html/municipal_quality.report_municipal_monitoring/{monitoring.id}"
        modes = self._modes(lambda: self.assertEqual(self.url_open(transient).status_code, 200))
        self.assertIn((transient, False), modes)
        modes = self._modes(lambda: self.assertEqual(self.url_open(stored).status_code, 200))
        self.assertIn((stored, True), modes, "a report of stored records keeps the replica")

    def test_the_new_token_dialog_reads_on_the_primary(self):
        self.authenticate("rc_replica_manager", "rc_replica_manager")
        action = self.console.with_user(self.manager).action_generate_token()

        def read(model, ids, method="web_read", kwargs=None):
            response = self.url_open(
                "/web/dataset/call_kw",
                data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": {
                    "model": model, "method": method, "args": [ids],
                    "kwargs": kwargs or {"specification": {"display_name": {}}}}}),
                headers={"Content-Type": "application/json"},
            )
            self.assertNotIn("error", response.json())

        modes = self._modes(lambda: read(action["res_model"], [action["res_id"]]))
        self.assertIn(("/web/dataset/call_kw", False), modes)
        modes = self._modes(lambda: read("municipal.console", [self.console.id]))
        self.assertIn(("/web/dataset/call_kw", True), modes, "other forms keep the replica")
