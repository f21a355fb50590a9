"""Issue 16: a rule on the share of Bad presses fires as the presses arrive."""

from datetime import datetime, timedelta

from odoo.tests import tagged

from .common import RatingConsoleCase


@tagged("post_install", "-at_install")
class TestConsoleAlerts(RatingConsoleCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls.env["municipal.quality.alert.rule"].create(
            {"name": "Bad presses at the centre", "source": "console", "office_id": cls.centre.id}
        )
        now = datetime.now().replace(microsecond=0)
        cls.tickets = []
        for index in range(5):
            called = now - timedelta(minutes=14 - 3 * index)
            ticket = cls.served_ticket(f"AL{index}", called)
            ticket._lock_write({"ended_at": called + timedelta(minutes=2)})
            cls.tickets.append(ticket)

    def _press(self, ticket, value):
        at = ticket.called_at + timedelta(minutes=1)
        return self.console._receive_events(
            [
                {
                    "id": f"al-{ticket.number}",
                    "type": "vote",
                    "value": value,
                    "at": at.isoformat() + "Z",
                }
            ]
        )

    def _alerts(self):
        return self.env["municipal.quality.alert"].search([("rule_id", "=", self.rule.id)])

    def test_three_bad_of_four_presses_fire_one_alert(self):
        for ticket, value in zip(self.tickets[:3], ("bad", "good", "bad"), strict=True):
            self.assertEqual(len(self._press(ticket, value)["accepted"]), 1)
            self.assertFalse(self._alerts(), "fewer than 4 presses never fire")
        self._press(self.tickets[3], "bad")
        alert = self._alerts()
        self.assertEqual((alert.negative_count, alert.total_count, alert.state), (3, 4, "open"))
        self.assertEqual(alert.activity_ids.user_id, self.head_user)
        self._press(self.tickets[4], "bad")
        self.assertEqual(len(self._alerts()), 1, "never two open alerts for one rule")

    def test_another_workplace_or_office_does_not_count(self):
        self.rule.workplace_id = self.workplace_branch
        for ticket in self.tickets[:4]:
            self._press(ticket, "bad")
        self.assertFalse(self._alerts())

    def test_no_rule_no_query(self):
        self.rule.unlink()
        Rule = self.env["municipal.quality.alert.rule"]
        Rule._alert_evaluate_console(self.console)
        with self.assertQueryCount(0):
            self.assertFalse(Rule._alert_evaluate_console(self.console))

    def test_one_query_per_rule_below_the_threshold(self):
        Rule = self.env["municipal.quality.alert.rule"]
        self._press(self.tickets[0], "good")
        Rule._alert_evaluate_console(self.console)
        with self.assertQueryCount(1):
            self.assertFalse(Rule._alert_evaluate_console(self.console))
