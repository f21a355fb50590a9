from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import ALL_YES, CultureRatingCase


@tagged("post_install", "-at_install")
class TestCouncilAccess(CultureRatingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = new_test_user(
            cls.env, login="cr_member", groups="municipal_quality.group_public_council"
        )
        cls.other_member = new_test_user(
            cls.env, login="cr_member2", groups="municipal_quality.group_public_council"
        )
        cls.outsider = new_test_user(cls.env, login="cr_portal", groups="base.group_portal")
        cls.culture_user = new_test_user(
            cls.env, login="cr_user", groups="culture_rating.group_culture_user"
        )
        cls.culture_manager = new_test_user(
            cls.env, login="cr_manager", groups="culture_rating.group_culture_manager"
        )
        cls.campaign = cls._campaign(cls.inst_a, year=2042)
        cls.assessment = cls.campaign.assessment_ids
        cls.draft_campaign = cls._campaign(cls.inst_b, year=2043, start=False)

    def _publish(self):
        self.respond(self.assessment, ALL_YES)
        self.campaign.action_compute()
        self.campaign.action_approve()
        self.campaign.action_publish()

    def test_member_reads_published_results_but_cannot_write(self):
        Assessment = self.env["culture.assessment"].with_user(self.member)
        Line = self.env["culture.assessment.line"].with_user(self.member)
        self.campaign.action_compute()
        self.assertFalse(Assessment.search([("campaign_id", "=", self.campaign.id)]))
        self.assertFalse(Line.search([("campaign_id", "=", self.campaign.id)]))
        with self.assertRaises(AccessError):
            self.assessment.with_user(self.member).read(["total"])
        self.campaign.action_approve()
        self.campaign.action_publish()
        self.assertEqual(
            Assessment.search([("campaign_id", "=", self.campaign.id)]), self.assessment
        )
        self.assertEqual(self.assessment.with_user(self.member).total, self.assessment.total)
        self.assertEqual(len(Line.search([("campaign_id", "=", self.campaign.id)])), 19)
        with self.assertRaises(AccessError):
            self.assessment.with_user(self.member).write({"head_note": "x"})
        with self.assertRaises(AccessError):
            self.campaign.with_user(self.member).write({"note": "x"})
        with self.assertRaises(AccessError):
            self.assessment.line_ids[0].with_user(self.member).unlink()
        with self.assertRaises(AccessError):
            self.assessment.checklist_line_ids[0].with_user(self.member).write({"note": "x"})
        with self.assertRaises(AccessError):
            self.env["culture.campaign"].with_user(self.member).create({"name": "x", "year": 2050})

    def test_member_is_read_only_on_every_model(self):
        """The council reads; its only write is a new proposal (plan items 2.1, 2.2)."""
        models = [
            name
            for name, model in self.env.registry.items()
            if name.startswith("culture.") and not model._abstract and not model._transient
        ]
        self.assertIn("culture.assessment", models)
        member = self.env(user=self.member)
        for model in models:
            for operation in ("write", "unlink"):
                self.assertFalse(member[model].has_access(operation), f"{model}: {operation}")
            self.assertEqual(member[model].has_access("create"), model == "culture.proposal", model)

    def test_member_does_not_read_the_head_evaluation(self):
        self._publish()
        self.assessment.write({"head_conclusion": "partly", "head_note": "Late reports"})
        head = new_test_user(
            self.env, login="cr_head_eval", groups="culture_rating.group_culture_institution_head"
        )
        self.inst_a.head_user_id = head
        self.assertEqual(self.assessment.with_user(head).head_note, "Late reports")
        self.assertEqual(self.assessment.with_user(self.culture_user).head_conclusion, "partly")
        as_member = self.assessment.with_user(self.member)
        self.assertEqual(as_member.read(["total"])[0]["total"], self.assessment.total)
        for field in ("head_conclusion", "head_note"):
            with self.assertRaises(AccessError, msg=field):
                as_member.read([field])
        self.assertNotIn("head_note", as_member.fields_get())

    def test_member_reads_campaigns_checks_plans_minutes(self):
        member = self.env(user=self.member)
        self.assertEqual(
            member["culture.campaign"].search(
                [("id", "in", (self.campaign | self.draft_campaign).ids)]
            ),
            self.campaign,
            "draft campaigns are not shown",
        )
        self.assertEqual(
            len(member["culture.checklist.line"].search([("campaign_id", "=", self.campaign.id)])),
            11,
        )
        self._publish()
        plan = self.env["culture.improvement.plan"].create(
            {
                "assessment_id": self.assessment.id,
                "measure_ids": [(0, 0, {"name": "Ramp", "date_deadline": "2043-06-01"})],
            }
        )
        self.assertFalse(member["culture.improvement.plan"].search([("id", "=", plan.id)]))
        plan.action_approve()
        self.assertEqual(member["culture.improvement.plan"].search([("id", "=", plan.id)]), plan)
        self.assertEqual(
            len(member["culture.improvement.measure"].search([("plan_id", "=", plan.id)])), 1
        )
        with self.assertRaises(AccessError):
            plan.measure_ids.with_user(self.member).write({"name": "Changed"})
        meeting = self.env["culture.council.meeting"].create(
            {"name": "Results", "minutes": "<p>m</p>"}
        )
        self.assertFalse(member["culture.council.meeting"].search([("id", "=", meeting.id)]))
        meeting.action_held()
        meeting.action_approve_minutes()
        self.assertEqual(
            member["culture.council.meeting"].search([("id", "=", meeting.id)]), meeting
        )
        with self.assertRaisesText(UserError, "can no longer be changed"):
            meeting.minutes = "<p>changed</p>"
        with self.assertRaises(AccessError):
            meeting.with_user(self.member).write({"state": "held"})
        self.assertFalse(member["culture.expert.value"].has_access("read"))

    def test_member_submits_proposals(self):
        Proposal = self.env["culture.proposal"].with_user(self.member)
        proposal = Proposal.create(
            {
                "name": "Add the park",
                "description": "Assess the park too",
                "proposal_type": "institutions",
            }
        )
        self.assertEqual(proposal.author_id, self.member)
        self.assertEqual(proposal.state, "submitted")
        with self.assertRaises(AccessError):
            proposal.write({"state": "accepted"})
        with self.assertRaises(AccessError):
            proposal.unlink()
        with self.assertRaisesText(UserError, "only takes"):
            Proposal.create({"name": "x", "description": "y", "state": "accepted"})
        # another member does not see a proposal still under examination, then sees the answer
        other = self.env["culture.proposal"].with_user(self.other_member)
        self.assertFalse(other.search([("id", "=", proposal.id)]))
        with self.assertRaisesText(UserError, "answer"):
            proposal.sudo().action_accept()
        proposal.sudo().answer = "Included next year"
        proposal.sudo().action_accept()
        self.assertEqual(other.search([("id", "=", proposal.id)]), proposal)

    def test_non_member_portal_user_sees_nothing(self):
        self._publish()
        outsider = self.env(user=self.outsider)
        for model in (
            "culture.campaign",
            "culture.assessment",
            "culture.assessment.line",
            "culture.checklist.line",
            "culture.improvement.plan",
            "culture.council.meeting",
            "culture.proposal",
            "culture.institution",
        ):
            with self.assertRaises(AccessError, msg=model):
                outsider[model].search([])
        with self.assertRaises(AccessError):
            outsider["culture.proposal"].create({"name": "x", "description": "y"})

    def test_department_roles(self):
        user = self.env(user=self.culture_user)
        campaign = user["culture.campaign"].create({"name": "Dept", "year": 2044})
        self.assertEqual(campaign.method_id, self.method)
        with self.assertRaises(AccessError):
            self.method.with_user(self.culture_user).write({"name": "x"})
        with self.assertRaises(AccessError):
            user["culture.institution"].create({"name": "x"})
        self.respond(self.assessment, ALL_YES)
        self.campaign.with_user(self.culture_user).action_compute()
        self.assertTrue(self.assessment.line_ids)
        self.env(user=self.culture_manager)["culture.institution"].create({"name": "T New"})

    def test_other_company_sees_nothing(self):
        other_company = self.env["res.company"].create({"name": "Other district"})
        foreign = new_test_user(
            self.env,
            login="cr_foreign",
            groups="culture_rating.group_culture_manager",
            company_id=other_company.id,
            company_ids=[other_company.id],
        )
        env = self.env(user=foreign)
        self.assertFalse(env["culture.campaign"].search([("id", "=", self.campaign.id)]))
        self.assertFalse(env["culture.institution"].search([("id", "=", self.inst_a.id)]))
        self.assertFalse(
            env["culture.checklist.line"].search([("campaign_id", "=", self.campaign.id)])
        )
