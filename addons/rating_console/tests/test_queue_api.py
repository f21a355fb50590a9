import json
from datetime import UTC, datetime, timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import RatingConsoleMixin

URL = "/rating_console/v1/queue"


@tagged("post_install", "-at_install")
class TestQueueApi(RatingConsoleMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_rating_data()
        cls.queue_user = cls.env.ref("rating_console.user_queue_system")
        cls.key = cls.env["res.users.apikeys"]._generate_queue_key(cls.queue_user, days=1)
        cls.plain_user = new_test_user(cls.env, login="rc_plain", groups="base.group_user")
        cls.plain_key = cls.env["res.users.apikeys"].with_user(cls.plain_user)._generate(
            None, "not the queue", fields.Datetime.now() + timedelta(days=1)
        )

    def post(self, body, key=None):
        headers = {"Content-Type": "application/json"}
        if key is not False:
            headers["Authorization"] = f"Bearer {key or self.key}"
        raw = body if isinstance(body, str) else json.dumps(body)
        return self.url_open(URL, data=raw, headers=headers)

    def body(self, action, ticket="Q001", **extra):
        return {"workplace": self.workplace.code, "action": action, "ticket": ticket, **extra}

    def test_queue_system_drives_a_ticket(self):
        response = self.post(self.body("call", service="T-RC-01", operator="TRC7002"))
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json(), {"ticket": "Q001", "state": "called",
                                           "workplace": "T-RC-W1"})
        ticket = self.env["municipal.queue.ticket"].search([("number", "=", "Q001")])
        self.assertEqual(ticket.service_id, self.service)
        self.assertEqual(ticket.category_id, self.category)
        self.assertEqual(ticket.employee_id, self.operator_two, "found by employee barcode")
        self.assertEqual(ticket.workplace_id, self.workplace)
        for action, state in (("start", "serving"), ("finish", "done")):
            response = self.post(self.body(action))
            self.assertEqual(response.json()["state"], state)
        # a retry of the last transition is answered, not refused
        again = self.post(self.body("finish"))
        self.assertEqual((again.status_code, again.json()["state"]), (200, "done"))
        self.assertEqual(
            self.env["municipal.queue.ticket"].search_count([("number", "=", "Q001")]), 1
        )

    def test_tickets_are_dated_in_the_time_zone_of_the_queue_user(self):
        """The day of a ticket (the day of the reports) is the centre's, not UTC's."""
        for number, zone, offset in (("Q0TZ1", "Pacific/Kiritimati", 14),
                                     ("Q0TZ2", "Pacific/Pago_Pago", -11)):
            self.queue_user.tz = zone
            expected = (datetime.now(UTC) + timedelta(hours=offset)).date()
            self.assertEqual(self.post(self.body("call", ticket=number)).status_code, 200)
            ticket = self.env["municipal.queue.ticket"].search([("number", "=", number)])
            self.assertEqual(ticket.ticket_date, expected, zone)
            self.post(self.body("no_show", ticket=number))

    def test_no_show(self):
        self.post(self.body("call", ticket="Q002"))
        response = self.post(self.body("no_show", ticket="Q002"))
        self.assertEqual(response.json()["state"], "no_show")

    def test_errors(self):
        self.assertEqual(self.post(self.body("call"), key=False).status_code, 401)
        self.assertEqual(self.post(self.body("call"), key="wrong-key").status_code, 401)
        ordinary = self.post(self.body("call"), key=self.plain_key)
        self.assertEqual(ordinary.status_code, 401, "an ordinary RPC key is no queue key")
        self.assertIn("not a key of the queue scope", ordinary.json()["error"])
        bad = self.post(self.body("dance"))
        self.assertEqual(bad.status_code, 400)
        self.assertIn("'action'", bad.json()["error"])
        self.assertEqual(self.post("{oops").status_code, 400)
        unknown = self.post({"workplace": "NOPE", "action": "call", "ticket": "1"})
        self.assertIn("unknown workplace", unknown.json()["error"])
        self.assertIn("unknown service", self.post(self.body("call", service="X")).json()["error"])
        self.assertIn(
            "unknown operator", self.post(self.body("call", operator="000")).json()["error"]
        )
        other_company = self.env["res.company"].create({"name": "Other town"})
        self.env["hr.employee"].create(
            {"name": "Foreign operator", "barcode": "TRC9901", "company_id": other_company.id}
        )
        foreign = self.post(self.body("call", operator="TRC9901"))
        self.assertEqual(foreign.status_code, 400, "an operator of another company is unknown")
        self.assertIn("unknown operator", foreign.json()["error"])
        missing = self.post(self.body("start", ticket="Q404"))
        self.assertEqual(missing.status_code, 404)
        self.post(self.body("call", ticket="Q003"))
        conflict = self.post(self.body("call", ticket="Q004"))
        self.assertEqual(conflict.status_code, 409)
        self.assertIn("Q003 is still open", conflict.json()["error"])
        self.assertFalse(
            self.env["municipal.queue.ticket"].search([("number", "in", ("Q004", "X"))]),
            "a refused call leaves no ticket behind",
        )

    def test_ticket_numbers_are_short_strings_of_the_alphabet(self):
        for number in (True, False, None, 1.5, ["Q1"], {"n": 1}, "", "Q 1", "Q/1", "Q\x001",
                       "Ж001", "Q" * 17, "Q" * 100_000):
            response = self.post(self.body("call", ticket=number))
            self.assertEqual(response.status_code, 400, repr(number)[:40])
            self.assertIn("1-16 characters", response.json()["error"])
        self.assertFalse(self.env["municipal.queue.ticket"].search([("number", "=", "True")]))
        response = self.post(self.body("call", ticket="Ab-0_9.z" + "x" * 8))
        self.assertEqual((response.status_code, response.json()["ticket"]),
                         (200, "Ab-0_9.z" + "x" * 8))

    def test_a_step_names_the_workplace_that_holds_the_ticket(self):
        other = self.env["municipal.workplace"].create(
            {"name": "Window 2", "code": "T-RC-W2", "office_id": self.centre.id}
        )
        self.assertEqual(self.post(self.body("call", ticket="Q010")).status_code, 200)
        for action in ("start", "finish", "no_show"):
            response = self.post({"workplace": other.code, "action": action, "ticket": "Q010"})
            self.assertEqual(response.status_code, 409, action)
            self.assertIn("held by workplace T-RC-W1", response.json()["error"])
        ticket = self.env["municipal.queue.ticket"].search([("number", "=", "Q010")])
        self.assertEqual((ticket.state, ticket.workplace_id), ("called", self.workplace))
        self.assertEqual(self.post(self.body("finish", ticket="Q010")).json()["state"], "done")

    def test_every_error_is_json(self):
        answers = [
            self.post({"workplace": "T-RC-W1\x00", "action": "call", "ticket": "Q1"}),
            self.post({"workplace": "W" * 65, "action": "call", "ticket": "Q1"}),
            self.post(self.body("call", service="S\x00")),
            self.post(self.body("call", operator={"badge": 1})),
            self.post(self.body("call"), key="key\x00with a NUL"),
            self.post("[" * 100_000),
            self.post(self.body("finish", ticket="NOPE")),
            self.opener.get(self.base_url() + URL, timeout=10),
            self.opener.put(self.base_url() + URL, data="{}", timeout=10),
        ]
        for response in answers:
            self.assertIn(response.status_code, (400, 401, 404, 405), response.text[:200])
            self.assertEqual(response.headers["Content-Type"], "application/json")
            self.assertIn("error", response.json())
