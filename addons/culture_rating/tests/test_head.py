from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import ALL_YES, CultureRatingCase


@tagged("post_install", "-at_install")
class TestInstitutionHead(CultureRatingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head = new_test_user(
            cls.env, login="cr_head_a", groups="culture_rating.group_culture_institution_head"
        )
        cls.both = new_test_user(
            cls.env,
            login="cr_head_and_clerk",
            groups="culture_rating.group_culture_institution_head,"
            "culture_rating.group_culture_user",
        )
        cls.inst_a.head_user_id = cls.head
        cls.inst_b.head_user_id = cls.both
        cls.campaign = cls._campaign(cls.inst_a | cls.inst_b, year=2051)
        cls.a = cls.assessment_of(cls.campaign, cls.inst_a)
        cls.b = cls.assessment_of(cls.campaign, cls.inst_b)

    def test_head_reads_only_his_institution(self):
        self.respond(self.a, ALL_YES)
        self.campaign.action_compute()
        env = self.env(user=self.head)
        self.assertEqual(
            env["culture.institution"].search([("id", "in", (self.inst_a | self.inst_b).ids)]),
            self.inst_a,
        )
        self.assertEqual(
            env["culture.assessment"].search([("campaign_id", "=", self.campaign.id)]), self.a
        )
        self.assertEqual(
            set(
                env["culture.checklist.line"]
                .search([("campaign_id", "=", self.campaign.id)])
                .mapped("institution_id.id")
            ),
            {self.inst_a.id},
        )
        self.assertEqual(
            env["culture.assessment.line"]
            .search([("campaign_id", "=", self.campaign.id)])
            .institution_id,
            self.inst_a,
        )
        with self.assertRaises(AccessError):
            self.b.with_user(self.head).read(["total"])
        with self.assertRaises(AccessError):
            self.a.with_user(self.head).write({"head_note": "self-evaluation"})
        with self.assertRaises(AccessError):
            self.a.checklist_line_ids[0].with_user(self.head).write({"state": "published"})
        with self.assertRaises(AccessError):
            env["culture.expert.value"].search([])

    def test_head_reports_on_his_measures(self):
        self.respond(self.a, ALL_YES)
        self.campaign.action_compute()
        plan_a = self.env["culture.improvement.plan"].create(
            {
                "assessment_id": self.a.id,
                "measure_ids": [(0, 0, {"name": "Stand", "user_id": self.head.id})],
            }
        )
        plan_b = self.env["culture.improvement.plan"].create(
            {"assessment_id": self.b.id, "measure_ids": [(0, 0, {"name": "Ramp"})]}
        )
        measure = plan_a.measure_ids.with_user(self.head)
        measure.action_start()
        measure.write({"result": "New stand installed", "state": "done"})
        self.assertEqual(plan_a.measure_ids.state, "done")
        with self.assertRaisesText(UserError, "status and the result only"):
            measure.write({"date_deadline": "2052-01-01"})
        with self.assertRaises(AccessError):
            plan_b.measure_ids.with_user(self.head).write({"result": "x"})
        with self.assertRaises(AccessError):
            plan_a.with_user(self.head).write({"note": "x"})

    def test_department_user_who_is_also_a_head_sees_everything(self):
        env = self.env(user=self.both)
        self.assertEqual(
            env["culture.assessment"].search([("campaign_id", "=", self.campaign.id)]),
            self.a | self.b,
        )
        self.assertEqual(
            env["culture.institution"].search([("id", "in", (self.inst_a | self.inst_b).ids)]),
            self.inst_a | self.inst_b,
        )
