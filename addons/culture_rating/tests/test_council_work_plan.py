"""Plan item 2.1: the work plan of the public council ("План работы Общественного совета"),
managed by the culture department, read by the council on its portal, never written by it."""

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.municipal_quality.tests.rpc_common import MunicipalRpcCase, RpcRefused

from .common import CultureRatingCase

COUNCIL = "municipal_quality.group_public_council"


@tagged("post_install", "-at_install")
class TestCouncilWorkPlan(MunicipalRpcCase, CultureRatingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls.rpc_user("cr_wp_member", COUNCIL)
        cls.specialist = cls.rpc_user("cr_wp_specialist", "culture_rating.group_culture_user")
        cls.manager = cls.rpc_user("cr_wp_manager", "culture_rating.group_culture_manager")
        cls.chair = cls.env["res.partner"].create({"name": "Председатель совета Т."})
        cls.plan = cls.env["culture.council.work.plan"].create(
            {
                "name": "План работы совета 2049",
                "year": 2049,
                "item_ids": [
                    Command.create(
                        {
                            "name": "Предложения по перечню учреждений",
                            "topic": "institutions",
                            "responsible_id": cls.chair.id,
                            "date_deadline": "2049-02-01",
                        }
                    ),
                    Command.create(
                        {
                            "name": "Предложения по показателям оценки",
                            "topic": "indicators",
                            "responsible_name": "Секретарь совета",
                            "date_deadline": fields.Date.add(fields.Date.today(), days=-1),
                        }
                    ),
                ],
            }
        )
        cls.first, cls.late = cls.plan.item_ids.sorted("sequence")[0], cls.plan.item_ids[1]

    def test_the_council_reads_the_approved_plan_on_its_portal(self):
        self.authenticate(self.member.login, self._password(self.member))
        url = f"/my/culture/workplan/{self.plan.id}"
        self.assertEqual(self.url_open(url).status_code, 404, "a draft plan is not shown")
        self.assertNotIn("План работы совета 2049", self.url_open("/my/culture").text)

        self.call_json(self.manager, "culture.council.work.plan", "action_approve", [self.plan.ids])
        self.assertEqual(self.plan.state, "approved")
        self.assertEqual(self.plan.approved_by_id, self.manager)
        self.first.result = "Все 6 учреждений включены."
        self.call_json(
            self.specialist, "culture.council.work.item", "action_done", [self.first.ids]
        )
        self.assertEqual(self.first.date_done, fields.Date.today())

        self.authenticate(self.member.login, self._password(self.member))
        home = self.url_open("/my/culture")
        self.assertIn(f'href="/my/culture/workplan/{self.plan.id}"', home.text)
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        for text in (
            "Предложения по перечню учреждений",
            "Председатель совета Т.",
            "Секретарь совета",
            "Все 6 учреждений включены.",
            "(overdue)",
        ):
            self.assertIn(text, page.text)
        self.assertTrue(self.late.is_overdue)
        self.assertEqual(self.plan.overdue_count, 1)
        self.assertEqual(self.plan.done_count, 1)

    def test_a_member_reads_over_rpc_and_cannot_write(self):
        self.plan.action_approve()
        rows = self.call_json(
            self.member,
            "culture.council.work.item",
            "search_read",
            [[("plan_id", "=", self.plan.id)]],
            {"fields": ["name", "date_deadline", "state"]},
        )
        self.assertEqual(len(rows), 2)
        before = (self.snapshot(self.plan), self.snapshot(self.plan.item_ids))
        for model, records, vals in (
            ("culture.council.work.plan", self.plan, {"name": "Другой план"}),
            ("culture.council.work.plan", self.plan, {"state": "draft"}),
            ("culture.council.work.item", self.first, {"state": "done"}),
            ("culture.council.work.item", self.first, {"date_deadline": "2050-01-01"}),
        ):
            self.assertRefused(self.member, model, "write", [records.ids, vals])
        self.assertRefused(
            self.member,
            "culture.council.work.item",
            "create",
            [{"plan_id": self.plan.id, "name": "x", "date_deadline": "2049-05-01"}],
        )
        self.assertRefused(self.member, "culture.council.work.item", "unlink", [self.first.ids])
        for method in ("action_done", "action_cancel"):
            self.assertRefused(self.member, "culture.council.work.item", method, [self.first.ids])
        self.assertRefused(
            self.member, "culture.council.work.plan", "action_reset_to_draft", [self.plan.ids]
        )
        self.assertEqual((self.snapshot(self.plan), self.snapshot(self.plan.item_ids)), before)
        # a draft plan is not even readable
        self.plan.action_reset_to_draft()
        self.assertEqual(
            self.call_json(
                self.member,
                "culture.council.work.plan",
                "search_read",
                [[("id", "=", self.plan.id)]],
            ),
            [],
        )

    def test_only_the_manager_approves_and_the_approved_plan_is_frozen(self):
        with self.assertRaises(RpcRefused) as caught:
            self.call_json(
                self.specialist, "culture.council.work.plan", "action_approve", [self.plan.ids]
            )
        self.assertIn("reserved to", caught.exception.message)
        self.assertEqual(self.plan.state, "draft")
        self.plan.action_approve()
        self.assertRefused(
            self.specialist,
            "culture.council.work.item",
            "write",
            [self.first.ids, {"date_deadline": "2050-01-01"}],
        )
        self.assertRefused(
            self.specialist,
            "culture.council.work.item",
            "create",
            [{"plan_id": self.plan.id, "name": "x", "date_deadline": "2049-05-01"}],
        )
        self.assertEqual(self.first.date_deadline, fields.Date.to_date("2049-02-01"))
        with self.assertRaisesText(UserError, "Write what was done"):
            self.first.action_done()

    def test_no_approval_without_deadlines(self):
        self.first.date_deadline = False
        with self.assertRaisesText(UserError, "Give a deadline to every item"):
            self.plan.action_approve()
