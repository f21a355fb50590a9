import json
import socket
import tempfile
import time
from datetime import UTC, datetime, timedelta
from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from odoo.addons.rating_console.bridge.sender import DeliveryError, Sender
from odoo.addons.rating_console.bridge.spool import Spool
from odoo.addons.rating_console.controllers import events as events_controller

from .common import RatingConsoleMixin

URL = "/rating_console/v1/events"


def iso(moment):
    return moment.replace(tzinfo=UTC).isoformat()


@tagged("post_install", "-at_install")
class TestEventsApi(RatingConsoleMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_rating_data()

    def post(self, events, token=None, serial=None, raw=None, timeout=12):
        headers = {"Content-Type": "application/json"}
        if token is not False:
            headers["Authorization"] = f"Bearer {token or self.token}"
        body = raw if raw is not None else json.dumps(
            {"console": serial or self.console.serial, "events": events}
        )
        return self.url_open(URL, data=body, headers=headers, timeout=timeout)

    def called_ticket(self, number):
        ticket = self.make_ticket(number)
        ticket.action_call(self.workplace)
        return ticket

    def votes(self):
        return self.env["municipal.console.vote"].search([("console_id", "=", self.console.id)])

    def now(self):
        return datetime.now(UTC).replace(tzinfo=None)

    def test_vote_is_accepted_once_whatever_the_retries(self):
        ticket = self.called_ticket("E001")
        event = {"id": "5d1c-0001", "type": "vote", "value": "excellent", "at": iso(self.now())}
        response = self.post([event])
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(
            response.json(), {"accepted": ["5d1c-0001"], "duplicates": [], "rejected": []}
        )
        for _attempt in range(2):
            again = self.post([event])
            self.assertEqual(again.status_code, 200)
            self.assertEqual(again.json()["duplicates"], ["5d1c-0001"])
        self.assertEqual(len(self.votes()), 1)
        vote = self.votes()
        self.assertEqual((vote.ticket_id, vote.value, vote.rating), (ticket, "excellent", 5))
        self.assertEqual(vote.event_id, "5d1c-0001")

    def test_retry_after_a_client_timeout_is_stored_once(self):
        self.called_ticket("E002")
        original = events_controller.json_response

        def slow_response(*args, **kwargs):
            time.sleep(1.5)  # the vote is written; the answer comes too late for the client
            return original(*args, **kwargs)

        with tempfile.TemporaryDirectory() as directory:
            spool = Spool(directory)
            spool.put({"id": "timeout-1", "type": "vote", "value": "good",
                       "at": iso(self.now())})
            sender = Sender(spool, self.base_url(), self.console.serial, self.token,
                            timeout=0.5)
            self.env.flush_all()  # the bridge is not url_open: write the ticket first
            # (no assertRaises here: its savepoint would be rolled back under the request)
            with patch.object(events_controller, "json_response", slow_response):
                try:
                    sender.flush()
                    timed_out = None
                except DeliveryError as exc:
                    timed_out = str(exc)
                self._wait_remaining_requests()
            self.assertIn("timed out", timed_out or "")
            self.assertEqual(len(spool), 1, "no answer: the event stays in the spool")
            self.assertEqual(len(self.votes()), 1, "but the server stored it")
            self.assertEqual(sender.flush(), 1)
            self.assertEqual(len(spool), 0)
        self.assertEqual(len(self.votes()), 1)

    def test_token_errors_store_nothing(self):
        self.called_ticket("E003")
        event = {"id": "tok-1", "type": "vote", "value": "bad", "at": iso(self.now())}
        missing = self.post([event], token=False)
        self.assertEqual(missing.status_code, 401)
        self.assertIn("token", missing.json()["error"])
        wrong = self.post([event], token="not-the-token")
        self.assertEqual(wrong.status_code, 401)
        other_console = self.post([event], token=self.token_branch)
        self.assertEqual(other_console.status_code, 401, "a token belongs to one console")
        unknown = self.post([event], serial="NO-SUCH-CONSOLE")
        self.assertEqual(unknown.status_code, 401)
        self.assertFalse(self.votes())

    def test_token_follows_every_change_of_the_console(self):
        """Credentials are cached in the registry: each change must reach the next request."""
        self.called_ticket("E003")
        event = {"id": "tok-2", "type": "heartbeat", "code": "2.0.2", "at": iso(self.now())}
        self.assertEqual(self.post([event]).status_code, 200)  # cached now
        self.console.active = False
        self.assertEqual(self.post([event]).status_code, 401, "an archived console is refused")
        self.console.active = True
        self.console.serial = "T-RC-RENAMED"
        self.assertEqual(self.post([event], serial="T-RC-RENAMED").status_code, 200)
        old_serial = self.post([event], serial="T-RC-0001")
        self.assertEqual(old_serial.status_code, 401, "the old serial number is refused")
        new_token = self.console.generate_token()
        self.assertEqual(self.post([event]).status_code, 401, "the previous token is refused")
        self.assertEqual(self.post([event], token=new_token).status_code, 200)
        fresh = self.env["municipal.console"].create({"serial": "T-RC-NEW"})
        refused = self.post([event], token=new_token, serial="T-RC-NEW")
        self.assertEqual(refused.status_code, 401, "a console without a token is refused")
        fresh_token = fresh.generate_token()
        response = self.post([dict(event, type="vote", value="good")], token=fresh_token,
                             serial="T-RC-NEW")
        self.assertEqual(response.status_code, 200, "a new console works at once")
        self.assertEqual(
            response.json()["rejected"][0]["reason"],
            "the console is not attached to a workplace",
        )

    def test_malformed_requests_get_400_with_reason(self):
        cases = [
            ("{not json", "malformed JSON"),
            ("[1, 2]", "JSON object"),
            (json.dumps({"console": self.console.serial}), "'events'"),
            (json.dumps({"console": self.console.serial, "events": []}), "'events'"),
            (json.dumps({"events": [{"id": "x"}]}), "'console'"),
            (json.dumps({"console": self.console.serial, "events": [{"type": "vote"}]}), "'id'"),
            (json.dumps({"console": self.console.serial, "events": ["x"]}), "not an object"),
            (
                json.dumps({"console": self.console.serial, "events": [{"id": "a"}, {"id": "a"}]}),
                "twice",
            ),
        ]
        for raw, reason in cases:
            response = self.post(None, raw=raw)
            self.assertEqual(response.status_code, 400, raw)
            self.assertIn(reason, response.json()["error"], raw)
        self.assertFalse(self.votes())

    def test_batch_is_processed_event_by_event(self):
        ticket = self.called_ticket("E004")
        now = self.now()
        response = self.post(
            [
                {"id": "b-1", "type": "vote", "value": "good", "at": iso(now)},
                {"id": "b-2", "type": "vote", "value": "excellent", "at": iso(now)},
                {"id": "b-3", "type": "vote", "value": "superb", "at": iso(now)},
                {"id": "b-4", "type": "vote", "value": "bad", "at": "yesterday"},
                {"id": "b-5", "type": "noise", "at": iso(now)},
                {"id": "b-6", "type": "heartbeat", "code": "2.0.1", "at": iso(now)},
                {"id": "b-7", "type": "vote", "value": "bad", "at": iso(now + timedelta(hours=1))},
            ]
        )
        self.assertEqual(response.status_code, 200)
        result = response.json()
        self.assertEqual(result["accepted"], ["b-1", "b-6"])
        reasons = {r["id"]: r["reason"] for r in result["rejected"]}
        self.assertIn("already rated", reasons["b-2"], "one press per ticket")
        self.assertIn("'value'", reasons["b-3"])
        self.assertIn("ISO-8601", reasons["b-4"])
        self.assertIn("'type'", reasons["b-5"])
        self.assertIn("future", reasons["b-7"])
        self.assertEqual(self.votes().ticket_id, ticket)
        self.assertEqual(self.votes().value, "good")
        self.assertEqual(self.console.firmware, "2.0.1")
        self.assertEqual(self.console.state, "active")

    def test_press_outside_a_ticket_is_rejected(self):
        before = self.now() - timedelta(minutes=5)
        ticket = self.called_ticket("E005")
        ticket.action_finish()
        after = self.now() + timedelta(seconds=2)
        response = self.post(
            [
                {"id": "o-1", "type": "vote", "value": "good", "at": iso(before)},
                {"id": "o-2", "type": "vote", "value": "good", "at": iso(after)},
            ]
        ).json()
        self.assertEqual(response["accepted"], [])
        self.assertEqual(len(response["rejected"]), 2)
        self.assertIn("no ticket was called", response["rejected"][0]["reason"])
        self.assertFalse(self.votes())

    def test_late_delivery_counts_for_the_ticket_of_the_press_time(self):
        first = self.called_ticket("E006")
        first._lock_write({"called_at": self.now() - timedelta(minutes=10)})
        pressed = self.now() - timedelta(minutes=5)
        first.action_finish()
        second = self.called_ticket("E007")  # the next client is already at the window
        response = self.post(
            [{"id": "late-1", "type": "vote", "value": "bad", "at": iso(pressed)}]
        ).json()
        self.assertEqual(response["accepted"], ["late-1"])
        self.assertEqual(self.votes().ticket_id, first)
        self.assertFalse(second.vote_ids)

    def test_fault_event_opens_the_fault_log_once(self):
        event = {"id": "f-1", "type": "fault", "code": "E07", "at": iso(self.now())}
        self.assertEqual(self.post([event]).json()["accepted"], ["f-1"])
        self.assertEqual(self.post([event]).json()["duplicates"], ["f-1"])
        faults = self.console.fault_ids
        self.assertEqual(len(faults), 1)
        self.assertEqual((faults.reason, faults.code, faults.state), ("error", "E07", "open"))
        self.assertEqual(self.console.state, "faulty")

    def test_bridge_sender_spools_offline_and_delivers_once(self):
        ticket = self.called_ticket("E008")
        with tempfile.TemporaryDirectory() as directory:
            spool = Spool(directory)
            spool.put({"id": "s-1", "type": "heartbeat", "code": "1.0", "at": iso(self.now())})
            spool.put({"id": "s-2", "type": "vote", "value": "excellent", "at": iso(self.now())})
            with socket.socket() as probe:  # a port nobody listens on: Odoo is "down"
                probe.bind(("127.0.0.1", 0))
                dead = f"http://127.0.0.1:{probe.getsockname()[1]}"
            offline = Sender(spool, dead, self.console.serial, self.token, timeout=2)
            with self.assertRaises(DeliveryError):
                offline.flush()
            self.assertEqual(len(spool), 2, "nothing lost while Odoo is unreachable")
            online = Sender(spool, self.base_url(), self.console.serial, self.token)
            self.env.flush_all()
            self.assertEqual(online.flush(), 2)
            self.assertEqual(len(spool), 0)
            # the bridge crashed before removing the file: the same event is sent again
            spool.put({"id": "s-2", "type": "vote", "value": "excellent", "at": iso(self.now())})
            self.assertEqual(online.flush(), 1)
            self.assertEqual(len(spool), 0)
        self.assertEqual(self.votes().ticket_id, ticket)
        self.assertEqual(len(self.votes()), 1)
