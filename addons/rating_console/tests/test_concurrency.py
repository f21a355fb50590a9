"""Forced conflicts over real HTTP: a second PostgreSQL connection holds a lock on the row a
request updates, so Odoo's retry (``odoo.service.model.retrying``) runs for certain.

The rows a second connection can lock must be committed: a few records (an office, workplaces, a
console, tickets) are created and committed before the test transaction starts, and deleted
afterwards; everything else is made in the test transaction as usual.
"""

import json
import threading
import time
from datetime import UTC, datetime

import psycopg2.errors

from odoo import SUPERUSER_ID, api, fields, sql_db
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.service import model as service_model
from odoo.tests import HttpCase, get_db_name, tagged
from odoo.tools import mute_logger

from odoo.addons.rating_console.controllers import queue as queue_controller
from odoo.addons.rating_console.models import municipal_console as console_module

from .common import RatingConsoleMixin

PREFIX = "T-RC-CC"


def _committed_fixtures(dbname):
    with Registry(dbname).cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        office = env["municipal.office"].create({"name": "Concurrency office", "code": PREFIX})
        workplaces = env["municipal.workplace"].create(
            [
                {"name": f"Window {n}", "code": f"{PREFIX}-W{n}", "office_id": office.id}
                for n in range(1, 5)
            ]
        )
        console = env["municipal.console"].create(
            {"serial": f"{PREFIX}-0001", "workplace_id": workplaces[0].id}
        )
        token = console.generate_token()
        queue_user = env.ref("rating_console.user_queue_system")
        today = fields.Date.context_today(env["municipal.queue.ticket"].with_user(queue_user))
        tickets = env["municipal.queue.ticket"].create(
            [
                {"number": f"C{n:03d}", "office_id": office.id, "ticket_date": today}
                for n in range(1, 5)
            ]
        )
        cr.commit()  # pylint: disable=invalid-commit
        return {
            "office": office.id,
            "workplaces": workplaces.ids,
            "console": console.id,
            "token": token,
            "tickets": tickets.ids,
        }


def _drop_committed_fixtures(dbname, ids):
    with sql_db.db_connect(dbname).cursor() as cr:
        cr.execute("DELETE FROM municipal_console_vote WHERE console_id = %s", [ids["console"]])
        cr.execute("DELETE FROM municipal_console_fault WHERE console_id = %s", [ids["console"]])
        cr.execute("DELETE FROM municipal_queue_ticket WHERE office_id = %s", [ids["office"]])
        cr.execute(
            "DELETE FROM mail_message WHERE model = 'municipal.console' AND res_id = %s",
            [ids["console"]],
        )
        cr.execute("DELETE FROM municipal_console WHERE id = %s", [ids["console"]])
        cr.execute("DELETE FROM municipal_workplace WHERE office_id = %s", [ids["office"]])
        cr.execute("DELETE FROM municipal_office WHERE id = %s", [ids["office"]])
        cr.commit()  # pylint: disable=invalid-commit


