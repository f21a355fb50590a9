"""Issue 16: real-time alerts on the share of negative voices."""

from datetime import datetime, timedelta
from unittest import TestCase
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from ..models import alerts
from .quality_common import QualitySurveyCase

NOW = datetime(2026, 12, 2, 10, 0, 0)


class TestAlertArithmetic(TestCase):
    def test_three_of_four_fires_at_fifty_percent(self):
        self.assertTrue(alerts.fires(3, 4, 50.0, 4))

    def test_two_of_three_does_not_fire_with_minimum_four(self):
        self.assertFalse(alerts.fires(2, 3, 50.0, 4))
        self.assertFalse(alerts.fires(3, 3, 50.0, 4))

    def test_the_threshold_itself_fires(self):
        self.assertTrue(alerts.fires(2, 4, 50.0, 4))
        self.assertFalse(alerts.fires(1, 4, 50.0, 4))
        self.assertTrue(alerts.fires(1, 3, 33.33, 1))
        self.assertFalse(alerts.fires(1, 3, 33.34, 1))

    def test_no_voices_never_fire(self):
        self.assertFalse(alerts.fires(0, 0, 50.0, 0))
        self.assertEqual(alerts.share(0, 0), 0.0)
        self.assertEqual(alerts.share(2, 3), 66.67)

    def test_the_window_edge(self):
        self.assertTrue(alerts.in_window(NOW, NOW, 15))
        self.assertTrue(
            alerts.in_window(NOW - timedelta(minutes=15) + timedelta(seconds=1), NOW, 15)
        )
        self.assertFalse(alerts.in_window(NOW - timedelta(minutes=15), NOW, 15))
        self.assertFalse(alerts.in_window(NOW + timedelta(seconds=1), NOW, 15))

    def test_defaults_are_the_suggested_start(self):
        self.assertEqual(
            (alerts.DEFAULT_THRESHOLD, alerts.DEFAULT_WINDOW_MINUTES, alerts.DEFAULT_MINIMUM),
            (50.0, 15, 4),
        )


