from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import RatingConsoleCase


@tagged("post_install", "-at_install")
class TestQueue(RatingConsoleCase):
    def _bus_messages(self, console):
        self.env.cr.precommit.run()  # the bus sends its notifications on commit
        channel = console.sudo().bus_channel
        return self.env["bus.bus"].sudo().search([("channel", "like", channel)], order="id")

    def test_ticket_lifecycle_and_times(self):
        ticket = self.make_ticket("A001")
        self.assertEqual(ticket.state, "waiting")
        ticket.action_call(self.workplace)
        self.assertEqual(ticket.state, "called")
        self.assertEqual(ticket.workplace_id, self.workplace)
        self.assertEqual(ticket.employee_id, self.operator, "the operator of the workplace")
        self.assertTrue(ticket.called_at)
        self.assertEqual(self.workplace.current_ticket_id, ticket)
        ticket.action_start()
        self.assertEqual(ticket.state, "serving")
        self.assertTrue(ticket.started_at)
        ticket.action_finish()
        self.assertEqual(ticket.state, "done")
        self.assertTrue(ticket.ended_at >= ticket.called_at)
        self.assertFalse(self.workplace.current_ticket_id)

    def test_wrong_transitions_are_refused(self):
        ticket = self.make_ticket("A002")
        with self.assertRaisesText(UserError, "cannot be started"):
            ticket.action_start()
        ticket.action_call(self.workplace)
        ticket.action_no_show()
        self.assertEqual(ticket.state, "no_show")
        with self.assertRaisesText(UserError, "cannot be finished"):
            ticket.action_finish()

    def test_one_open_ticket_per_workplace(self):
        first = self.make_ticket("A003")
        second = self.make_ticket("A004")
        first.action_call(self.workplace)
        with self.assertRaisesText(UserError, "A003 is still open"):
            second.action_call(self.workplace)

    def test_call_next_takes_oldest_ticket_of_the_directions(self):
        other_direction = self.make_ticket("B001", category_id=self.category_business.id)
        oldest = self.make_ticket("A010")
        self.make_ticket("A011")
        self.workplace.action_call_next()
        self.assertEqual(oldest.state, "called")
        self.assertEqual(other_direction.state, "waiting", "not a direction of the workplace")
        oldest.action_finish()
        self.workplace.action_call_next()
        self.workplace.current_ticket_id.action_finish()
        with self.assertRaisesText(UserError, "Nobody is waiting"):
            self.workplace.action_call_next()

    def test_call_and_end_are_pushed_to_the_console(self):
        ticket = self.make_ticket("A020")
        ticket.action_call(self.workplace)
        ticket.action_finish()
        messages = self._bus_messages(self.console)
        payloads = [m.message for m in messages]
        self.assertEqual(len(messages), 2, payloads)
        self.assertIn('"action":"call"', payloads[0])
        self.assertIn('"ticket":"A020"', payloads[0])
        self.assertIn('"action":"end"', payloads[1])
        self.assertFalse(
            self._bus_messages(self.console_branch), "another workplace's console stays dark"
        )

    def test_workplace_of_another_office_is_refused(self):
        ticket = self.make_ticket("A030")
        with self.assertRaisesText(UserError, "is not in office"):
            ticket.action_call(self.workplace_branch)

    def test_operator_works_only_own_tickets(self):
        ticket = self.make_ticket("A040")
        ticket.with_user(self.operator_user).action_call(self.workplace)
        ticket.with_user(self.operator_user).action_finish()
        foreign = self.make_ticket("B040", office=self.branch)
        foreign.action_call(self.workplace_branch)
        with self.assertRaises(AccessError):
            foreign.with_user(self.operator_user).action_finish()

    def test_token_is_hashed_and_shown_once(self):
        token = self.console.generate_token()
        self.assertGreaterEqual(len(token), 40)
        self.assertNotIn(token, self.console.sudo().token_hash)
        self.assertEqual(self.console._authenticate(self.console.serial, token), self.console)
        self.assertFalse(self.console._authenticate(self.console.serial, self.token),
                         "the previous token stops working")
        self.assertFalse(self.console._authenticate("T-RC-0002", token))
        with self.assertRaises(AccessError):
            self.console.with_user(self.operator_user).generate_token()
        wizard_action = self.console.with_user(self.it_user).action_generate_token()
        Wizard = self.env["municipal.console.token.wizard"]
        wizard = Wizard.with_context(**wizard_action["context"]).browse(wizard_action["res_id"])
        self.assertTrue(wizard.token, "shown once, from the action's context")
        self.assertEqual(
            self.console._authenticate(self.console.serial, wizard.token), self.console
        )
        self.assertFalse(Wizard._fields["token"].store, "the plain token is never stored")
        self.assertFalse(Wizard.browse(wizard.id).token, "not readable without the action")
        wizard.action_done()
