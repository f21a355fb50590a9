"""Calls over real HTTP, as an RPC client (a browser's JSON-RPC or an XML-RPC script) sends
them: the door an attacker uses. Every addon's integrity tests use these helpers.

``HOSTILE_CONTEXT`` holds every context key the suite ever read to unlock something, plus
OCA's and Odoo's own bypass keys: a client may send any of them, and none may lift a lock or
skip a check.
"""

import json
import xmlrpc.client

from odoo.tests import HttpCase, new_test_user

HOSTILE_CONTEXT = {
    # keys the suite used to read (removed: none may do anything now)
    "municipal_bonus_transition": True,
    "municipal_regulation_reset": True,
    "edu_assessment_unlock": True,
    "edu_complaint_transition": True,
    "edu_check_unlock": True,
    "culture_scoring": True,
    "culture_unlock": True,
    "rating_console_from_console": True,
    "rating_console_vote_from_console": True,
    "from_console": True,
    # OCA base_tier_validation and Odoo's own
    "skip_validation_check": True,
    "skip_check_state_condition": True,
    "tracking_disable": True,
    "install_mode": True,
    "module": "municipal_quality",
}


class RpcRefused(Exception):
    """The server answered the call with an error; ``name`` is the exception class it
    raised (``odoo.exceptions.AccessError``...), ``message`` its text."""

    def __init__(self, name, message):
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


class MunicipalRpcCase(HttpCase):
    """An HttpCase that calls models as a given user over ``/web/dataset/call_kw`` (with a
    session, as the web client does) and over ``/xmlrpc/2/object`` (with the password)."""

    @classmethod
    def rpc_user(cls, login, groups, **values):
        """A user with ``groups`` (comma-separated xml ids) whose password is its login."""
        values.setdefault("password", f"{login}-pw-2026")
        values.setdefault("email", f"{login}@example.org")
        return new_test_user(cls.env, login=login, groups=groups, **values)

    def _password(self, user):
        return f"{user.login}-pw-2026"

    def call_json(self, user, model, method, args=(), kwargs=None, context=None):
        """``model.method(*args, **kwargs)`` through the web client's JSON-RPC, logged in as
        ``user``. Returns the result, or raises ``RpcRefused``."""
        self.authenticate(user.login, self._password(user))
        kwargs = dict(kwargs or {})
        kwargs["context"] = dict(HOSTILE_CONTEXT if context is None else context)
        payload = {
            "id": 1,
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        }
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        answer = response.json()
        if "error" in answer:
            data = answer["error"].get("data", {})
            raise RpcRefused(data.get("name", "?"), data.get("message", ""))
        return answer.get("result")

    def call_xmlrpc(self, user, model, method, args=(), kwargs=None, context=None):
        """The same call over XML-RPC, authenticated by login and password."""
        kwargs = dict(kwargs or {})
        kwargs["context"] = dict(HOSTILE_CONTEXT if context is None else context)
        try:
            return self.xmlrpc_object.execute_kw(
                self.env.cr.dbname,
                user.id,
                self._password(user),
                model,
                method,
                list(args),
                kwargs,
            )
        except xmlrpc.client.Fault as fault:
            text = fault.faultString or ""
            name = text.split(":", 1)[0] if ":" in text.split("\n", 1)[0] else "?"
            raise RpcRefused(name, text) from None

    def assertRefused(self, user, model, method, args=(), kwargs=None, doors=("json", "xmlrpc")):
        """The call is refused through every door, with the hostile context."""
        messages = []
        for door in doors:
            call = self.call_json if door == "json" else self.call_xmlrpc
            with self.assertRaises(
                RpcRefused, msg=f"{door}: {user.login} {model}.{method}{tuple(args)} passed"
            ) as caught:
                call(user, model, method, args, kwargs)
            messages.append(caught.exception.message)
        return messages

    def snapshot(self, records, fields=None):
        """Stored values of ``records`` read from the database (to compare before/after)."""
        records.invalidate_recordset()
        names = fields or [
            name
            for name, field in records._fields.items()
            if field.store
            and field.type not in ("one2many", "many2many", "binary", "html")
            and name not in ("write_date", "write_uid", "__last_update")
        ]
        return records.sudo().read(names, load=False)
