from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import MunicipalBonusCase


@tagged("post_install", "-at_install")
class TestApproval(MunicipalBonusCase):
    def _prepared(self):
        review = self._review().with_user(self.user_head_a)
        self._find(review.line_ids, ["5.1", "6.2"])
        return review

    def test_head_of_administration_approves(self):
        review = self._prepared()
        review.action_submit()
        self.assertEqual(review.state, "submitted")
        self.assertEqual(len(review.review_ids), 1)
        tier = review.review_ids
        self.assertEqual(tier.definition_id, self.env.ref("municipal_bonus.tier_bonus_review_head"))
        self.assertIn(self.user_chief, tier.reviewer_ids)
        self.assertNotIn(self.user_head_a, tier.reviewer_ids)
        self.assertFalse(review.can_review)
        # the preparer cannot approve
        with self.assertRaisesText(UserError, "separation of duties"):
            review.validate_tier()
        self.assertEqual(review.state, "submitted")
        with self.assertRaisesText(AccessError, "is reserved to"):
            review.action_approve()
        chief_review = review.with_user(self.user_chief)
        self.assertTrue(chief_review.can_review)
        chief_review.validate_tier()
        self.assertEqual(review.state, "approved")
        self.assertEqual(review.approved_by_id, self.user_chief)
        self.assertEqual(review.validation_status, "validated")
        self.assertEqual(review.line_ids.reduction_percent, 10.0)

    def test_approved_review_is_locked(self):
        review = self._prepared()
        review.action_submit()
        # under validation already
        with self.assertRaisesText(UserError, "the field 'Additional information' can no longer"):
            review.note = "<p>late note</p>"
        with self.assertRaisesText(UserError, "no longer a draft"):
            self._find(review.line_ids, ["5.3"])
        review.with_user(self.user_chief).validate_tier()
        line, finding = review.line_ids, review.line_ids.finding_ids[0]
        with self.assertRaisesText(UserError, "the field 'Unit' can no longer be changed"):
            review.with_user(self.user_chief).write({"department_id": self.dept_b.id})
        with self.assertRaisesText(UserError, "no longer a draft"):
            line.sudo().write({"note": "changed"})
        with self.assertRaisesText(UserError, "no longer a draft"):
            line.sudo().unlink()
        with self.assertRaisesText(UserError, "no longer a draft"):
            finding.sudo().write({"description": "changed"})
        with self.assertRaisesText(UserError, "no longer a draft"):
            finding.sudo().unlink()
        with self.assertRaisesText(UserError, "it cannot be deleted"):
            review.sudo().unlink()
        with self.assertRaisesText(UserError, "changes only through the buttons"):
            self._review(department=self.dept_b, employees=self.servant_b).write(
                {"state": "approved"}
            )
        self.assertEqual(line.reduction_percent, 10.0)

    def test_rejection_with_reason_and_resubmission(self):
        review = self._prepared()
        review.action_submit()
        with self.assertRaisesText(UserError, "separation of duties"):
            review.action_reject("no")
        with self.assertRaisesText(UserError, "Give the reason"):
            review.with_user(self.user_chief).action_reject("  ")
        wizard = (
            self.env["municipal.bonus.reject.wizard"]
            .with_user(self.user_chief)
            .create({"review_id": review.id, "reason": "Evidence of 6.2 is missing"})
        )
        wizard.action_reject()
        self.assertEqual(review.state, "rejected")
        self.assertEqual(review.rejection_reason, "Evidence of 6.2 is missing")
        self.assertEqual(review.review_ids.status, "rejected")
        self.assertEqual(review.review_ids.comment, "Evidence of 6.2 is missing")
        with self.assertRaisesText(UserError, "no longer a draft"):
            self._find(review.line_ids, ["5.3"])
        review.action_reset_to_draft()
        self.assertEqual(review.state, "draft")
        self.assertFalse(review.review_ids)
        review.line_ids.finding_ids.filtered(lambda f: f.indicator_code == "6.2").unlink()
        review.action_submit()
        self.assertEqual(len(review.review_ids), 1)
        self.assertIn(review.review_ids.status, ("waiting", "pending"))
        self.assertTrue(review.with_user(self.user_chief).can_review)
        review.with_user(self.user_chief).validate_tier()
        self.assertEqual(review.state, "approved")
        self.assertEqual(review.line_ids.reduction_percent, 5.0)
        self.assertFalse(review.rejection_reason)

    def test_hr_check_comes_first_when_configured(self):
        self.company.bonus_hr_check = True
        review = self._prepared()
        review.action_submit()
        self.assertEqual(len(review.review_ids), 2)
        hr_tier = review.review_ids.filtered(
            lambda t: t.definition_id == self.env.ref("municipal_bonus.tier_bonus_review_hr_check")
        )
        self.assertEqual(hr_tier.sequence, 1)
        # the head of administration waits for HR
        self.assertFalse(review.with_user(self.user_chief).can_review)
        with self.assertRaisesText(AccessError, "not a reviewer of its pending validation tier"):
            review.with_user(self.user_chief).validate_tier()
        self.assertEqual(review.state, "submitted")
        review.with_user(self.user_hr).validate_tier()
        self.assertEqual(review.state, "submitted")
        self.assertEqual(hr_tier.status, "approved")
        review.with_user(self.user_chief).validate_tier()
        self.assertEqual(review.state, "approved")

    def test_without_tiers_the_head_approves_directly(self):
        self.env["tier.definition"].search(
            [("model", "=", "municipal.bonus.review")]
        ).action_archive()
        review = self._prepared()
        review.action_submit()
        self.assertFalse(review.review_ids)
        with self.assertRaisesText(AccessError, "is reserved to"):
            review.action_approve()
        review.with_user(self.user_chief).action_approve()
        self.assertEqual(review.state, "approved")

    def test_submit_needs_servants_and_draft(self):
        review = self._review(department=self.dept_b, employees=self.env["hr.employee"])
        with self.assertRaisesText(UserError, "has no servant"):
            review.action_submit()
        review = self._prepared()
        review.action_submit()
        with self.assertRaisesText(UserError, "is not possible in this state"):
            review.action_submit()
        with self.assertRaisesText(UserError, "is not possible in this state"):
            review.action_reset_to_draft()

    def test_executors_of_the_highest_group_by_the_head_alone(self):
        """Section 3.3: the executor(s) for the heads of the highest group are determined by
        the head of local self-government alone: not HR, not a unit head; several may be."""
        vals = {
            "department_id": self.dept_admin.id,
            "period_id": self.period.id,
            "review_kind": "highest",
            "preparer_user_id": self.user_head_a.id,
        }
        Review = self.env["municipal.bonus.review"]
        for user in (self.user_hr, self.user_head_a):
            with self.assertRaisesText(AccessError, "appoints the executors"):
                Review.with_user(user).create(dict(vals))
        review = Review.with_user(self.user_chief).create(
            dict(vals, executor_user_ids=[Command.set(self.user_head_b.ids)])
        )
        self.assertEqual(review._executors(), self.user_head_a | self.user_head_b)
        # HR may not change them afterwards either, nor turn a unit review into a highest one
        with self.assertRaisesText(AccessError, "appoints the executors"):
            review.with_user(self.user_hr).executor_user_ids = [Command.clear()]
        with self.assertRaisesText(AccessError, "appoints the executors"):
            review.with_user(self.user_hr).preparer_user_id = self.user_hr
        unit_review = self._review(department=self.dept_b, employees=self.servant_b)
        with self.assertRaisesText(AccessError, "appoints the executors"):
            unit_review.with_user(self.user_hr).review_kind = "highest"
        # a unit head names no other executor of their unit's review; an empty set (as a form
        # sends it) names nobody
        period = self.period.copy({"name": "T other 2031 bis", "period_type": "other"})
        head_vals = {"department_id": self.dept_a.id, "period_id": period.id}
        with self.assertRaisesText(AccessError, "appoint the executor"):
            Review.with_user(self.user_head_a).create(
                dict(head_vals, executor_user_ids=[Command.link(self.user_head_b.id)])
            )
        own = Review.with_user(self.user_head_a).create(
            dict(head_vals, executor_user_ids=[Command.set([])])
        )
        self.assertEqual(own.preparer_user_id, self.user_head_a)
        # for a unit review HR still may replace the superior head (section 3.4)
        unit_review.with_user(self.user_hr).preparer_user_id = self.user_head_a
        self.assertEqual(unit_review.preparer_user_id, self.user_head_a)
        # the second executor prepares it too: they see it and fill it
        as_second = review.with_user(self.user_head_b)
        as_second.action_fill_lines()
        self.assertEqual(as_second.line_ids.employee_id, self.deputy)
        as_second.action_submit()
        self.assertTrue(review.document_number)
        review.with_user(self.user_chief).validate_tier()
        self.assertEqual(review.state, "approved")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("municipal_bonus.report_appendix", review.ids)[0]
            .decode()
        )
        self.assertIn("Head A", html)
        self.assertIn("Head B", html)

    def test_executor_of_the_highest_group(self):
        with self.assertRaisesText(AccessError, "appoints the executors"):
            self.env["municipal.bonus.review"].with_user(self.user_head_a).create(
                {
                    "department_id": self.dept_a.id,
                    "period_id": self.period.id,
                    "review_kind": "highest",
                }
            )
        with self.assertRaisesText(ValidationError, "set the executor"):
            self.env["municipal.bonus.review"].with_user(self.user_chief).create(
                {
                    "department_id": self.dept_admin.id,
                    "period_id": self.period.id,
                    "review_kind": "highest",
                }
            )
        review = (
            self.env["municipal.bonus.review"]
            .with_user(self.user_chief)
            .create(
                {
                    "department_id": self.dept_admin.id,
                    "period_id": self.period.id,
                    "review_kind": "highest",
                    "preparer_user_id": self.user_head_b.id,
                }
            )
        )
        # the appointed executor prepares it, although the unit is not theirs
        executor_review = review.with_user(self.user_head_b)
        executor_review.action_fill_lines()
        self.assertEqual(executor_review.line_ids.employee_id, self.deputy)
        with self.assertRaisesText(AccessError, "appoints the executors"):
            executor_review.preparer_user_id = self.user_head_b
        # a unit head may name only themselves, the head of the unit, as executor
        own = self.env["municipal.bonus.review"].with_user(self.user_head_a)
        period = self.period.copy({"name": "T other 2031", "period_type": "other"})
        with self.assertRaisesText(AccessError, "appoint the executor"):
            own.create(
                {
                    "department_id": self.dept_a.id,
                    "period_id": period.id,
                    "preparer_user_id": self.user_head_b.id,
                }
            )
        own = own.create(
            {
                "department_id": self.dept_a.id,
                "period_id": period.id,
                "preparer_user_id": self.user_head_a.id,
            }
        )
        self.assertEqual(own.preparer_user_id, self.user_head_a)
        self._find(executor_review.line_ids, ["1.7", "2.1"])
        self.assertEqual(executor_review.line_ids.reduction_percent, 10.0)
        executor_review.action_submit()
        review.validate_tier()
        self.assertEqual(review.state, "approved")

    def test_chatter_tracks_the_state(self):
        review = (
            self.env["municipal.bonus.review"]
            .with_context(tracking_disable=False)
            .with_user(self.user_head_a)
            .create(
                {
                    "department_id": self.dept_a.id,
                    "period_id": self.period.id,
                    "line_ids": [Command.create({"employee_id": self.servant.id})],
                }
            )
        )
        # a record created in the transaction is tracked from the next one
        self.env.flush_all()
        self.env.cr.precommit.run()
        review.action_submit()
        self.env.flush_all()
        self.env.cr.precommit.run()
        review.with_user(self.user_chief).with_context(tracking_disable=False).validate_tier()
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("mail_message_id.model", "=", review._name),
                    ("mail_message_id.res_id", "=", review.id),
                    ("field_id.name", "=", "state"),
                ]
            )
        )
        self.assertEqual(sorted(tracked.mapped("new_value_char")), ["Approved", "Submitted"])
