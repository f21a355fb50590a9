from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import MunicipalBonusCase


@tagged("post_install", "-at_install")
class TestReviewForm(MunicipalBonusCase):
    """Issue 12 (3): "Add a line" of the review form, as the unit head and as HR do it."""

    def test_add_a_line_in_the_form(self):
        for user in (self.user_head_a, self.user_hr):
            review = self._review(employees=self.env["hr.employee"]).with_user(user)
            with Form(review) as form:
                with form.line_ids.new() as line:
                    line.employee_id = self.servant
                    self.assertEqual(line.job_title, "Chief specialist")
            line = review.line_ids
            self.assertEqual(line.employee_id, self.servant, user.login)
            self.assertEqual(line.employee_name, "Servant One")
            self.assertEqual(line.bonus_category, self.servant.bonus_category)
            self.assertEqual(line.identification_id, "T-0001")
            self.assertEqual(line.bonus_percent, 100.0)
            review.sudo().unlink()

    def test_the_form_keeps_an_edited_position(self):
        review = self._review(employees=self.env["hr.employee"]).with_user(self.user_head_a)
        with Form(review) as form:
            with form.line_ids.new() as line:
                line.employee_id = self.servant
                line.job_title = "Acting chief specialist"
        self.assertEqual(review.line_ids.job_title, "Acting chief specialist")
        self.assertEqual(review.line_ids.employee_name, "Servant One")
        self.assertTrue(review.line_ids.bonus_category)

    def test_a_servant_of_another_unit_is_named(self):
        review = self._review(employees=self.env["hr.employee"]).with_user(self.user_hr)
        with self.assertRaisesText(ValidationError, "Servant B does not work in the unit"):
            with Form(review) as form:
                with form.line_ids.new() as line:
                    line.employee_id = self.servant_b
