"""Issue 17: the tablet console - the "why?" of a vote, the pairing code, the case it opens."""

from datetime import datetime, timedelta

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from ..models import event_rules
from ..models.municipal_console import hash_pairing_code, hash_token
from .common import RatingConsoleCase


@tagged("post_install", "-at_install")
class TestTabletConsole(RatingConsoleCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Reason = cls.env["municipal.console.reason"]
        cls.queue = Reason.create({"name": "Long queue", "office_id": cls.centre.id})
        cls.archived = Reason.create(
            {"name": "Old reason", "office_id": cls.centre.id, "active": False}
        )
        cls.elsewhere = Reason.create({"name": "Rude", "office_id": cls.branch.id})
        now = datetime.now().replace(microsecond=0)
        cls.tickets = [
            cls.served_ticket(f"TB{index}", now - timedelta(minutes=40 - 10 * index))
            for index in range(4)
        ]
        cls.manager = new_test_user(
            cls.env, login="rc_tablet_manager", groups="rating_console.group_rating_manager"
        )

    def _press(self, ticket, value, event_id, **extra):
        at = ticket.called_at + timedelta(minutes=1)
        event = {"id": event_id, "type": "vote", "value": value, "at": at.isoformat() + "Z"}
        return self.console._receive_events([dict(event, **extra)])

    def test_reason_and_comment_are_checked_and_a_bad_explained_opens_a_case(self):
        ticket = self.tickets[0]
        refused = {
            "r-type": ({"reason": "1"}, event_rules.REASON_REASON_TYPE),
            "r-bool": ({"reason": True}, event_rules.REASON_REASON_TYPE),
            "r-other": (
                {"reason": self.elsewhere.id},
                event_rules.REASON_REASON_UNKNOWN.format(reason=self.elsewhere.id),
            ),
            "r-archived": (
                {"reason": self.archived.id},
                event_rules.REASON_REASON_UNKNOWN.format(reason=self.archived.id),
            ),
            "c-long": ({"comment": "x" * 201}, event_rules.REASON_COMMENT),
            "c-control": ({"comment": "bad\x00"}, event_rules.REASON_COMMENT),
            "c-type": ({"comment": ["no"]}, event_rules.REASON_COMMENT),
        }
        for event_id, (extra, reason) in refused.items():
            result = self._press(ticket, "bad", event_id, **extra)
            self.assertEqual(result["rejected"], [{"id": event_id, "reason": reason}], event_id)
        result = self._press(ticket, "excellent", "r-excellent", reason=self.queue.id)
        self.assertEqual(result["rejected"][0]["reason"], event_rules.REASON_REASON_VALUE)
        self.assertFalse(ticket.vote_ids, "a refused event stores nothing")

        comment = "x" * 200  # the limit itself is accepted
        result = self._press(ticket, "bad", "ok-1", reason=self.queue.id, comment=comment)
        self.assertEqual(result["accepted"], ["ok-1"])
        vote = ticket.vote_ids
        self.assertEqual((vote.reason_id, vote.comment), (self.queue, comment))
        case = vote.case_ids
        self.assertEqual(len(case), 1)
        self.assertEqual(
            (case.source, case.office_id, case.owner_id, case.service_id),
            ("console", self.centre, self.head_user, self.service),
        )
        self.assertEqual(case.deadline, case.opened_on + timedelta(days=2))
        self.assertEqual(case.description, f"Long queue\n{comment}")
        self.assertNotIn(self.operator.name, case.description)

        # a Good with a reason is analysed, not a case; a Bad without explanation neither
        self._press(self.tickets[1], "good", "ok-2", reason=self.queue.id)
        self._press(self.tickets[2], "bad", "ok-3", comment="   ")
        for ticket in self.tickets[1:3]:
            self.assertTrue(ticket.vote_ids)
            self.assertFalse(ticket.vote_ids.case_ids)
        self.assertFalse(self.tickets[2].vote_ids.comment, "a blank text is no comment")
        groups = self.env["municipal.console.vote"]._read_group(
            [("console_id", "=", self.console.id)], ["reason_id"], ["__count"]
        )
        self.assertEqual(dict(groups)[self.queue], 2)

    def test_a_plain_vote_costs_one_query(self):
        self._press(self.tickets[0], "good", "warm-up")  # caches: credentials, parameters
        at = self.tickets[1].called_at + timedelta(minutes=1)
        event = {"id": "plain", "type": "vote", "value": "excellent", "at": at.isoformat() + "Z"}
        with self.assertQueryCount(1):
            result = self.console._receive_events([event])
        self.assertEqual(result["accepted"], ["plain"])

    def test_pairing_code_is_hashed_single_use_and_expires(self):
        with self.assertRaises(AccessError):
            self.console.with_user(self.head_user).action_pair_tablet()
        action = self.console.with_user(self.manager).action_pair_tablet()
        code = action["context"]["rating_console_secret_once"]
        self.assertRegex(code, r"^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$")
        stored = self.console.sudo().pairing_code_hash
        self.assertEqual(stored, hash_pairing_code(code.replace("-", "")))
        self.assertNotIn(code.replace("-", ""), stored)
        with self.assertRaises(AccessError):
            self.console.with_user(self.manager).write({"pairing_code_hash": stored})

        Console = self.env["municipal.console"].sudo()
        console, token = Console._pair_with_code(code.lower().replace("-", " "))
        self.assertEqual(console, self.console)
        self.assertEqual(self.console.sudo().token_hash, hash_token(token))
        self.assertEqual(Console._authenticate(self.console.serial, token), self.console)
        self.assertFalse(Console._authenticate(self.console.serial, self.token))
        self.assertFalse(self.console.sudo().pairing_code_hash)
        self.assertEqual(Console._pair_with_code(code), (Console.browse(), None), "used once")

        code = self.console.with_user(self.manager).action_pair_tablet()["context"][
            "rating_console_secret_once"
        ]
        self.console.sudo().pairing_expires_at = datetime.now() - timedelta(seconds=1)
        self.assertEqual(Console._pair_with_code(code), (Console.browse(), None), "expired")
        self.assertFalse(self.console.sudo().pairing_code_hash, "an expired code is cleared")
