from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRatingConsoleUi(HttpCase):
    def test_operator_calls_the_next_client(self):
        user = new_test_user(
            self.env,
            login="rc_tour_operator",
            password="rc_tour_operator",
            groups="rating_console.group_rating_operator",
        )
        employee = self.env["hr.employee"].create({"name": "Tour operator", "user_id": user.id})
        office = self.env["municipal.office"].create({"name": "Tour office", "code": "TOUR-O"})
        category = self.env["municipal.service.category"].create({"name": "Tour direction"})
        workplace = self.env["municipal.workplace"].create(
            {
                "name": "Tour window",
                "code": "TOUR-W1",
                "office_id": office.id,
                "employee_id": employee.id,
                "category_ids": [Command.set(category.ids)],
            }
        )
        Ticket = self.env["municipal.queue.ticket"]
        first = Ticket.create(
            {"number": "T-100", "office_id": office.id, "category_id": category.id}
        )
        Ticket.create({"number": "T-101", "office_id": office.id, "category_id": category.id})
        self.start_tour("/odoo", "rating_console_operator_tour", login="rc_tour_operator")
        self.assertEqual(first.state, "called")
        self.assertEqual(first.workplace_id, workplace)
        self.assertEqual(first.employee_id, employee)
