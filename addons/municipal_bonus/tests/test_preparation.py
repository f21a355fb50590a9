from datetime import date

from odoo.tests import new_test_user, tagged

from .common import MunicipalBonusCase


@tagged("post_install", "-at_install")
class TestSanctionsInForce(MunicipalBonusCase):
    """A disciplinary sanction imposed before the period and not yet lifted (a year under the
    Labour Code, unless lifted earlier) counts for the period: it is suggested."""

    def _sanction(self, imposed, lifted=False, act="1-к"):
        return self.env["municipal.bonus.sanction"].create(
            {
                "employee_id": self.servant.id,
                "kind": "reprimand",
                "date": imposed,
                "date_lifted": lifted,
                "act_number": act,
                "description": "Absence",
            }
        )

    def test_sanctions_of_before_the_period(self):
        in_force = self._sanction(date(2030, 6, 15), act="1-к")
        self._sanction(date(2030, 1, 1), act="2-к")  # a year old on 1 January 2031
        self._sanction(date(2030, 9, 1), lifted=date(2030, 12, 20), act="3-к")  # lifted
        self._sanction(date(2031, 4, 1), act="4-к")  # after the period
        lifted_in_period = self._sanction(date(2030, 10, 1), lifted=date(2031, 2, 1), act="5-к")
        review = self._review()
        suggestions = review.action_suggest().filtered(lambda f: f.source_model)
        self.assertEqual(
            set(suggestions.mapped("source_res_id")), {in_force.id, lifted_in_period.id}
        )
        self.assertEqual(set(suggestions.mapped("indicator_code")), {"5.1"})
        # found in the period: dated its first day, the sanction's own date in the text
        finding = suggestions.filtered(lambda f: f.source_res_id == in_force.id)
        self.assertEqual(finding.date, date(2031, 1, 1))
        self.assertIn("1-к", finding.description)


@tagged("post_install", "-at_install")
class TestPreparationWarnings(MunicipalBonusCase):
    """A unit whose head has no user, or a top-level unit's head, is not silently left without
    an executor or a review: the review says so."""

    def test_head_without_user(self):
        head = self.env["hr.employee"].create({"name": "Head C", "job_id": self.job_head.id})
        unit = self.env["hr.department"].create(
            {"name": "T department C", "parent_id": self.dept_admin.id, "manager_id": head.id}
        )
        review = self._review(department=unit, employees=self.env["hr.employee"])
        self.assertFalse(review.preparer_user_id)
        self.assertIn(
            "Head C, head of the unit T department C, has no user", review.preparation_warning
        )
        # HR appoints an executor: the warning goes
        review.with_user(self.user_hr).preparer_user_id = self.user_head_b
        self.assertFalse(review.preparation_warning)
        # a unit whose head has a user has no warning
        self.assertFalse(self._review(employees=self.servant).preparation_warning)

    def test_unit_without_head(self):
        unit = self.env["hr.department"].create(
            {"name": "T department D", "parent_id": self.dept_admin.id}
        )
        review = self._review(department=unit, employees=self.env["hr.employee"])
        self.assertIn("The unit T department D has no head", review.preparation_warning)

    def test_head_of_a_top_level_unit(self):
        """The head of a top-level unit is in no review of a superior unit (section 3.4)."""
        user = new_test_user(self.env, login="mb_top", groups="municipal_bonus.group_bonus_user")
        head = self.env["hr.employee"].create(
            {"name": "Top Head", "job_id": self.job_head.id, "user_id": user.id}
        )
        top = self.env["hr.department"].create({"name": "T top unit", "manager_id": head.id})
        head.department_id = top
        review = self._review(department=top, employees=self.env["hr.employee"])
        review.action_fill_lines()
        self.assertNotIn(head, review.line_ids.employee_id)
        self.assertIn(
            "Top Head heads the top-level unit T top unit: no review of a superior unit "
            "includes them",
            review.preparation_warning,
        )
        # no other review of the period takes them either
        self.assertFalse(
            self.env["municipal.bonus.review.line"].search([("employee_id", "=", head.id)])
        )
        # added to the review, the warning goes
        review.line_ids = [(0, 0, {"employee_id": head.id})]
        self.assertFalse(review.preparation_warning)

    def test_the_form_shows_the_warning(self):
        head = self.env["hr.employee"].create({"name": "Head E", "job_id": self.job_head.id})
        unit = self.env["hr.department"].create(
            {"name": "T department E", "parent_id": self.dept_admin.id, "manager_id": head.id}
        )
        review = self._review(department=unit, employees=self.env["hr.employee"])
        arch = self.env["municipal.bonus.review"].get_view(view_type="form")["arch"]
        self.assertIn('name="preparation_warning"', arch)
        self.assertIn("has no user", review.with_user(self.user_hr).preparation_warning)

    def test_the_preparation_of_the_period_says_so(self):
        """HR's preparation of the period keeps the review that shows a left-out head, and
        lists what needs a decision in the period's chatter."""
        user = new_test_user(self.env, login="mb_top2", groups="municipal_bonus.group_bonus_user")
        head = self.env["hr.employee"].create(
            {"name": "Lonely Head", "job_id": self.job_head.id, "user_id": user.id}
        )
        top = self.env["hr.department"].create({"name": "T lonely unit", "manager_id": head.id})
        head.department_id = top
        headless = self.env["hr.employee"].create({"name": "Head F", "job_id": self.job_head.id})
        unit_f = self.env["hr.department"].create(
            {"name": "T department F", "parent_id": self.dept_admin.id, "manager_id": headless.id}
        )
        headless.department_id = unit_f
        self.env["hr.employee"].create(
            {
                "name": "Servant F",
                "job_id": self.job_specialist.id,
                "department_id": unit_f.id,
            }
        )
        action = self.period.with_user(self.user_hr).action_prepare_reviews()
        reviews = self.env["municipal.bonus.review"].search(action["domain"])
        lonely = reviews.filtered(lambda r: r.department_id == top)
        self.assertTrue(lonely, "the review of the top-level unit is kept")
        self.assertFalse(lonely.line_ids)
        self.assertIn("Lonely Head heads the top-level unit", lonely.preparation_warning)
        review_f = reviews.filtered(lambda r: r.department_id == unit_f)
        self.assertIn("has no user", review_f.preparation_warning)
        message = self.period.message_ids[:1]
        self.assertIn("needs a decision", message.body)
        self.assertIn("Lonely Head heads the top-level unit", message.body)
        self.assertIn("Head F, head of the unit T department F, has no user", message.body)
