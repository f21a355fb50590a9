"""Suite-level integrity test: decisions nobody can forge over RPC.

One user per group of every addon of the suite (and a plain employee and a portal user), over
real HTTP (``/web/dataset/call_kw`` with a session and ``/xmlrpc/2/object`` with the password),
with every context key that ever unlocked something sent by the client, for every model that uses
the lock mixin:

- writes a frozen field of a locked document;
- moves its state by ``write`` (back to the first state, and to every other state);
- creates a document directly in a locked state;
- as a plain employee and as a portal user, calls every ``action_*`` button of the document.

Everything is refused and nothing changes (the stored values are compared with a snapshot read
from the database). The addons' own tests check the legitimate steps of each role through the
buttons, and who may do each transition.
"""

import datetime
import json
import xmlrpc.client

from odoo import models
from odoo.tests import HttpCase, new_test_user

from odoo.addons.municipal_quality.tests.rpc_common import HOSTILE_CONTEXT

SUITE = (
    "municipal_quality",
    "municipal_bonus",
    "rating_console",
    "rating_console_bonus",
    "culture_rating",
    "edu_standard",
)
SCALAR_TYPES = ("char", "text", "integer", "float", "monetary", "date", "boolean", "selection")
SKIPPED_FIELDS = {"write_date", "write_uid", "create_date", "create_uid", "id", "display_name"}


