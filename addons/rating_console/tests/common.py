from contextlib import contextmanager
from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import TransactionCase, new_test_user


class RatingConsoleMixin:
    """Test data of its own (demo data is installed but never relied upon)."""

    @classmethod
    def setup_rating_data(cls):
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.category = cls.env["municipal.service.category"].create(
            {"name": "Residence registration", "code": "T-RC-RES"}
        )
        cls.category_business = cls.env["municipal.service.category"].create(
            {"name": "Business registration", "code": "T-RC-BUS"}
        )
        cls.centre = cls.env["municipal.office"].create(
            {"name": "Transparent office", "code": "T-RC-C", "office_type": "centre"}
        )
        cls.branch = cls.env["municipal.office"].create(
            {
                "name": "Cherry branch",
                "code": "T-RC-B",
                "office_type": "branch",
                "parent_id": cls.centre.id,
            }
        )
        cls.service = cls.env["municipal.service"].create(
            {
                "code": "T-RC-01",
                "name": "Registration of residence",
                "category_id": cls.category.id,
                "office_ids": [Command.set((cls.centre | cls.branch).ids)],
            }
        )
        cls.head_user = new_test_user(
            cls.env, login="rc_head", groups="rating_console.group_rating_head"
        )
        cls.head = cls.env["hr.employee"].create(
            {"name": "Head of centre", "user_id": cls.head_user.id}
        )
        cls.centre.manager_id = cls.head
        cls.it_user = new_test_user(cls.env, login="rc_it", groups="rating_console.group_rating_it")
        cls.operator_user = new_test_user(
            cls.env, login="rc_operator", groups="rating_console.group_rating_operator"
        )
        cls.operator = cls.env["hr.employee"].create(
            {"name": "Operator One", "barcode": "TRC7001", "user_id": cls.operator_user.id}
        )
        cls.operator_two = cls.env["hr.employee"].create(
            {"name": "Operator Two", "barcode": "TRC7002"}
        )
        cls.workplace = cls.env["municipal.workplace"].create(
            {
                "name": "Window 1",
                "code": "T-RC-W1",
                "office_id": cls.centre.id,
                "window_number": "1",
                "employee_id": cls.operator.id,
                "category_ids": [Command.set(cls.category.ids)],
            }
        )
        cls.workplace_branch = cls.env["municipal.workplace"].create(
            {
                "name": "Window 1",
                "code": "T-RC-BW1",
                "office_id": cls.branch.id,
                "employee_id": cls.operator_two.id,
            }
        )
        cls.console = cls.env["municipal.console"].create(
            {"serial": "T-RC-0001", "workplace_id": cls.workplace.id}
        )
        cls.console_branch = cls.env["municipal.console"].create(
            {"serial": "T-RC-0002", "workplace_id": cls.workplace_branch.id}
        )
        cls.token = cls.console.generate_token()
        cls.token_branch = cls.console_branch.generate_token()

    @classmethod
    def make_ticket(cls, number, office=None, **vals):
        return cls.env["municipal.queue.ticket"].create(
            {
                "number": number,
                "office_id": (office or cls.centre).id,
                "service_id": cls.service.id,
                "category_id": cls.category.id,
                **vals,
            }
        )

    @classmethod
    def served_ticket(cls, number, called_at, workplace=None, state="done", **vals):
        """A ticket called at ``called_at`` and ended 10 minutes later (written as history)."""
        workplace = workplace or cls.workplace
        employee_id = vals.pop("employee_id", None)
        ticket = cls.make_ticket(number, office=workplace.office_id, **vals)
        ticket._lock_write(  # history, past the lock (a server step)
            {
                "workplace_id": workplace.id,
                "employee_id": employee_id or workplace.employee_id.id,
                "state": state,
                "called_at": called_at,
                "ended_at": called_at + timedelta(minutes=10),
                "ticket_date": called_at.date(),
            }
        )
        return ticket

    @classmethod
    def vote(cls, ticket, value, event_id=None, pressed_at=None, console=None):
        return cls.env["municipal.console.vote"]._create_from_console(
            console or ticket.workplace_id.console_id,
            ticket,
            value,
            pressed_at or (ticket.called_at + timedelta(minutes=1)),
            event_id or f"evt-{ticket.number}-{ticket.id}",
        )

    @contextmanager
    def assertRaisesText(self, exception, text):
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertIn(text, str(caught.exception))

    @staticmethod
    def utc(*args):
        return datetime(*args)


class RatingConsoleCase(RatingConsoleMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_rating_data()