@tagged("post_install", "-at_install")
class TestQualityAlerts(QualitySurveyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head_user = new_test_user(cls.env, login="mq_alert_head", groups="base.group_user")
        cls.head = cls.env["hr.employee"].create(
            {"name": "Head of centre", "user_id": cls.head_user.id}
        )
        cls.centre.manager_id = cls.head
        cls.colleague = new_test_user(cls.env, login="mq_alert_colleague", groups="base.group_user")
        cls.rule = cls.env["municipal.quality.alert.rule"].create(
            {"name": "Unhappy at the centre", "office_id": cls.centre.id}
        )
        cls.Alert = cls.env["municipal.quality.alert"]
        cls.other_office = cls.env["municipal.office"].create({"name": "Other hall", "code": "T-O"})

    def _voices(self, *satisfactions, office=None, at=NOW):
        for index, satisfaction in enumerate(satisfactions):
            self._staff(
                satisfaction,
                "positive",
                office_id=(office or self.branch).id,
                end=at - timedelta(minutes=index),
            )

    def setUp(self):
        super().setUp()
        self.sent = []
        Bus = type(self.env["bus.bus"])
        original = Bus._sendone

        def _sendone(bus, target, notification_type, message):
            self.sent.append((target, notification_type, message))
            return original(bus, target, notification_type, message)

        patcher = patch.object(Bus, "_sendone", _sendone)
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_three_negative_of_four_fire_one_alert_for_the_head(self):
        self._voices("negative", "negative", "negative", "positive")
        fired = self.rule._alert_evaluate(now=NOW)
        self.assertEqual(len(fired), 1)
        self.assertEqual((fired.negative_count, fired.total_count), (3, 4))
        self.assertEqual(fired.negative_share, 75.0)
        self.assertEqual(fired.state, "open")
        self.assertEqual(fired.activity_ids.user_id, self.head_user)
        [(channel, message)] = [
            (target, message)
            for target, kind, message in self.sent
            if kind == "simple_notification"
        ]
        self.assertEqual(channel, self.head_user.partner_id)
        self.assertIn("3 of 4 voices negative (75.0%) in 15 minutes", message["message"])
        self.assertTrue(message["sticky"])
        # never two open for the same rule
        self._voices("negative", "negative", at=NOW + timedelta(minutes=1))
        self.assertFalse(self.rule._alert_evaluate(now=NOW + timedelta(minutes=1)))
        self.assertEqual(self.Alert.search_count([("rule_id", "=", self.rule.id)]), 1)

    def test_the_unique_index_refuses_a_second_open_alert(self):
        first = self.Alert._alert_fire(self.rule, 3, 4, NOW - timedelta(minutes=15), NOW)
        second = self.Alert._alert_fire(self.rule, 4, 4, NOW - timedelta(minutes=15), NOW)
        self.assertTrue(first)
        self.assertFalse(second)
        self.assertEqual(self.Alert.search_count([("rule_id", "=", self.rule.id)]), 1)

    def test_below_the_minimum_or_outside_the_window_nothing_fires(self):
        self._voices("negative", "negative", "negative")
        self.assertFalse(self.rule._alert_evaluate(now=NOW))
        # a fourth voice exactly one window old has left the window
        self._staff(
            "negative", "positive", office_id=self.centre.id, end=NOW - timedelta(minutes=15)
        )
        self.assertFalse(self.rule._alert_evaluate(now=NOW))
        # another office's voices do not count for the centre's rule
        self._voices("negative", "negative", office=self.other_office, at=NOW)
        self.assertFalse(self.rule._alert_evaluate(now=NOW))

    def test_a_completed_response_evaluates_the_rules(self):
        self._voices(
            "negative", "negative", "negative", at=fields.Datetime.now() - timedelta(seconds=5)
        )
        response = self._respond(
            {self.q_courtesy: "negative", self.q_competence: "negative"},
            state="in_progress",
            office_id=self.centre.id,
        )
        self.assertFalse(self.Alert.search([("rule_id", "=", self.rule.id)]))
        response._mark_done()
        alert = self.Alert.search([("rule_id", "=", self.rule.id)])
        self.assertEqual((alert.negative_count, alert.total_count), (4, 4))

    def test_acknowledged_with_a_comment_closed_with_the_measure(self):
        alert = self.Alert._alert_fire(self.rule, 3, 4, NOW - timedelta(minutes=15), NOW)
        as_head = alert.with_user(self.head_user)
        with self.assertRaisesRegex(UserError, "Write a comment"):
            as_head.action_acknowledge()
        as_head.acknowledge_note = "The queue machine was down."
        as_head.action_acknowledge()
        self.assertEqual((alert.state, alert.acknowledged_by_id), ("acknowledged", self.head_user))
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            as_head.acknowledge_note = "Rewritten"
        with self.assertRaisesRegex(UserError, "Write the measure"):
            as_head.action_close()
        as_head.measure = "Queue machine repaired; a second window opened at peak hours."
        as_head.action_close()
        self.assertEqual(alert.state, "closed")
        self.assertFalse(alert.activity_ids)
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            as_head.measure = "Rewritten"
        # closed: the rule may fire again
        self._voices("negative", "negative", "negative", "negative")
        self.assertTrue(self.rule._alert_evaluate(now=NOW))

    def test_nobody_else_acts_and_nobody_forges_the_figures(self):
        alert = self.Alert._alert_fire(self.rule, 3, 4, NOW - timedelta(minutes=15), NOW)
        alert.acknowledge_note = "Looked"
        with self.assertRaises(AccessError):
            alert.with_user(self.colleague).action_acknowledge()
        for vals in (
            {"state": "closed"},
            {"negative_count": 0},
            {"closed_by_id": self.head_user.id},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "through the buttons"):
                alert.with_user(self.head_user).write(vals)
        with self.assertRaisesRegex(UserError, "starts as"):
            self.Alert.create(
                {"rule_id": self.rule.id, "company_id": self.company.id, "state": "closed"}
            )

    def test_rule_figures_are_checked(self):
        for vals in (
            {"threshold": 0},
            {"threshold": 101},
            {"window_minutes": 0},
            {"minimum_count": 0},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                self.rule.write(vals)
