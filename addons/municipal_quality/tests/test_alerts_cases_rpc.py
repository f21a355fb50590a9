"""Issue 16 over the door an attacker uses: the buttons of alerts and cases, over JSON-RPC and
XML-RPC with every hostile context key, as an employee who is neither owner nor officer."""

from datetime import datetime, timedelta

from odoo.tests import tagged

from .rpc_common import MunicipalRpcCase


@tagged("post_install", "-at_install")
class TestAlertsCasesOverRpc(MunicipalRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head = cls.rpc_user("mq_rpc_head", "base.group_user")
        cls.stranger = cls.rpc_user("mq_rpc_stranger", "base.group_user")
        office = cls.env["municipal.office"].create({"name": "RPC hall", "code": "T-RPC"})
        office.manager_id = cls.env["hr.employee"].create(
            {"name": "Head of RPC hall", "user_id": cls.head.id}
        )
        rule = cls.env["municipal.quality.alert.rule"].create(
            {"name": "RPC rule", "office_id": office.id}
        )
        now = datetime(2026, 12, 2, 10, 0)
        cls.alert = cls.env["municipal.quality.alert"]._alert_fire(
            rule, 3, 4, now - timedelta(minutes=15), now
        )
        cls.alert.acknowledge_note = "Seen"
        cls.case = cls.alert.env["municipal.quality.case"].search([("alert_id", "=", cls.alert.id)])
        cls.case.write({"cause": "queue", "measure": "Forged measure"})

    def test_a_stranger_acts_on_nothing(self):
        for record, method in (
            (self.alert, "action_acknowledge"),
            (self.alert, "action_close"),
            (self.case, "action_start"),
            (self.case, "action_close"),
        ):
            with self.subTest(method=method):
                self.assertRefused(self.stranger, record._name, method, [record.ids])
        self.assertRefused(
            self.stranger, "municipal.quality.case", "write", [self.case.ids, {"state": "closed"}]
        )
        self.assertEqual((self.alert.state, self.case.state), ("open", "new"))

    def test_the_head_cannot_forge_the_figures_or_the_state(self):
        for model, record, vals in (
            ("municipal.quality.alert", self.alert, {"negative_count": 0}),
            ("municipal.quality.alert", self.alert, {"state": "closed"}),
            ("municipal.quality.case", self.case, {"deadline": "2099-01-01"}),
            ("municipal.quality.case", self.case, {"state": "closed"}),
        ):
            with self.subTest(vals=vals):
                self.assertRefused(self.head, model, "write", [record.ids, vals])
        # his own buttons work through the same door
        self.call_json(self.head, "municipal.quality.case", "action_close", [self.case.ids])
        self.assertEqual(self.case.state, "closed")
