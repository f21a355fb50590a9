import psycopg2

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import RatingConsoleCase


@tagged("post_install", "-at_install")
class TestNoManualVote(RatingConsoleCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls.served_ticket("V001", cls.utc(2025, 3, 3, 9, 0))
        cls.recorded = cls.vote(cls.ticket, "good", event_id="evt-v001")
        cls.admin = cls.env.ref("base.user_admin")

    def _vals(self, ticket):
        return {
            "ticket_id": ticket.id,
            "console_id": self.console.id,
            "company_id": self.company.id,
            "value": "excellent",
            "rating": 5,
            "pressed_at": self.utc(2025, 3, 3, 9, 5),
            "event_id": "manual",
        }

    def test_vote_carries_rating_and_context(self):
        self.assertEqual(self.recorded.rating, 3)
        self.assertEqual(self.recorded.employee_id, self.operator)
        self.assertEqual(self.recorded.office_id, self.centre)
        self.assertEqual(self.recorded.category_id, self.category)
        self.assertEqual(self.ticket.vote_value, "good")
        for value, rating in (("bad", 1), ("excellent", 5)):
            ticket = self.served_ticket(f"V-{value}", self.utc(2025, 3, 4, 9, 0))
            self.assertEqual(self.vote(ticket, value).rating, rating)

    def test_admin_cannot_create_write_or_unlink(self):
        other = self.served_ticket("V002", self.utc(2025, 3, 3, 10, 0))
        Vote = self.env["municipal.console.vote"].with_user(self.admin)
        with self.assertRaises(AccessError):
            Vote.create(self._vals(other))
        with self.assertRaises(AccessError):
            Vote.with_context(rating_console_vote_from_console=True).create(self._vals(other))
        with self.assertRaises(AccessError):
            self.recorded.with_user(self.admin).write({"value": "excellent"})
        with self.assertRaises(AccessError):
            self.recorded.with_user(self.admin).unlink()
        self.assertEqual(self.recorded.value, "good")

    def test_nobody_creates_a_vote_outside_the_console_path(self):
        other = self.served_ticket("V003", self.utc(2025, 3, 3, 11, 0))
        with self.assertRaisesText(AccessError, "only by the rating consoles"):
            self.env["municipal.console.vote"].create(self._vals(other))
        with self.assertRaisesText(AccessError, "cannot be changed"):
            self.recorded.write({"value": "bad"})
        with self.assertRaisesText(AccessError, "cannot be deleted"):
            self.recorded.unlink()
        for login, group in (
            ("rc_v_manager", "rating_console.group_rating_manager"),
            ("rc_v_head", "rating_console.group_rating_head"),
        ):
            from odoo.tests import new_test_user

            user = new_test_user(self.env, login=login, groups=group)
            self.assertTrue(self.recorded.with_user(user).read(["value"]))
            with self.assertRaises(AccessError):
                self.env["municipal.console.vote"].with_user(user).create(self._vals(other))

    def test_acl_has_no_write_right_for_any_group(self):
        access = self.env["ir.model.access"].search(
            [("model_id.model", "=", "municipal.console.vote")]
        )
        self.assertTrue(access)
        self.assertFalse(
            access.filtered(lambda a: a.perm_write or a.perm_create or a.perm_unlink)
        )

    def test_database_refuses_a_second_vote_per_ticket_and_per_event(self):
        cr = self.env.cr
        columns = "(ticket_id, console_id, company_id, value, rating, pressed_at, event_id)"
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.IntegrityError):
            with cr.savepoint():
                cr.execute(
                    f"INSERT INTO municipal_console_vote {columns} "
                    "VALUES (%s, %s, %s, 'bad', 1, now(), 'another-event')",
                    [self.ticket.id, self.console.id, self.company.id],
                )
        other = self.served_ticket("V004", self.utc(2025, 3, 3, 12, 0))
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.IntegrityError):
            with cr.savepoint():
                cr.execute(
                    f"INSERT INTO municipal_console_vote {columns} "
                    "VALUES (%s, %s, %s, 'bad', 1, now(), 'evt-v001')",
                    [other.id, self.console.id, self.company.id],
                )

    def test_batch_stores_each_new_vote_once_despite_a_concurrent_retry(self):
        """A retry racing the first request: the batch still stores each new vote once."""
        fresh = self.served_ticket("V005", self.utc(2025, 3, 3, 13, 0))
        other = self.served_ticket("V006", self.utc(2025, 3, 3, 14, 0))
        Vote = self.env["municipal.console.vote"]
        # "evt-v001" was stored meanwhile (the controller's pre-check did not see it yet)
        with mute_logger("odoo.sql_db"):
            outcome = Vote._record_console_votes(
                self.console,
                [
                    ("evt-v001", "bad", self.utc(2025, 3, 3, 14, 2)),
                    ("evt-v005", "excellent", self.utc(2025, 3, 3, 13, 2)),
                ],
            )
        self.assertEqual(outcome, {"evt-v001": "duplicate", "evt-v005": "accepted"})
        self.assertEqual(fresh.vote_ids.value, "excellent")
        self.assertFalse(other.vote_ids, "the duplicate event did not rate another ticket")
        self.assertEqual(Vote.search_count([("event_id", "=", "evt-v001")]), 1)
        self.assertEqual(self.recorded.value, "good")

    def test_tickets_are_found_by_the_composite_index_only(self):
        """The ticket of a press is found through (workplace_id, called_at, id); an index on
        called_at alone made the planner scan the calls of every workplace."""
        self.env.cr.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'municipal_queue_ticket'"
        )
        definitions = dict(self.env.cr.fetchall())
        self.assertIn("municipal_queue_ticket_workplace_called_at_idx", definitions)
        self.assertIn(
            "(workplace_id, called_at DESC, id DESC)",
            definitions["municipal_queue_ticket_workplace_called_at_idx"],
        )
        self.assertNotIn("municipal_queue_ticket__called_at_index", definitions)
