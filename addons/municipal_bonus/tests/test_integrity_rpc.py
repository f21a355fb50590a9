"""Decisions on premiums nobody forges over RPC (issue 11): every call goes over real HTTP,
as the web client (JSON-RPC with a session) and as a script (XML-RPC with the password), with
every context key that ever lifted a lock sent by the client."""

import io
from datetime import date

from openpyxl import load_workbook

from odoo import Command
from odoo.tests import tagged

from odoo.addons.municipal_quality.tests.rpc_common import (
    HOSTILE_CONTEXT,
    MunicipalRpcCase,
    RpcRefused,
)

REVIEW = "municipal.bonus.review"
TASK = "municipal.special.task"


@tagged("post_install", "-at_install")
class TestBonusIntegrityRpc(MunicipalRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.bonus_hr_check = False
        cls.head = cls.rpc_user("mbi_head", "municipal_bonus.group_bonus_user")
        cls.other_head = cls.rpc_user("mbi_other_head", "municipal_bonus.group_bonus_user")
        # a head of a unit who is also in the group of the head of administration
        cls.head_chief = cls.rpc_user(
            "mbi_head_chief",
            "municipal_bonus.group_bonus_user,municipal_bonus.group_bonus_approver",
        )
        cls.hr = cls.rpc_user("mbi_hr", "municipal_bonus.group_bonus_manager")
        cls.chief = cls.rpc_user("mbi_chief", "municipal_bonus.group_bonus_approver")
        cls.employee = cls.rpc_user("mbi_employee", "base.group_user")
        cls.portal = cls.rpc_user("mbi_portal", "base.group_portal")

        job = cls.env["hr.job"].create(
            {
                "name": "MBI specialist",
                "position_group": "senior",
                "position_function": "specialist",
            }
        )
        head_job = cls.env["hr.job"].create(
            {"name": "MBI head", "position_group": "main", "position_function": "head"}
        )
        Employee = cls.env["hr.employee"]
        Department = cls.env["hr.department"]

        def unit(name, user):
            manager = Employee.create(
                {"name": f"{name} head", "job_id": head_job.id, "user_id": user.id}
            )
            department = Department.create({"name": name, "manager_id": manager.id})
            manager.department_id = department
            servant = Employee.create(
                {"name": f"{name} servant", "job_id": job.id, "department_id": department.id}
            )
            return department, servant

        cls.unit, cls.servant = unit("MBI unit", cls.head)
        cls.unit_b, cls.servant_b = unit("MBI unit B", cls.other_head)
        cls.unit_c, cls.servant_c = unit("MBI unit C", cls.head_chief)
        cls.period = cls.env["municipal.bonus.period"].create(
            {
                "name": "MBI Q1 2033",
                "period_type": "quarter",
                "date_from": date(2033, 1, 1),
                "date_to": date(2033, 3, 31),
            }
        )
        indicator = cls.env["municipal.bonus.indicator"].search([("code", "=", "5.1")], limit=1)
        cls.reviews = {}
        for key, department, servant in (
            ("a", cls.unit, cls.servant),
            ("b", cls.unit_b, cls.servant_b),
            ("c", cls.unit_c, cls.servant_c),
        ):
            review = cls.env[REVIEW].create(
                {
                    "department_id": department.id,
                    "period_id": cls.period.id,
                    "line_ids": [Command.create({"employee_id": servant.id})],
                }
            )
            cls.reviews[key] = review
        cls.env["municipal.bonus.finding"].create(
            {
                "line_id": cls.reviews["a"].line_ids.id,
                "indicator_id": indicator.id,
                "date": date(2033, 2, 1),
                "description": "Reprimand 3-k",
            }
        )
        cls.review = cls.reviews["a"]

    # ------------------------------------------------------------------ helpers
    def _submit(self, review, user):
        self.call_json(user, REVIEW, "action_submit", [review.ids])
        review.invalidate_recordset()
        self.assertEqual(review.state, "submitted")
        return review

    def _tiers(self, review):
        return (
            self.env["tier.review"]
            .sudo()
            .search([("model", "=", review._name), ("res_id", "=", review.id)])
        )

    def _task(self, user, **vals):
        task_id = self.call_json(
            user,
            TASK,
            "create",
            [
                {
                    "name": "MBI task",
                    "assignee_ids": [(6, 0, self.servant.ids)],
                    "department_id": self.unit.id,
                    "deadline": "2033-03-31",
                    "date_done": "2033-03-20",
                    "report": "<p>Done</p>",
                    "budget_savings": 40000.0,
                    "premium_granted": True,
                    "premium_amount": 15000.0,
                    **vals,
                }
            ],
        )
        return self.env[TASK].browse(task_id)

    # ------------------------------------------------------------------ forged decisions
    def test_head_cannot_approve_his_own_review_with_any_context(self):
        review = self._submit(self.review, self.head)
        context = dict(HOSTILE_CONTEXT, municipal_bonus_transition=True, skip_validation_check=True)
        before = self.snapshot(review)
        tiers_before = self.snapshot(self._tiers(review))
        forged = {
            "state": "approved",
            "approved_by_id": self.head.id,
            "approval_date": "2033-04-01",
        }
        for vals in (forged, {"state": "approved"}, {"approved_by_id": self.head.id}):
            for call in (self.call_json, self.call_xmlrpc):
                with self.assertRaises(RpcRefused) as caught:
                    call(self.head, REVIEW, "write", [review.ids, vals], context=context)
                self.assertIn("only through the buttons", caught.exception.message)
        for method in (
            "validate_tier",
            "reject_tier",
            "action_approve",
            "request_validation",
            "restart_validation",
        ):
            self.assertRefused(self.head, REVIEW, method, [review.ids])
        messages = self.assertRefused(
            self.head, REVIEW, "write", [review.ids, {"note": "<p>changed</p>"}]
        )
        self.assertIn("Additional information", messages[0])
        self.assertEqual(self.snapshot(review), before)
        self.assertEqual(self.snapshot(self._tiers(review)), tiers_before)

    def test_nobody_writes_the_validations_directly(self):
        review = self._submit(self.review, self.head)
        tier = self._tiers(review)
        self.assertEqual(len(tier), 1)
        before = self.snapshot(tier)
        forged = {"status": "approved", "done_by": 2}
        for user in (self.employee, self.head, self.hr, self.chief):
            self.assertRefused(user, "tier.review", "write", [tier.ids, forged])
            self.assertRefused(user, "tier.review", "unlink", [tier.ids])
            self.assertRefused(
                user,
                "tier.review",
                "create",
                [
                    {
                        "model": REVIEW,
                        "res_id": review.id,
                        "status": "approved",
                        "definition_id": tier.definition_id.id,
                        "done_by": user.id,
                    }
                ],
            )
            # through the document's one2many too
            self.assertRefused(
                user,
                REVIEW,
                "write",
                [review.ids, {"review_ids": [(1, tier.id, forged)]}],
            )
        # then the approval: the employee reads no review, the head is not the reviewer
        self.assertRefused(self.employee, REVIEW, "validate_tier", [review.ids])
        self.assertRefused(self.head, REVIEW, "validate_tier", [review.ids])
        self.assertRefused(self.other_head, REVIEW, "validate_tier", [review.ids])
        # base_tier_validation's comment wizard goes through the same checks
        wizard_id = self.call_json(
            self.head,
            "comment.wizard",
            "create",
            [
                {
                    "res_model": REVIEW,
                    "res_id": review.id,
                    "review_ids": [(6, 0, tier.ids)],
                    "validate_reject": "validate",
                    "comment": "ok",
                }
            ],
        )
        self.assertRefused(self.head, "comment.wizard", "add_comment", [[wizard_id]])
        # the reviewer himself neither drops nor re-requests the validations
        for method in ("restart_validation", "request_validation"):
            self.assertRefused(self.chief, REVIEW, method, [review.ids])
        self.assertEqual(self.snapshot(tier), before)
        review.invalidate_recordset()
        self.assertEqual(review.state, "submitted")

    def test_who_reads_the_validations(self):
        review = self._submit(self.review, self.head)
        tier = self._tiers(review)
        domain = [("model", "=", REVIEW), ("res_id", "=", review.id)]
        for user in (self.portal, self.employee, self.other_head):
            self.assertEqual(
                self.call_json(user, "tier.review", "search_read", [domain, ["status"]]),
                [],
                user.login,
            )
            self.assertRefused(user, "tier.review", "read", [tier.ids, ["status", "done_by"]])
        # the unit head reads the validations of his review, the reviewer too
        for user in (self.head, self.chief, self.hr):
            rows = self.call_json(user, "tier.review", "search_read", [domain, ["status"]])
            self.assertEqual([row["id"] for row in rows], tier.ids, user.login)

    def test_separation_of_duties(self):
        """The head who prepared his unit's review never approves it, although he is also in
        the group of the head of administration; nor does whoever submitted it."""
        review = self._submit(self.reviews["c"], self.head_chief)
        before = self.snapshot(review)
        for method in ("validate_tier", "action_approve"):
            messages = self.assertRefused(self.head_chief, REVIEW, method, [review.ids])
            self.assertIn("separation of duties", messages[0])
        self.assertRefused(self.head_chief, REVIEW, "action_reject", [review.ids, "mine"])
        self.assertEqual(self.snapshot(review), before)
        # HR submits the review of unit B; a user of HR and of the head of administration who
        # submitted it does not approve it either
        hr_chief = self.rpc_user(
            "mbi_hr_chief",
            "municipal_bonus.group_bonus_manager,municipal_bonus.group_bonus_approver",
        )
        review_b = self._submit(self.reviews["b"], hr_chief)
        messages = self.assertRefused(hr_chief, REVIEW, "validate_tier", [review_b.ids])
        self.assertIn("separation of duties", messages[0])
        # another head of administration does
        self.call_json(self.chief, REVIEW, "validate_tier", [review.ids])
        review.invalidate_recordset()
        self.assertEqual(review.state, "approved")
        self.assertEqual(review.approved_by_id, self.chief)

    def test_forged_premium_of_a_special_task(self):
        task = self._task(self.head)
        self.call_json(self.head, TASK, "action_assign", [task.ids])
        self.call_json(self.head, TASK, "action_report", [task.ids])
        task.invalidate_recordset()
        self.assertEqual(task.state, "reported")
        self.assertEqual(task.reported_by_id, self.head)
        before = self.snapshot(task)
        for user in (self.head, self.other_head, self.employee, self.hr):
            self.assertRefused(user, TASK, "write", [task.ids, {"premium_amount": 500000.0}])
            self.assertRefused(
                user,
                TASK,
                "write",
                [task.ids, {"state": "approved", "approved_by_id": user.id}],
            )
            for method in (
                "validate_tier",
                "reject_tier",
                "action_approve",
                "action_assign",
                "request_validation",
                "restart_validation",
            ):
                self.assertRefused(user, TASK, method, [task.ids])
        # created directly as approved
        self.assertRefused(
            self.head_chief,
            TASK,
            "create",
            [
                {
                    "name": "Forged",
                    "assignee_ids": [(6, 0, self.servant_c.ids)],
                    "deadline": "2033-03-31",
                    "premium_granted": True,
                    "premium_amount": 500000.0,
                    "state": "approved",
                    "approved_by_id": self.head_chief.id,
                }
            ],
        )
        self.assertEqual(self.snapshot(task), before)
        # an assignee's user in the group of the head of administration does not decide on
        # his own premium
        self.servant.user_id = self.rpc_user(
            "mbi_servant_chief", "municipal_bonus.group_bonus_approver"
        )
        messages = self.assertRefused(self.servant.user_id, TASK, "validate_tier", [task.ids])
        self.assertIn("separation of duties", messages[0])
        self.servant.user_id = False
        self.call_json(self.chief, TASK, "validate_tier", [task.ids])
        task.invalidate_recordset()
        self.assertEqual(task.state, "approved")
        self.assertEqual(task.approved_by_id, self.chief)
        self.assertEqual(task.premium_amount, 15000.0)
        self.assertRefused(self.chief, TASK, "write", [task.ids, {"premium_amount": 500000.0}])

    def test_buttons_check_the_group(self):
        review = self.reviews["b"]
        for method in ("action_submit", "action_fill_lines", "action_suggest"):
            self.assertRefused(self.employee, REVIEW, method, [review.ids])
        order_id = self.call_json(
            self.hr, "municipal.bonus.order", "create", [{"period_id": self.period.id}]
        )
        for user in (self.hr, self.head):
            self.assertRefused(user, "municipal.bonus.order", "action_sign", [[order_id]])
        for method in ("action_close", "action_reopen"):
            self.assertRefused(self.head, "municipal.bonus.period", method, [self.period.ids])
        self.assertEqual(self.period.state, "open")

    # ------------------------------------------------------------------ the legitimate path
    def test_preparer_submits_head_of_administration_approves_order_pays_approved(self):
        review = self._submit(self.review, self.head)
        self.assertEqual(review.submitted_by_id, self.head)
        self._submit(self.reviews["b"], self.other_head)  # stays submitted
        self.call_json(self.chief, REVIEW, "validate_tier", [review.ids])
        review.invalidate_recordset()
        self.assertEqual(review.state, "approved")
        self.assertEqual(review.approved_by_id, self.chief)
        self.assertEqual(self._tiers(review).done_by, self.chief)
        # the order of the period takes the approved reviews only
        order_id = self.call_json(
            self.hr, "municipal.bonus.order", "create", [{"period_id": self.period.id}]
        )
        self.call_json(self.hr, "municipal.bonus.order", "action_load_reviews", [[order_id]])
        order = self.env["municipal.bonus.order"].browse(order_id)
        self.assertEqual(order.review_ids, review)
        self.call_json(self.chief, "municipal.bonus.order", "action_sign", [[order_id]])
        order.invalidate_recordset()
        review.invalidate_recordset()
        self.assertEqual(order.state, "signed")
        self.assertEqual(review.state, "ordered")
        self.assertRefused(
            self.chief, "municipal.bonus.order", "write", [[order_id], {"date": "2033-05-01"}]
        )
        self.authenticate(self.hr.login, self._password(self.hr))
        response = self.url_open(f"/report/xlsx/municipal_bonus.payroll_xlsx/{order_id}")
        self.assertEqual(response.status_code, 200)
        sheet = load_workbook(io.BytesIO(response.content)).active
        names = {sheet.cell(row, 2).value for row in range(4, sheet.max_row + 1)} - {None}
        self.assertEqual(names, {"MBI unit servant"})
        # the rejected path: a reason, the reset, a new submission
        review_b = self.reviews["b"]
        self.call_json(self.chief, REVIEW, "action_reject", [review_b.ids, "Evidence missing"])
        review_b.invalidate_recordset()
        self.assertEqual(review_b.state, "rejected")
        self.assertEqual(review_b.rejection_reason, "Evidence missing")
        self.call_json(self.other_head, REVIEW, "action_reset_to_draft", [review_b.ids])
        review_b.invalidate_recordset()
        self.assertEqual(review_b.state, "draft")
        self.assertFalse(self._tiers(review_b))

    def test_comment_of_the_decision_goes_through_the_checks(self):
        """With a comment required on the tier, base_tier_validation's wizard records the
        decision of the reviewer, and nobody else's."""
        self.env.ref("municipal_bonus.tier_bonus_review_head").has_comment = True
        review = self._submit(self.review, self.head)
        action = self.call_json(self.chief, REVIEW, "validate_tier", [review.ids])
        self.assertEqual(action["res_model"], "comment.wizard")
        defaults = {
            key.removeprefix("default_"): value
            for key, value in action["context"].items()
            if key.startswith("default_")
        }
        defaults["review_ids"] = [(6, 0, defaults["review_ids"])]
        defaults["comment"] = "Checked"
        wizard_id = self.call_json(self.chief, "comment.wizard", "create", [defaults])
        self.assertRefused(self.head, "comment.wizard", "add_comment", [[wizard_id]])
        self.call_json(self.chief, "comment.wizard", "add_comment", [[wizard_id]])
        review.invalidate_recordset()
        self.assertEqual(review.state, "approved")
        self.assertEqual(self._tiers(review).comment, "Checked")
        self.assertEqual(self._tiers(review).done_by, self.chief)
