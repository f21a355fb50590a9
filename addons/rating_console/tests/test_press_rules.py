"""The rules of time of a press and the inputs of the event API, over real HTTP
(CONFIGURE.md, "Rules of time for a press")."""

import json
import tempfile
from datetime import UTC, datetime, timedelta

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.rating_console.bridge.sender import Sender
from odoo.addons.rating_console.bridge.spool import Spool
from odoo.addons.rating_console.models import event_rules

from .common import RatingConsoleMixin

URL = "/rating_console/v1/events"


def iso(moment):
    return moment.replace(tzinfo=UTC).isoformat()


@tagged("post_install", "-at_install")
class TestPressRules(RatingConsoleMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_rating_data()

    def post(self, events, raw=None, token=None, serial=None):
        body = raw if raw is not None else json.dumps(
            {"console": serial or self.console.serial, "events": events}
        )
        self.env.flush_all()
        return self.url_open(
            URL, data=body,
            headers={"Content-Type": "application/json",
                     "Authorization": f"Bearer {token or self.token}"},
        )

    def now(self):
        return datetime.now(UTC).replace(tzinfo=None, microsecond=0)

    def reasons(self, response):
        self.assertEqual(response.status_code, 200, response.text)
        return {r["id"]: r["reason"] for r in response.json()["rejected"]}

    def test_no_vote_on_a_no_show(self):
        ticket = self.make_ticket("P001")
        ticket.action_call(self.workplace)
        ticket.action_no_show()
        reasons = self.reasons(
            self.post([{"id": "ns-1", "type": "vote", "value": "bad", "at": iso(self.now())}])
        )
        self.assertEqual(reasons["ns-1"], event_rules.REASON_NO_SHOW.format(number="P001"))
        self.assertFalse(ticket.vote_ids)

    def test_a_rated_ticket_is_finished_not_a_no_show(self):
        ticket = self.make_ticket("P002")
        ticket.action_call(self.workplace)
        accepted = self.post([{"id": "r-1", "type": "vote", "value": "good",
                               "at": iso(self.now())}]).json()["accepted"]
        self.assertEqual(accepted, ["r-1"])
        with self.assertRaisesText(UserError, "rated the service"):
            ticket.action_no_show()
        self.assertEqual(ticket.state, "called")

    def test_a_press_older_than_the_latest_stored_is_refused(self):
        now = self.now()
        first = self.served_ticket("P003", now - timedelta(minutes=30))
        second = self.served_ticket("P004", now - timedelta(minutes=15))
        third = self.served_ticket("P005", now - timedelta(minutes=45))
        answer = self.post([
            {"id": "o-2", "type": "vote", "value": "good", "at": iso(second.called_at)},
            # older than the press just accepted in the same request
            {"id": "o-1", "type": "vote", "value": "bad", "at": iso(first.called_at)},
        ])
        self.assertEqual(answer.json()["accepted"], ["o-2"])
        self.assertEqual(self.reasons(answer)["o-1"], event_rules.REASON_OUT_OF_ORDER)
        self.assertEqual(self.console.last_press_at, second.called_at)
        # a later request: older than the latest press stored for the console
        later = self.post([{"id": "o-3", "type": "vote", "value": "bad",
                            "at": iso(third.called_at + timedelta(minutes=1))}])
        self.assertEqual(self.reasons(later)["o-3"], event_rules.REASON_OUT_OF_ORDER)
        self.assertFalse(first.vote_ids | third.vote_ids)

    def test_a_press_older_than_the_delivery_window_is_refused(self):
        now = self.now()
        old = self.served_ticket("P006", now - timedelta(hours=73))
        recent = self.served_ticket("P007", now - timedelta(hours=71))
        answer = self.post([
            {"id": "w-1", "type": "vote", "value": "good", "at": iso(old.called_at)},
            {"id": "w-2", "type": "vote", "value": "good",
             "at": iso(recent.called_at + timedelta(minutes=1))},
        ])
        self.assertEqual(self.reasons(answer)["w-1"],
                         "the press is older than the delivery window of 72 hours")
        self.assertEqual(answer.json()["accepted"], ["w-2"])
        # the window is a setting (system parameter, in the settings of the consoles)
        self.env["ir.config_parameter"].sudo().set_param(
            "rating_console.delivery_window_hours", "2"
        )
        third = self.served_ticket("P008", now - timedelta(hours=3))
        answer = self.post([{"id": "w-3", "type": "vote", "value": "bad",
                             "at": iso(third.called_at + timedelta(minutes=1))}])
        self.assertEqual(self.reasons(answer)["w-3"],
                         "the press is older than the delivery window of 2 hours")

    def test_window_setting_is_read_safely(self):
        self.assertEqual(event_rules.delivery_window_hours("nonsense"), 72)
        self.assertEqual(event_rules.delivery_window_hours("0"), 1)
        self.assertEqual(event_rules.delivery_window_hours("999999"), 24 * 366)
        settings = self.env["res.config.settings"].create(
            {"rating_console_delivery_window_hours": 48}
        )
        settings.execute()
        self.assertEqual(self.env["municipal.console"]._delivery_window_hours(), 48)

    def test_unparseable_or_out_of_range_times_are_one_rejection(self):
        ticket = self.make_ticket("P009")
        ticket.action_call(self.workplace)
        bad_times = {
            "t-1": "0001-01-01T00:30:00+02:00",
            "t-2": "9999-12-31T23:30:00-05:00",
            "t-3": "2025-13-01T00:00:00",
            "t-4": 12345,
            "t-5": "9" * 5000,
            "t-6": "\x00",
        }
        events = [{"id": key, "type": "vote", "value": "good", "at": value}
                  for key, value in bad_times.items()]
        events.append({"id": "t-7", "type": "vote", "value": "good", "at": iso(self.now())})
        events.append({"id": "t-8", "type": "heartbeat", "at": "0001-01-01T00:00:00+05:00"})
        events.append({"id": "t-9", "type": "vote", "value": "good",
                       "at": "0001-01-01T00:00:00"})
        answer = self.post(events)
        reasons = self.reasons(answer)
        for key in (*bad_times, "t-8"):
            self.assertIn("ISO-8601", reasons[key], key)
        self.assertIn("delivery window", reasons["t-9"])
        self.assertEqual(answer.json()["accepted"], ["t-7"])

    def test_fault_and_firmware_codes_are_short_and_printable(self):
        now = iso(self.now())
        answer = self.post([
            {"id": "c-1", "type": "fault", "code": '<a href="http://x">E</a>', "at": now},
            {"id": "c-2", "type": "fault", "code": "E" * 33, "at": now},
            {"id": "c-3", "type": "fault", "code": "E0\x001", "at": now},
            {"id": "c-4", "type": "heartbeat", "code": "<img src=x>", "at": now},
            {"id": "c-5", "type": "fault", "code": ["E01"], "at": now},
            {"id": "c-6", "type": "fault", "code": "E-01.2", "at": now},
        ])
        reasons = self.reasons(answer)
        for key in ("c-1", "c-2", "c-3", "c-4", "c-5"):
            self.assertIn(event_rules.CODE_RULE, reasons[key], key)
        self.assertEqual(answer.json()["accepted"], ["c-6"])
        self.assertEqual(self.console.fault_ids.mapped("code"), ["E-01.2"])

    def test_a_flood_of_fault_codes_is_refused_past_ten_open_codes(self):
        now = iso(self.now())
        events = [{"id": f"fl-{n}", "type": "fault", "code": f"E{n:03d}", "at": now}
                  for n in range(200)]
        events.append({"id": "fl-again", "type": "fault", "code": "E000", "at": now})
        answer = self.post(events)
        result = answer.json()
        self.assertEqual(result["accepted"], [f"fl-{n}" for n in range(10)] + ["fl-again"])
        reasons = self.reasons(answer)
        self.assertEqual(len(reasons), 190)
        self.assertIn("10 open faults already", reasons["fl-10"])
        self.assertEqual(len(self.console.fault_ids), 10, "one open fault per code")
        users = self.console.activity_ids.user_id
        self.assertEqual(len(self.console.activity_ids), len(users), "one activity per user")

    def test_malformed_envelopes_are_400_json(self):
        cases = [
            json.dumps({"console": "T-RC-0001\x00", "events": [{"id": "a"}]}),
            json.dumps({"console": self.console.serial, "events": [{"id": "a\x00"}]}),
            json.dumps({"console": "x" * 100, "events": [{"id": "a"}]}),
            "[" * 100000,
            "\xff\xfe",
        ]
        for raw in cases:
            response = self.post(None, raw=raw)
            self.assertEqual(response.status_code, 400, raw[:40])
            self.assertIn("error", response.json())
        for method in ("GET", "PUT", "DELETE"):
            response = self.opener.request(method, self.base_url() + URL, timeout=10)
            self.assertEqual(response.status_code, 405, method)
            self.assertEqual(response.json(), {"error": "use POST"})
        response = self.url_open(URL, data="{}", headers={"Authorization": "Bearer a\x00b"})
        self.assertEqual(response.status_code, 401)

    def test_bridge_drops_a_rejected_event_and_counts_it(self):
        """The server's rejection is final: the event leaves the spool, is logged and counted in
        the status, and the events behind it are delivered."""
        ticket = self.make_ticket("P010")
        ticket.action_call(self.workplace)
        self.env.flush_all()
        with tempfile.TemporaryDirectory() as directory:
            spool = Spool(directory)
            spool.put({"id": "d-1", "type": "vote", "value": "good",
                       "at": "9999-12-31T23:30:00-05:00"})
            spool.put({"id": "x" * 65, "type": "vote", "value": "good", "at": iso(self.now())})
            spool.put({"id": "d-3", "type": "vote", "value": "good", "at": iso(self.now())})
            sender = Sender(spool, self.base_url(), self.console.serial, self.token)
            with self.assertLogs("odoo.addons.rating_console.bridge.sender", "WARNING") as logs:
                self.assertEqual(sender.flush(), 3)
            self.assertEqual(len(spool), 0, "nothing blocks the spool")
            status = sender.status()
            self.assertEqual((status["pending"], status["rejected"]), (0, 2))
            self.assertEqual(len(logs.records), 2, list(sender.rejected))
        self.env.invalidate_all()
        self.assertEqual(ticket.vote_ids.event_id, "d-3")
