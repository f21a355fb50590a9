from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import ALL_YES, CultureRatingCase


@tagged("post_install", "-at_install")
class TestImprovementPlans(CultureRatingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head = new_test_user(
            cls.env, login="cr_head", groups="culture_rating.group_culture_user"
        )
        cls.inst_a.head_user_id = cls.head
        cls.campaign = cls._campaign(cls.inst_a, year=2047)
        cls.assessment = cls.campaign.assessment_ids

    def _computed(self):
        answers = dict(ALL_YES, comfort=False)
        self.respond(self.assessment, answers)
        self.check_items(self.assessment, published=11, on_stand=11)
        self.expert(self.assessment, remote=4, comfort=5, premises=5, equal_access=5)
        self.campaign.action_compute()

    def test_plan_from_weak_indicators(self):
        self._computed()
        self.env.company.quality_target = 80
        action = self.assessment.action_create_plan()
        plan = self.env["culture.improvement.plan"].browse(action["res_id"])
        # only the comfort satisfaction (0 points) is below 80
        self.assertEqual(plan.measure_ids.indicator_id.mapped("code"), ["2.3"])
        self.assertEqual(plan.measure_ids.user_id, self.head)
        self.assertEqual(plan.measure_ids.indicator_value, 0.0)
        self.assertEqual(plan.institution_id, self.inst_a)
        self.assertEqual(plan.year, 2047)

    def test_approval_schedules_reminders_and_overdue_flag(self):
        self._computed()
        today = fields.Date.today()
        plan = self.env["culture.improvement.plan"].create(
            {
                "assessment_id": self.assessment.id,
                "measure_ids": [
                    (0, 0, {"name": "Benches", "user_id": self.head.id}),
                    (0, 0, {"name": "Old", "date_deadline": today - timedelta(days=1)}),
                ],
            }
        )
        with self.assertRaisesText(UserError, "deadline"):
            plan.action_approve()
        benches, old = plan.measure_ids.sorted("name")
        benches.date_deadline = today + timedelta(days=30)
        plan.action_approve()
        activity = benches.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.head)
        self.assertEqual(activity.date_deadline, today + timedelta(days=23))
        self.env["culture.improvement.measure"]._cron_deadline_activities()
        self.assertEqual(len(benches.activity_ids), 1, "no duplicate reminder")
        self.assertTrue(old.is_overdue)
        self.assertFalse(benches.is_overdue)
        Measure = self.env["culture.improvement.measure"]
        self.assertEqual(
            Measure.search([("plan_id", "=", plan.id), ("is_overdue", "=", True)]), old
        )
        self.assertEqual(
            Measure.search([("plan_id", "=", plan.id), ("is_overdue", "=", False)]), benches
        )
        self.assertEqual(plan.overdue_count, 1)
        with self.assertRaisesText(UserError, "Describe the result"):
            old.action_done()
        old.write({"result": "Done late", "state": "done"})
        self.assertFalse(old.is_overdue)
        self.assertEqual(old.date_done, date.today())
        self.assertEqual(plan.progress, 50.0)
        with self.assertRaisesText(UserError, "not finished"):
            plan.action_done()

    def test_campaign_creates_plans(self):
        self._computed()
        self.campaign.action_create_plans()
        self.assertEqual(self.campaign.plan_count, 1)
        self.campaign.action_create_plans()
        self.assertEqual(self.campaign.plan_count, 1, "one plan per institution")