class TestLocksOverRpc(HttpCase):
    test_tags = {"standard", "post_install"}
    test_module = "municipal_quality"
    test_class = "TestLocksOverRpc"
    test_sequence = 0

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = cls._one_user_per_group()
        cls.samples = {}
        cls.missing = []
        for model in cls._locked_models():
            record = cls._locked_sample(model)
            if record:
                cls.samples[model] = record
            else:
                cls.missing.append(model)

    # ------------------------------------------------------------------ set-up
    @classmethod
    def _one_user_per_group(cls):
        portal = cls.env.ref("base.group_portal")
        employee = cls.env.ref("base.group_user")
        data = cls.env["ir.model.data"].search(
            [("model", "=", "res.groups"), ("module", "in", SUITE)]
        )
        users = {}
        for index, xmlid in enumerate(sorted(data.mapped("complete_name"))):
            group = cls.env.ref(xmlid)
            closure = group | group.trans_implied_ids
            base = "base.group_portal" if portal in closure else "base.group_user"
            login = f"lock_rpc_{index}"
            users[xmlid] = new_test_user(
                cls.env, login=login, groups=f"{base},{xmlid}", password=f"{login}-pw-2026"
            )
        users["base.group_user"] = new_test_user(
            cls.env, login="lock_rpc_employee", groups="base.group_user",
            password="lock_rpc_employee-pw-2026",
        )
        users["base.group_portal"] = new_test_user(
            cls.env, login="lock_rpc_portal", groups="base.group_portal",
            password="lock_rpc_portal-pw-2026",
        )
        assert employee and portal
        return users

    @classmethod
    def _locked_models(cls):
        names = cls.env.registry.descendants(["municipal.lock.mixin"], "_inherit")
        return sorted(
            name
            for name in names
            if not cls.env[name]._abstract and not cls.env[name]._transient
            and cls.env[name]._lock_locked_states()
        )

    @classmethod
    def _locked_sample(cls, model):
        Model = cls.env[model].sudo().with_context(active_test=False)
        states = list(Model._lock_locked_states())
        record = Model.search([(Model._lock_state_field, "in", states)], limit=1, order="id")
        return record.filtered(lambda r: r._lock_is_locked())

    # ------------------------------------------------------------------ doors
    def _json(self, user, model, method, args, kwargs=None):
        kwargs = dict(kwargs or {}, context=dict(HOSTILE_CONTEXT))
        payload = {
            "id": 1,
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"model": model, "method": method, "args": args, "kwargs": kwargs},
        }
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(payload, default=str).encode(),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200, response.text[:300])
        answer = response.json()
        return "error" not in answer, answer.get("error", {}).get("data", {}).get("name")

    def _xmlrpc(self, user, model, method, args):
        try:
            self.xmlrpc_object.execute_kw(
                self.env.cr.dbname, user.id, f"{user.login}-pw-2026", model, method, args,
                {"context": dict(HOSTILE_CONTEXT)},
            )
        except xmlrpc.client.Fault:
            return False
        return True

    # ------------------------------------------------------------------ helpers
    def _snapshot(self, record):
        record.invalidate_recordset()
        names = [
            name
            for name, field in record._fields.items()
            if field.store and field.type not in ("one2many", "many2many", "binary")
            and name not in SKIPPED_FIELDS
            and not field.compute
        ]
        return record.sudo().with_context(active_test=False).read(names, load=False)[0]

    def _frozen_field(self, record):
        """A stored scalar field that the locked ``record`` does not accept, and a new value."""
        writable = record._lock_writable_in(record[record._lock_state_field])
        workflow = record._lock_all_workflow_fields()
        for name, field in sorted(record._fields.items()):
            if (
                not field.store
                or field.compute
                or field.related
                or field.type not in SCALAR_TYPES
                or name in writable
                or name in workflow
                or name in SKIPPED_FIELDS
                or name.startswith(("message_", "activity_"))
            ):
                continue
            value = record.sudo()[name]
            if field.type in ("char", "text"):
                return name, f"{value or ''} forged"
            if field.type in ("integer", "float", "monetary"):
                return name, (value or 0) + 1
            if field.type == "boolean":
                return name, not value
            if field.type == "date":
                return name, str((value or datetime.date(2020, 1, 1)) + datetime.timedelta(1))
            if field.type == "selection":
                options = [key for key, _label in field._description_selection(self.env)]
                others = [key for key in options if key != value]
                if others:
                    return name, others[0]
        return None, None

    # ------------------------------------------------------------------ the test
    def test_every_locked_document_refuses_every_role_over_rpc(self):
        self.assertFalse(
            self.missing,
            "every model that locks has a locked document in the demo data to attack",
        )
        self.assertGreaterEqual(len(self.samples), 3)
        frozen = {model: self._frozen_field(record) for model, record in self.samples.items()}
        before = {model: self._snapshot(record) for model, record in self.samples.items()}
        counts = {model: self.env[model].sudo().search_count([]) for model in self.samples}
        copies = {
            model: record.sudo().copy_data()[0] for model, record in self.samples.items()
        }
        passed = []
        for role, user in sorted(self.users.items()):
            self.authenticate(user.login, f"{user.login}-pw-2026")
            for model, record in self.samples.items():
                state_field = record._lock_state_field
                options = [
                    key
                    for key, _label in record._fields[state_field]._description_selection(
                        self.env
                    )
                ]
                current = record[state_field]
                name, value = frozen[model]
                if name:
                    ok, _error = self._json(user, model, "write", [record.ids, {name: value}])
                    if ok:
                        passed.append(f"{role}: {model}.write({name})")
                for state in options:
                    if state == current:
                        continue
                    ok, _error = self._json(
                        user, model, "write", [record.ids, {state_field: state}]
                    )
                    if ok:
                        passed.append(f"{role}: {model}.write({state_field}={state})")
                if self._xmlrpc(user, model, "write", [record.ids, {state_field: options[0]}]):
                    passed.append(f"{role}: xmlrpc {model}.write({state_field}={options[0]})")
                vals = dict(copies[model], **{state_field: current})
                ok, _error = self._json(user, model, "create", [[vals]])
                if ok:
                    passed.append(f"{role}: {model}.create({state_field}={current})")
        for role in ("base.group_user", "base.group_portal"):
            user = self.users[role]
            self.authenticate(user.login, f"{user.login}-pw-2026")
            for model, record in self.samples.items():
                for method in sorted(set(dir(type(record))) - set(dir(models.BaseModel))):
                    if not method.startswith("action_") or not callable(getattr(record, method)):
                        continue
                    self._json(user, model, method, [record.ids])
        self.assertFalse(passed, "calls that the server accepted")
        for model, record in self.samples.items():
            self.assertEqual(self._snapshot(record), before[model], f"{model} changed")
            self.assertEqual(
                self.env[model].sudo().search_count([]), counts[model], f"{model} created"
            )
