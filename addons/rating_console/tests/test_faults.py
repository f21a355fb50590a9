from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import RatingConsoleCase


@tagged("post_install", "-at_install")
class TestFaults(RatingConsoleCase):
    def _activity_users(self, console):
        return console.activity_ids.mapped("user_id")

    def test_silent_console_becomes_faulty_and_heads_and_it_are_told(self):
        self.env["ir.config_parameter"].sudo().set_param("rating_console.heartbeat_timeout", "15")
        now = fields.Datetime.now()
        self.console._register_heartbeat(now - timedelta(minutes=16), "1.4.2")
        self.console_branch._register_heartbeat(now - timedelta(minutes=14), "1.4.2")
        self.assertEqual(self.console.state, "active")
        silent = self.env["municipal.console"]._cron_check_heartbeats()
        self.assertIn(self.console, silent)
        self.assertNotIn(self.console_branch, silent, "14 minutes < 15 configured")
        self.assertEqual(self.console.state, "faulty")
        fault = self.console.fault_ids
        self.assertEqual((fault.reason, fault.state, fault.workplace_id),
                         ("no_heartbeat", "open", self.workplace))
        users = self._activity_users(self.console)
        self.assertIn(self.head_user, users, "the head of the centre")
        self.assertIn(self.it_user, users, "the IT department")
        self.assertNotIn(self.operator_user, users)
        # the cron runs again: no second fault, no second activity
        self.env["municipal.console"]._cron_check_heartbeats()
        self.assertEqual(len(self.console.fault_ids), 1)
        self.assertEqual(len(self.console.activity_ids), len(users))

    def test_heartbeat_closes_the_silence_fault(self):
        now = fields.Datetime.now()
        self.console._register_heartbeat(now - timedelta(hours=1))
        self.env["municipal.console"]._cron_check_heartbeats()
        self.assertEqual(self.console.state, "faulty")
        self.console._register_heartbeat(now)
        fault = self.console.fault_ids
        self.assertEqual(fault.state, "closed")
        self.assertEqual(fault.closed_at, now)
        self.assertEqual(self.console.state, "active")
        self.assertFalse(self.console.activity_ids, "the activities are done")

    def test_error_frame_fault_stays_open_until_repaired(self):
        now = fields.Datetime.now()
        fault = self.console._open_fault("error", code="E03", at=now)
        self.console._register_heartbeat(now + timedelta(seconds=5))
        self.assertEqual(fault.state, "open", "a heartbeat does not repair a reported error")
        self.assertEqual(self.console.state, "faulty")
        self.assertEqual(self.console._open_fault("error", code="E03", at=now), fault)
        fault.with_user(self.it_user).action_close()
        self.assertEqual(fault.state, "closed")
        self.assertEqual(self.console.state, "active")

    def test_fault_reported_by_an_operator_tells_the_head_and_it(self):
        """Order 3.3: the operator reports a dark console to the head and the IT department."""
        with Form(self.env["municipal.console.fault"].with_user(self.operator_user)) as form:
            form.console_id = self.console
            form.note = "The buttons do not light up after the call."
        fault = form.record
        self.assertEqual((fault.reason, fault.state, fault.workplace_id),
                         ("manual", "open", self.workplace))
        self.assertEqual(self.console.state, "faulty")
        users = self._activity_users(self.console)
        self.assertIn(self.head_user, users, "the head of the centre")
        self.assertIn(self.it_user, users, "the IT department")
        fault.with_user(self.it_user).action_close()
        self.assertEqual(self.console.state, "active")
        self.assertFalse(self.console.activity_ids, "the activities are done")

    def test_branch_console_notifies_the_centre_head_when_branch_has_none(self):
        self.console_branch._open_fault("error", code="E01")
        self.assertIn(self.head_user, self._activity_users(self.console_branch))

    def test_timeout_setting_is_read_safely(self):
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("rating_console.heartbeat_timeout", "not a number")
        self.assertEqual(self.env["municipal.console"]._heartbeat_timeout(), 10)
        params.set_param("rating_console.heartbeat_timeout", "3")
        self.assertEqual(self.env["municipal.console"]._heartbeat_timeout(), 3)
        with patch.object(type(self.env["municipal.console"]), "_heartbeat_timeout",
                          return_value=60):
            self.console._register_heartbeat(fields.Datetime.now() - timedelta(minutes=30))
            self.assertFalse(self.env["municipal.console"]._cron_check_heartbeats())

    def test_one_open_fault_per_console_and_code(self):
        now = fields.Datetime.now()
        fault = self.console._open_fault("error", code="E03", at=now)
        self.assertEqual(self.console._open_fault("error", code="E03", at=now), fault)
        with self.assertRaisesText(ValidationError, "already open"):
            self.env["municipal.console.fault"].create(
                {"console_id": self.console.id, "reason": "error", "code": "E03"}
            )
        # the database keeps it too (a concurrent second report, past the ORM check)
        with self.assertRaises(Exception) as caught, self.cr.savepoint(), \
                mute_logger("odoo.sql_db"):
            self.cr.execute(
                "INSERT INTO municipal_console_fault (console_id, reason, code, opened_at) "
                "VALUES (%s, 'error', 'E03', now())",
                [self.console.id],
            )
        self.assertIn("one_open_per_code", str(caught.exception))
        fault._close()
        self.assertNotEqual(self.console._open_fault("error", code="E03"), fault, "closed: anew")

    def test_a_flood_of_codes_gives_one_activity_per_user(self):
        for number in range(20):
            self.console._open_fault("error", code=f"E{number:02d}")
        users = self._activity_users(self.console)
        self.assertEqual(len(self.console.fault_ids), 20)
        self.assertEqual(len(self.console.activity_ids), len(users), "one activity per user")
        self.assertIn(self.head_user, users)

    def test_codes_are_short_and_printable_and_notes_escaped(self):
        Fault = self.env["municipal.console.fault"]
        for code in ('<a href="http://evil">E</a>', "E" * 33, "E 1", "<img src=x>"):
            with self.assertRaisesText(ValidationError, "short and printable"):
                Fault.create({"console_id": self.console.id, "reason": "error", "code": code})
        self.workplace.name = '<img src="http://evil/x.png"><a href="http://evil">W</a>'
        self.console._open_fault("error", code="E01")
        note = str(self.console.activity_ids[:1].note)
        self.assertNotIn("<img", note)
        self.assertNotIn("<a ", note)
        self.assertIn("&lt;img", note)

    def test_an_operator_reports_only_the_console_of_his_workplace(self):
        Fault = self.env["municipal.console.fault"].with_user(self.operator_user)
        with self.assertRaisesText(AccessError, "your own workplace"):
            Fault.create({"console_id": self.console_branch.id, "note": "dark"})
        self.assertFalse(self.console_branch.fault_ids)
        self.assertTrue(Fault.create({"console_id": self.console.id, "note": "dark"}))
        # IT reports any console
        self.env["municipal.console.fault"].with_user(self.it_user).create(
            {"console_id": self.console_branch.id, "note": "dark"}
        )