def _wait_for_a_blocked_statement(cr, timeout=10):
    """Poll (from the second connection) until some backend waits for a lock."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        cr.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        if cr.fetchone()[0]:
            return True
        time.sleep(0.05)
    return False


@tagged("post_install", "-at_install")
class TestForcedConflicts(RatingConsoleMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        dbname = get_db_name()
        cls.committed = _committed_fixtures(dbname)
        cls.addClassCleanup(_drop_committed_fixtures, dbname, cls.committed)
        super().setUpClass()
        cls.setup_rating_data()
        cls.queue_user = cls.env.ref("rating_console.user_queue_system")
        cls.key = cls.env["res.users.apikeys"]._generate_queue_key(cls.queue_user, days=1)
        cls.cc_office = cls.env["municipal.office"].browse(cls.committed["office"])
        cls.cc_workplaces = cls.env["municipal.workplace"].browse(cls.committed["workplaces"])
        cls.cc_console = cls.env["municipal.console"].browse(cls.committed["console"])
        cls.cc_tickets = cls.env["municipal.queue.ticket"].browse(cls.committed["tickets"])

    def setUp(self):
        super().setUp()
        self.other = sql_db.db_connect(get_db_name()).cursor()  # the second connection
        self.addCleanup(self.other.close)
        self.addCleanup(self.other.rollback)

    # ------------------------------------------------------------------ helpers
    def post_in_thread(self, url, body, headers):
        answers = []

        def send():
            answers.append(self.url_open(url, data=json.dumps(body), headers=headers, timeout=60))

        thread = threading.Thread(target=send)
        thread.start()
        return thread, answers

    def events_headers(self):
        return {"Content-Type": "application/json",
                "Authorization": f"Bearer {self.committed['token']}"}

    def queue_headers(self):
        return {"Content-Type": "application/json", "Authorization": f"Bearer {self.key}"}

    def watch(self, model, method):
        """Wrap ``model.method``: count its calls, set an event when one fails on a lock."""
        cls = type(self.env[model])
        original = getattr(cls, method)
        calls, failed = [], threading.Event()

        def wrapper(records, *args, **kwargs):
            calls.append(args)
            try:
                return original(records, *args, **kwargs)
            except psycopg2.errors.LockNotAvailable:
                failed.set()
                raise

        self.patch(cls, method, wrapper)
        return calls, failed

    # ------------------------------------------------------------------ event API
    def test_event_request_retried_after_a_lock_timeout_answers_as_the_first(self):
        """A second connection holds the console's row: the request times out on the lock,
        Odoo runs it again, the retry parses the same body and stores the vote once."""
        ticket = self.make_ticket("E-CC1", office=self.cc_office)
        ticket.action_call(self.cc_workplaces[0])
        self.env.flush_all()
        now = datetime.now(UTC).replace(microsecond=0)
        body = {"console": f"{PREFIX}-0001", "events": [
            {"id": "cc-vote-1", "type": "vote", "value": "good", "at": now.isoformat()},
            {"id": "cc-beat-1", "type": "heartbeat", "code": "2.0.1", "at": now.isoformat()},
        ]}
        self.patch(console_module, "EVENT_LOCK_TIMEOUT_MS", 300)
        calls, failed = self.watch("municipal.console", "_lock_for_events")
        self.other.execute(
            "SELECT id FROM municipal_console WHERE id = %s FOR UPDATE", [self.cc_console.id]
        )
        with mute_logger("odoo.sql_db"):  # the lock timeout of the first attempt
            thread, answers = self.post_in_thread(
                "/rating_console/v1/events", body, self.events_headers()
            )
            self.assertTrue(failed.wait(20), "the request met the lock of the second connection")
            self.other.rollback()  # the lock is released: the retry goes through
            thread.join(60)
        response = answers[0]
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json(), {"accepted": ["cc-vote-1", "cc-beat-1"],
                                           "duplicates": [], "rejected": []})
        self.assertGreaterEqual(len(calls), 2, "Odoo ran the handler again")
        self.assertEqual(ticket.vote_ids.mapped("event_id"), ["cc-vote-1"])
        # the same request again (a bridge that missed the answer): duplicates, nothing more
        again = self.url_open("/rating_console/v1/events", data=json.dumps(body),
                              headers=self.events_headers())
        self.assertEqual(again.status_code, 200, again.text)
        # (a heartbeat is not stored by its id: it is taken again, as the first time)
        self.assertEqual(again.json(), {"accepted": ["cc-beat-1"], "duplicates": ["cc-vote-1"],
                                        "rejected": []})
        self.assertEqual(len(ticket.vote_ids), 1)

    def test_vote_only_request_retried_after_a_lock_timeout_answers_as_the_first(self):
        """The hot path (votes only): the INSERT itself locks the console's row; held by the
        second connection, it times out, Odoo runs the request again, the vote is stored once."""
        ticket = self.make_ticket("E-CC2", office=self.cc_office)
        ticket.action_call(self.cc_workplaces[0])
        self.env.flush_all()
        now = datetime.now(UTC).replace(microsecond=0)
        body = {"console": f"{PREFIX}-0001", "events": [
            {"id": "cc-vote-2", "type": "vote", "value": "excellent", "at": now.isoformat()},
        ]}
        self.patch(console_module, "EVENT_LOCK_TIMEOUT_MS", 300)
        calls, failed = self.watch("municipal.console.vote", "_record_console_votes")
        self.other.execute(
            "SELECT id FROM municipal_console WHERE id = %s FOR UPDATE", [self.cc_console.id]
        )
        with mute_logger("odoo.sql_db"):
            thread, answers = self.post_in_thread(
                "/rating_console/v1/events", body, self.events_headers()
            )
            self.assertTrue(failed.wait(20), "the request met the lock of the second connection")
            self.other.rollback()
            thread.join(60)
        self.assertEqual(answers[0].status_code, 200, answers[0].text)
        self.assertEqual(answers[0].json(),
                         {"accepted": ["cc-vote-2"], "duplicates": [], "rejected": []})
        self.assertGreaterEqual(len(calls), 2, "Odoo ran the handler again")
        again = self.url_open("/rating_console/v1/events", data=json.dumps(body),
                              headers=self.events_headers())
        self.assertEqual(again.json(),
                         {"accepted": [], "duplicates": ["cc-vote-2"], "rejected": []})
        self.assertEqual(ticket.vote_ids.mapped("event_id"), ["cc-vote-2"])

    # ------------------------------------------------------------------ queue API
    def test_queue_step_retried_after_a_lock_timeout_answers_as_the_first(self):
        """A second connection holds the ticket's row: the call times out on it, Odoo runs the
        request again with the same body, the ticket is called once; the duplicate step then
        answers exactly the same."""
        ticket = self.cc_tickets[0]
        body = {"workplace": self.cc_workplaces[1].code, "action": "call",
                "ticket": ticket.number}
        self.patch(queue_controller, "QUEUE_LOCK_TIMEOUT_MS", 300)
        calls, failed = self.watch("municipal.queue.ticket", "_queue_api_drive")
        self.other.execute(
            "SELECT id FROM municipal_queue_ticket WHERE id = %s FOR UPDATE", [ticket.id]
        )
        with mute_logger("odoo.sql_db"):  # the lock timeout of the first attempt
            thread, answers = self.post_in_thread(
                "/rating_console/v1/queue", body, self.queue_headers()
            )
            self.assertTrue(failed.wait(20), "the request met the lock of the second connection")
            self.other.rollback()
            thread.join(60)
        expected = {"ticket": ticket.number, "state": "called",
                    "workplace": self.cc_workplaces[1].code}
        self.assertEqual(answers[0].status_code, 200, answers[0].text)
        self.assertEqual(answers[0].json(), expected)
        self.assertGreaterEqual(len(calls), 2, "Odoo ran the handler again")
        again = self.url_open("/rating_console/v1/queue", data=json.dumps(body),
                              headers=self.queue_headers())
        self.assertEqual((again.status_code, again.json()), (200, expected))
        self.assertEqual((ticket.state, ticket.workplace_id), ("called", self.cc_workplaces[1]))

    def test_concurrent_call_of_another_ticket_answers_409(self):
        """The second connection calls ticket C003 at window 3 and holds its transaction; the
        queue calls Q-CC3 at the same window: it waits on the unique index, then gets 409."""
        workplace = self.cc_workplaces[2]
        self.other.execute(
            "UPDATE municipal_queue_ticket SET state = 'called', workplace_id = %s, "
            "called_at = now() AT TIME ZONE 'UTC' WHERE id = %s",
            [workplace.id, self.cc_tickets[2].id],
        )
        body = {"workplace": workplace.code, "action": "call", "ticket": "Q-CC3"}
        with mute_logger("odoo.sql_db"):  # the unique violation met
            thread, answers = self.post_in_thread(
                "/rating_console/v1/queue", body, self.queue_headers()
            )
            self.assertTrue(_wait_for_a_blocked_statement(self.other), "the call waits")
            self.other.commit()  # the concurrent call is made
            thread.join(60)
        response = answers[0]
        self.assertEqual(response.status_code, 409, response.text)
        self.assertEqual(response.headers["Content-Type"], "application/json")
        self.assertIn("at the same moment", response.json()["error"])
        self.assertFalse(
            self.env["municipal.queue.ticket"].search(
                [("number", "=", "Q-CC3"), ("state", "=", "called")]
            ),
            "the second ticket is not called",
        )

    def test_backend_button_meets_the_concurrent_call(self):
        """The same rule for the button: 'Call next' while another session calls at the same
        window (second connection, committed after our snapshot) is refused with the reason."""
        workplace = self.cc_workplaces[3]
        self.make_ticket("B-CC4", office=self.cc_office)
        self.env.flush_all()
        self.other.execute(
            "UPDATE municipal_queue_ticket SET state = 'called', workplace_id = %s, "
            "called_at = now() AT TIME ZONE 'UTC' WHERE id = %s",
            [workplace.id, self.cc_tickets[3].id],
        )

        def commit_when_blocked():
            _wait_for_a_blocked_statement(self.other)
            self.other.commit()

        helper = threading.Thread(target=commit_when_blocked)
        helper.start()
        try:
            with mute_logger("odoo.sql_db"), self.assertRaisesText(UserError, "at the same moment"):
                workplace.with_user(self.head_user).action_call_next()
        finally:
            helper.join(30)

    def test_the_last_attempt_answers_busy_in_json(self):
        """When Odoo's last attempt meets the lock again, the client gets a JSON 503 (and sends
        again later), not Odoo's error page; nothing is stored."""
        self.patch(service_model, "MAX_TRIES_ON_CONCURRENCY_FAILURE", 1)
        self.patch(console_module, "EVENT_LOCK_TIMEOUT_MS", 200)
        self.patch(queue_controller, "QUEUE_LOCK_TIMEOUT_MS", 200)
        self.other.execute(
            "SELECT id FROM municipal_console WHERE id = %s FOR UPDATE", [self.cc_console.id]
        )
        self.other.execute(
            "SELECT id FROM municipal_queue_ticket WHERE id = %s FOR UPDATE",
            [self.cc_tickets[1].id],
        )
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        body = {"console": f"{PREFIX}-0001",
                "events": [{"id": "cc-busy", "type": "heartbeat", "at": now}]}
        step = {"workplace": self.cc_workplaces[1].code, "action": "call",
                "ticket": self.cc_tickets[1].number}
        with mute_logger("odoo.sql_db"):
            answers = [
                self.url_open("/rating_console/v1/events", data=json.dumps(body),
                              headers=self.events_headers(), timeout=30),
                self.url_open("/rating_console/v1/queue", data=json.dumps(step),
                              headers=self.queue_headers(), timeout=30),
            ]
        for response in answers:
            self.assertEqual(response.status_code, 503, response.text)
            self.assertIn("busy", response.json()["error"])
        self.assertEqual(self.cc_tickets[1].state, "waiting")

    def test_the_same_ticket_issued_twice_at_once_is_a_conflict_odoo_retries(self):
        """The same 'call' of a new ticket sent twice at once: the second connection issues the
        ticket and holds its transaction; our request waits on the unique number, then meets
        the committed row it cannot see. It is answered as a concurrency conflict that Odoo
        retries (a fresh snapshot sees the ticket and answers as for a retry: 200), never an
        IntegrityError page. Under the test's single snapshot every retry meets the conflict
        again, so the last one answers the JSON 503."""
        self.patch(service_model, "MAX_TRIES_ON_CONCURRENCY_FAILURE", 2)
        calls, _failed = self.watch("municipal.queue.ticket", "_queue_api_drive")
        today = self.cc_tickets[0].ticket_date
        self.other.execute(
            "INSERT INTO municipal_queue_ticket (number, office_id, ticket_date, state, "
            "issued_at) VALUES ('Q-DUP', %s, %s, 'waiting', now() AT TIME ZONE 'UTC')",
            [self.cc_office.id, today],
        )
        body = {"workplace": self.cc_workplaces[1].code, "action": "call", "ticket": "Q-DUP"}
        with mute_logger("odoo.sql_db"):
            thread, answers = self.post_in_thread(
                "/rating_console/v1/queue", body, self.queue_headers()
            )
            self.assertTrue(_wait_for_a_blocked_statement(self.other), "the issue waits")
            self.other.commit()
            thread.join(60)
        self.assertEqual(len(calls), 2, "Odoo ran the step again")
        self.assertEqual(answers[0].status_code, 503, answers[0].text)
        self.assertEqual(answers[0].headers["Content-Type"], "application/json")
