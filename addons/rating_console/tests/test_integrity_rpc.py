"""Tickets, keys and tokens attacked over real HTTP (issue 11): JSON-RPC with a session and
XML-RPC with the password, with every context key that ever unlocked something."""

import json
import xmlrpc.client
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.municipal_quality.tests.rpc_common import (
    HOSTILE_CONTEXT,
    MunicipalRpcCase,
    RpcRefused,
)

from .common import RatingConsoleMixin

WORKFLOW = ("employee_id", "state", "called_at", "ended_at")


@tagged("post_install", "-at_install")
class TestTicketsOverRpc(RatingConsoleMixin, MunicipalRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_rating_data()
        cls.op = cls.rpc_user("rc_rpc_op", "rating_console.group_rating_operator")
        cls.op.employee_ids = [Command.create({"name": "RPC operator"})]
        cls.colleague = cls.env["hr.employee"].create({"name": "RPC colleague"})
        cls.head_rpc = cls.rpc_user("rc_rpc_head", "rating_console.group_rating_head")
        cls.manager_rpc = cls.rpc_user("rc_rpc_manager", "rating_console.group_rating_manager")
        cls.own_workplace = cls.env["municipal.workplace"].create(
            {
                "name": "RPC window",
                "code": "T-RC-RPC1",
                "office_id": cls.centre.id,
                "employee_id": cls.op.employee_ids.id,
            }
        )
        cls.colleague_workplace = cls.env["municipal.workplace"].create(
            {
                "name": "Colleague window",
                "code": "T-RC-RPC2",
                "office_id": cls.centre.id,
                "employee_id": cls.colleague.id,
            }
        )
        cls.env["municipal.console"].create(
            {"serial": "T-RC-RPC-C1", "workplace_id": cls.own_workplace.id}
        )

    def _forged(self, ticket):
        return {
            "employee_id": self.colleague.id,
            "state": "waiting" if ticket.state != "waiting" else "done",
            "called_at": "2020-01-01 08:00:00",
            "ended_at": "2020-01-01 08:05:00",
        }

    def test_operator_cannot_write_the_operator_state_or_times_of_his_tickets(self):
        waiting = self.make_ticket("R001")
        called = self.make_ticket("R002")
        called.with_user(self.op).action_call(self.own_workplace)
        done = self.served_ticket("R003", fields.Datetime.now() - timedelta(hours=1),
                                  workplace=self.own_workplace)
        for ticket in waiting | called | done:
            before = self.snapshot(ticket)
            forged = self._forged(ticket)
            for user in (self.op, self.head_rpc, self.manager_rpc):
                for name in WORKFLOW:
                    messages = self.assertRefused(
                        user, ticket._name, "write", [ticket.ids, {name: forged[name]}]
                    )
                    self.assertTrue(all(messages), messages)
                self.assertRefused(user, ticket._name, "write", [ticket.ids, forged])
            self.assertEqual(self.snapshot(ticket), before, f"{ticket.number} changed")
        # a Bad vote pressed now lands on the ticket's own operator, not on a colleague
        self.assertEqual(called.employee_id, self.op.employee_ids)

    def test_nobody_creates_a_ticket_already_called_or_with_an_operator(self):
        count = self.env["municipal.queue.ticket"].search_count([])
        for user in (self.op, self.manager_rpc):
            for vals in (
                {"state": "done"},
                {"employee_id": self.colleague.id},
                {"called_at": "2020-01-01 08:00:00"},
            ):
                self.assertRefused(
                    user,
                    "municipal.queue.ticket",
                    "create",
                    [[dict(vals, number=f"RC-{user.id}", office_id=self.centre.id)]],
                )
        self.assertEqual(self.env["municipal.queue.ticket"].search_count([]), count)

    def test_queue_actions_still_work_over_rpc(self):
        ticket = self.make_ticket("R010")
        self.call_json(self.op, ticket._name, "action_call", [ticket.ids, self.own_workplace.id])
        self.assertEqual(ticket.state, "called")
        self.assertEqual(ticket.employee_id, self.op.employee_ids)
        self.call_xmlrpc(self.op, ticket._name, "action_start", [ticket.ids])
        self.assertEqual(ticket.state, "serving")
        self.call_json(self.op, ticket._name, "action_finish", [ticket.ids])
        self.assertEqual(ticket.state, "done")
        self.assertTrue(ticket.called_at and ticket.started_at and ticket.ended_at)
        # the service is still written while the client is served, not once done
        other = self.make_ticket("R011")
        self.call_json(self.op, other._name, "action_call", [other.ids, self.own_workplace.id])
        self.call_json(self.op, other._name, "write", [other.ids, {"service_id": False}])
        self.assertFalse(other.service_id)
        self.call_json(self.op, other._name, "action_no_show", [other.ids])
        self.assertRefused(self.op, other._name, "write", [other.ids, {"number": "R999"}])

    def test_operator_calls_only_to_his_own_workplace(self):
        ticket = self.make_ticket("R020")
        before = self.snapshot(ticket)
        for args in ([ticket.ids, self.colleague_workplace.id], [ticket.ids, "x"]):
            self.assertRefused(self.op, ticket._name, "action_call", args)
        self.assertEqual(self.snapshot(ticket), before)
        # a head calls to any workplace of the office
        self.call_json(
            self.head_rpc, ticket._name, "action_call", [ticket.ids, self.colleague_workplace.id]
        )
        self.assertEqual(ticket.employee_id, self.colleague)

    def test_nobody_creates_a_vote_over_rpc_whatever_the_context(self):
        ticket = self.served_ticket("R040", fields.Datetime.now() - timedelta(hours=2),
                                    workplace=self.own_workplace)
        vals = {
            "ticket_id": ticket.id,
            "console_id": self.console.id,
            "company_id": self.company.id,
            "value": "bad",
            "rating": 1,
            "pressed_at": fields.Datetime.to_string(ticket.called_at + timedelta(minutes=1)),
            "event_id": "forged-vote",
        }
        context = dict(HOSTILE_CONTEXT, rating_console_vote_from_console=True)
        for user in (self.op, self.manager_rpc):
            for call in (self.call_json, self.call_xmlrpc):
                with self.assertRaises(RpcRefused):
                    call(user, "municipal.console.vote", "create", [[vals]], context=context)
        self.assertFalse(self.env["municipal.console.vote"].search([("ticket_id", "=", ticket.id)]))

    def test_plain_employee_and_portal_drive_no_ticket(self):
        ticket = self.make_ticket("R030")
        employee = self.rpc_user("rc_rpc_plain", "base.group_user")
        portal = self.rpc_user("rc_rpc_portal", "base.group_portal")
        before = self.snapshot(ticket)
        for user in (employee, portal):
            for method in ("action_call", "action_start", "action_finish", "action_no_show"):
                self.assertRefused(user, ticket._name, method, [ticket.ids])
        self.assertEqual(self.snapshot(ticket), before)


@tagged("post_install", "-at_install")
class TestKeysAndTokensOverHttp(RatingConsoleMixin, MunicipalRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_rating_data()
        cls.queue_user = cls.env.ref("rating_console.user_queue_system")
        Keys = cls.env["res.users.apikeys"]
        cls.queue_key = Keys._generate_queue_key(cls.queue_user, days=1)
        cls.queue_global_key = Keys.with_user(cls.queue_user).sudo()._generate(
            None, "global key of the queue user", fields.Datetime.now() + timedelta(days=1)
        )
        cls.clerk = cls.rpc_user("rc_rpc_clerk", "rating_console.group_rating_head")
        cls.rpc_key = Keys.with_user(cls.clerk)._generate(
            None, "ordinary RPC key", fields.Datetime.now() + timedelta(days=1)
        )
        cls.it = cls.rpc_user("rc_rpc_it", "rating_console.group_rating_it")

    def _queue(self, key, action="call", ticket="K001"):
        return self.url_open(
            "/rating_console/v1/queue",
            data=json.dumps({"workplace": self.workplace.code, "action": action, "ticket": ticket}),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {key}"},
        )

    def _xmlrpc_with_key(self, user, key):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, user.id, key, "hr.employee", "search_read", [[]],
            {"fields": ["name"], "limit": 1, "context": dict(HOSTILE_CONTEXT)},
        )

    def _jsonrpc_with_key(self, user, key):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "service": "object",
                "method": "execute_kw",
                "args": [self.env.cr.dbname, user.id, key, "hr.employee", "search_read", [[]],
                         {"fields": ["name"], "limit": 1}],
            },
        }
        response = self.url_open(
            "/jsonrpc", data=json.dumps(payload), headers={"Content-Type": "application/json"}
        )
        return response.json()

    def test_ordinary_rpc_key_is_refused_by_the_queue_api(self):
        for key in (self.rpc_key, self.queue_global_key):
            response = self._queue(key)
            self.assertIn(response.status_code, (401, 403), response.text)
            self.assertEqual(response.headers["Content-Type"], "application/json")
            self.assertIn("queue scope", response.json()["error"])
        self.assertFalse(
            self.env["municipal.queue.ticket"].search([("number", "=", "K001")]),
            "a refused key creates no ticket",
        )
        # the RPC key still works where it belongs
        self.assertTrue(self._xmlrpc_with_key(self.clerk, self.rpc_key))

    def test_queue_key_works_only_on_the_queue_api(self):
        self.assertEqual(self._queue(self.queue_key).status_code, 200)
        for key in (self.queue_key, self.queue_global_key):
            with self.assertRaises(xmlrpc.client.Fault):
                self._xmlrpc_with_key(self.queue_user, key)
            answer = self._jsonrpc_with_key(self.queue_user, key)
            self.assertIn("error", answer, "JSON-RPC refuses the queue key")
            self.assertNotIn("result", answer)
        uid = self.xmlrpc_common.authenticate(
            self.env.cr.dbname, self.queue_user.login, self.queue_key, {}
        )
        self.assertFalse(uid, "the queue key does not log in over XML-RPC")
        response = self.url_open(
            "/web/dataset/call_kw/hr.employee/search_read",
            data=json.dumps(
                {"jsonrpc": "2.0", "method": "call", "id": 1,
                 "params": {"model": "hr.employee", "method": "search_read", "args": [[]],
                            "kwargs": {"limit": 1}}}
            ),
            headers={"Content-Type": "application/json",
                     "Authorization": f"Bearer {self.queue_key}"},
        )
        self.assertNotIn("result", response.json(), "no web session from a queue key")

    def test_token_wizard_stores_no_plain_token(self):
        console = self.console
        action = self.call_json(
            self.it, "municipal.console", "action_generate_token", [console.ids]
        )
        self.assertEqual(action["res_model"], "municipal.console.token.wizard")
        shown = self.call_json(
            self.it, "municipal.console.token.wizard", "read", [[action["res_id"]], ["token"]],
            context=action["context"],
        )[0]["token"]
        self.assertEqual(console._authenticate(console.serial, shown), console)
        self.env.flush_all()
        self.env.cr.execute("SELECT * FROM municipal_console_token_wizard")
        rows = self.env.cr.fetchall()
        self.assertTrue(rows)
        self.assertFalse([row for row in rows if shown in map(str, row)],
                         "the wizard's table holds no plain token")
        self.env.cr.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = 'municipal_console_token_wizard' AND column_name = 'token'"
        )
        self.assertFalse(self.env.cr.fetchall(), "no column for the token")

    def test_manager_gives_the_queue_system_a_key_shown_once(self):
        admin = self.rpc_user(
            "rc_rpc_admin", "base.group_system,rating_console.group_rating_manager"
        )
        settings = self.call_json(admin, "res.config.settings", "create", [{}])
        settings = settings[0] if isinstance(settings, list) else settings
        action = self.call_json(
            admin, "res.config.settings", "action_rating_queue_api_key", [[settings]]
        )
        key = self.call_json(
            admin, "municipal.console.token.wizard", "read", [[action["res_id"]], ["token"]],
            context=action["context"],
        )[0]["token"]
        self.assertEqual(self._queue(key, ticket="K100").status_code, 200)
        self.env.cr.execute("SELECT * FROM municipal_console_token_wizard")
        self.assertFalse([row for row in self.env.cr.fetchall() if key in map(str, row)])
        system_only = self.rpc_user("rc_rpc_sysonly", "base.group_system")
        self.assertFalse(system_only.has_group("rating_console.group_rating_manager"))
        settings = self.call_json(system_only, "res.config.settings", "create", [{}])
        settings = settings[0] if isinstance(settings, list) else settings
        self.assertRefused(
            system_only, "res.config.settings", "action_rating_queue_api_key", [[settings]]
        )
