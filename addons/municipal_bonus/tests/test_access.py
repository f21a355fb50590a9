from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import MunicipalBonusCase


@tagged("post_install", "-at_install")
class TestAccess(MunicipalBonusCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.review_a = cls._review(employees=cls.servant | cls.colleague)
        cls.review_a1 = cls._review(department=cls.dept_a1, employees=cls.sub_servant)
        cls.review_b = cls._review(department=cls.dept_b, employees=cls.servant_b)
        cls.line_servant = cls.review_a.line_ids.filtered(lambda ln: ln.employee_id == cls.servant)
        cls.line_colleague = cls.review_a.line_ids - cls.line_servant

    def _visible(self, user, model="municipal.bonus.review"):
        return self.env[model].with_user(user).search([("period_id", "=", self.period.id)])

    def test_head_sees_own_units_and_sub_units_only(self):
        self.assertEqual(self._visible(self.user_head_a), self.review_a | self.review_a1)
        self.assertEqual(self._visible(self.user_head_b), self.review_b)
        with self.assertRaises(AccessError):
            self.review_b.with_user(self.user_head_a).read(["name"])
        with self.assertRaises(AccessError):
            self.review_a.line_ids.with_user(self.user_head_b).read(["reduction_percent"])
        lines = self._visible(self.user_head_a, "municipal.bonus.review.line")
        self.assertEqual(lines, self.review_a.line_ids | self.review_a1.line_ids)

    def test_head_cannot_prepare_another_unit(self):
        period = self.period.copy({"name": "T Q2 2031", "period_type": "other"})
        with self.assertRaises(AccessError):
            self.env["municipal.bonus.review"].with_user(self.user_head_a).create(
                {"department_id": self.dept_b.id, "period_id": period.id}
            )
        with self.assertRaises(AccessError):
            self._find(self.review_b.line_ids.with_user(self.user_head_a), ["5.1"])
        # but works in their own unit, with a non-HR user
        review = self.review_a.with_user(self.user_head_a)
        self._find(review.line_ids[0], ["5.1"])
        self.assertEqual(review.reduced_count, 1)
        self.assertEqual(
            review.line_ids[0].employee_id.with_user(self.user_head_a).name,
            review.line_ids[0].employee_name,
        )

    def test_hr_and_head_of_administration_see_all(self):
        every = self.review_a | self.review_a1 | self.review_b
        self.assertEqual(self._visible(self.user_hr), every)
        self.assertEqual(self._visible(self.user_chief), every)

    def test_rules_follow_the_department_manager(self):
        self.assertNotIn(self.review_b, self._visible(self.user_head_a))
        self.dept_b.manager_id = self.head_a
        self.assertIn(self.review_b, self._visible(self.user_head_a))
        # a sub-unit moved under another unit goes to the head of that unit
        self.dept_a1.parent_id = self.dept_b
        self.dept_b.manager_id = self.head_b
        self.assertIn(self.review_a1, self._visible(self.user_head_b))
        self.assertNotIn(self.review_a1, self._visible(self.user_head_a))

    def test_employee_reads_own_approved_line_only(self):
        Line = self.env["municipal.bonus.review.line"]
        servant_lines = Line.with_user(self.user_servant)
        self.assertFalse(servant_lines.search([]))  # draft: not yet
        self.review_a.action_submit()
        self.review_a.with_user(self.user_chief).validate_tier()
        self.assertEqual(servant_lines.search([]), self.line_servant)
        self.assertEqual(self.line_servant.with_user(self.user_servant).bonus_percent, 100.0)
        with self.assertRaises(AccessError):
            self.line_colleague.with_user(self.user_servant).read(["bonus_percent"])
        # the line follows the user linked to the servant
        self.colleague.user_id = False
        self.env.flush_all()
        self.servant.user_id = self.user_colleague
        self.assertEqual(Line.with_user(self.user_colleague).search([]), self.line_servant)
        self.assertFalse(servant_lines.search([]))
        self.servant.user_id = self.user_servant
        self.env.flush_all()
        self.colleague.user_id = self.user_colleague
        with self.assertRaises(AccessError):
            self.line_servant.with_user(self.user_servant).write({"note": "mine"})
        with self.assertRaises(AccessError):
            self.review_a.with_user(self.user_servant).read(["name"])
        action = self.env.ref("municipal_bonus.municipal_bonus_review_line_action_my")
        self.assertEqual(
            Line.with_user(self.user_colleague).search(
                safe_eval(action.domain, {"uid": self.user_colleague.id})
            ),
            self.line_colleague,
        )

    def test_views_load_for_non_hr_users(self):
        for user, model in (
            (self.user_servant, "municipal.bonus.review.line"),
            (self.user_head_a, "municipal.bonus.review"),
            (self.user_head_a, "municipal.bonus.review.line"),
            (self.user_head_a, "municipal.special.task"),
        ):
            result = self.env[model].with_user(user).get_views([(False, "list"), (False, "form")])
            self.assertIn("form", result["views"])
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.user_head_a)
            .create({"name": "act.pdf", "raw": b"%PDF-1.4 evidence"})
        )
        finding = (
            self.env["municipal.bonus.finding"]
            .with_user(self.user_head_a)
            .create(
                {
                    "line_id": self.line_servant.id,
                    "indicator_id": self.indicator("5.1").id,
                    "date": "2031-02-01",
                    "description": "Order 3-k",
                    "attachment_ids": [(6, 0, attachment.ids)],
                }
            )
        )
        self.assertEqual((attachment.res_model, attachment.res_id), (finding._name, finding.id))
        self.review_a.action_submit()
        self.review_a.with_user(self.user_chief).validate_tier()
        self.assertEqual(
            finding.with_user(self.user_servant).attachment_ids.read(["name"])[0]["name"],
            "act.pdf",
        )
        with self.assertRaises(AccessError):
            attachment.with_user(self.user_colleague).read(["name"])
        data = self.line_servant.with_user(self.user_servant).web_read(
            {
                "employee_name": {},
                "period_id": {"fields": {"display_name": {}}},
                "department_id": {"fields": {"display_name": {}}},
                "bonus_percent": {},
                "finding_ids": {"fields": {"indicator_id": {"fields": {"display_name": {}}}}},
            }
        )
        self.assertEqual(data[0]["employee_name"], "Servant One")
        self.assertEqual(data[0]["period_id"]["display_name"], "T Q1 2031")
        self.assertEqual(data[0]["bonus_percent"], 95.0)

    def test_my_bonus_menu_is_for_every_employee(self):
        menu = self.env.ref("municipal_bonus.menu_my_bonus")
        visible = self.env["ir.ui.menu"].with_user(self.user_servant)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        reviews_menu = self.env.ref("municipal_bonus.menu_reviews")
        self.assertNotIn(reviews_menu.id, visible)
        self.assertIn(
            reviews_menu.id,
            self.env["ir.ui.menu"].with_user(self.user_head_a)._visible_menu_ids(),
        )
