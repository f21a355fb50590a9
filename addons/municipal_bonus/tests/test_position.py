from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import MunicipalBonusCase


@tagged("post_install", "-at_install")
class TestPosition(MunicipalBonusCase):
    def test_head_only_in_highest_main_leading(self):
        for group in ("highest", "main", "leading"):
            job = self.env["hr.job"].create(
                {"name": f"T {group} head", "position_group": group, "position_function": "head"}
            )
            self.assertEqual(job.position_function, "head")
        for group in ("senior", "junior"):
            with self.assertRaisesText(ValidationError, "only in the highest, main and leading"):
                self.env["hr.job"].create(
                    {
                        "name": f"T {group} head",
                        "position_group": group,
                        "position_function": "head",
                    }
                )

    def test_employee_takes_job_and_may_override(self):
        self.assertEqual(self.servant.position_group, "senior")
        self.assertEqual(self.servant.position_function, "specialist")
        self.assertEqual(self.servant.bonus_category, "specialist")
        self.assertEqual(self.head_a.bonus_category, "main_leading_head")
        self.assertEqual(self.section_head.bonus_category, "main_leading_head")
        self.assertEqual(self.deputy.bonus_category, "highest_head")
        self.assertFalse(self.driver.bonus_category)
        # override on the employee
        self.servant.write({"position_group": "leading", "position_function": "head"})
        self.assertEqual(self.servant.bonus_category, "main_leading_head")
        self.assertEqual(self.servant.job_id.position_function, "specialist")
        with self.assertRaisesText(ValidationError, "only in the highest, main and leading"):
            self.colleague.write({"position_function": "head"})  # senior group
        # a change of the job reaches its employees
        self.job_specialist.position_group = "junior"
        self.assertEqual(self.colleague.position_group, "junior")

    def test_public_employee_carries_the_category(self):
        public = self.env["hr.employee.public"].with_user(self.user_head_b).browse(self.servant.id)
        self.assertEqual(public.bonus_category, "specialist")
        self.assertEqual(public.position_group, "senior")
