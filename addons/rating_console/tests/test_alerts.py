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

    def _queries_of_press(self, ticket):
        """Queries of an accepted press as a request makes it in a running server: the
        registry caches filled, nothing read in the transaction."""
        event = {"id": f"al-{ticket.number}", "type": "vote", "value": "good",
                 "at": (ticket.called_at + timedelta(minutes=1)).isoformat() + "Z"}
        self.console._delivery_window_hours()
        self.env["municipal.quality.alert.rule"]._console_rules_data(self.env.company.id)
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self.assertEqual(len(self.console._receive_events([event])["accepted"]), 1)
        return self.cr.sql_log_count - before

    def test_queries_of_a_press_with_and_without_rules(self):
        Rule = self.env["municipal.quality.alert.rule"]
        self._press(self.tickets[0], "good")  # caches filled, as in a running server
        self.rule.active = False
        without = self._queries_of_press(self.tickets[1])
        self.assertEqual(without, 1, "one statement stores a single vote; no rule, no query")
        self.rule.active = True
        self.assertEqual(self._queries_of_press(self.tickets[2]), without + 1)
        Rule.create(  # another office's rule and another workplace's rule: no query
            [
                {"name": "Other office", "source": "console", "office_id": self.branch.id},
                {"name": "Other workplace", "source": "console", "office_id": self.centre.id,
                 "workplace_id": self.workplace_branch.id},
            ]
        )
        self.assertEqual(self._queries_of_press(self.tickets[3]), without + 1)

    def test_a_new_branch_counts_for_the_rule_of_its_office(self):
        Rule = self.env["municipal.quality.alert.rule"]
        (rule_id, offices, *_rest), = Rule._console_rules_data(self.env.company.id)
        branch = self.env["municipal.office"].create(
            {"name": "New branch", "code": "T-RC-NEW", "parent_id": self.centre.id}
        )
        self.assertNotIn(branch.id, offices)
        (rule_id, offices, *_rest), = Rule._console_rules_data(self.env.company.id)
        self.assertIn(branch.id, offices)
