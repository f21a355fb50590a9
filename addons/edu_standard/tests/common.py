from contextlib import contextmanager
from datetime import date

from odoo import Command
from odoo.tests import TransactionCase, new_test_user

# Figures of an organisation that meets every indicator: 100 points
FULL_FIGURES = {
    "positions_total": 40,
    "positions_filled": 40,
    "teachers_total": 20,
    "teachers_higher_education": 20,
    "teachers_trained": 20,
    "pupils_start": 100,
    "pupils_retained": 100,
    "hours_planned": 1000,
    "hours_delivered": 1000,
}


class EduStandardCase(TransactionCase):
    """Test data of its own (demo data may or may not be installed)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        # The documents of these tests are issued in English whatever the demo company speaks
        # (the demo town works in Russian); the language tests set theirs explicitly.
        cls.company.partner_id.lang = "en_US"
        cls.other_company = cls.env["res.company"].create({"name": "Neighbouring town"})
        cls.head_user = new_test_user(
            cls.env, login="edu_head", groups="edu_standard.group_edu_organization"
        )
        cls.other_head_user = new_test_user(
            cls.env, login="edu_other_head", groups="edu_standard.group_edu_organization"
        )
        cls.department_user = new_test_user(
            cls.env, login="edu_department", groups="edu_standard.group_edu_user"
        )
        cls.other_department_user = new_test_user(
            cls.env, login="edu_department_two", groups="edu_standard.group_edu_user"
        )
        cls.manager_user = new_test_user(
            cls.env, login="edu_manager", groups="edu_standard.group_edu_manager"
        )
        cls.company.edu_department_user_id = cls.department_user
        cls.parent_user = new_test_user(
            cls.env, login="edu_parent", groups="base.group_portal", name="Parent One"
        )
        cls.other_parent_user = new_test_user(
            cls.env, login="edu_parent_two", groups="base.group_portal", name="Parent Two"
        )
        cls.organization = cls.env["edu.organization"].create(
            {
                "name": "Test house of children's creativity",
                "short_name": "Test HCC",
                "head_name": "Head One",
                "head_user_id": cls.head_user.id,
                "user_ids": [Command.set(cls.head_user.ids)],
            }
        )
        cls.other_organization = cls.env["edu.organization"].create(
            {
                "name": "Test sports school",
                "organization_type": "additional",
                "head_user_id": cls.other_head_user.id,
                "user_ids": [Command.set(cls.other_head_user.ids)],
            }
        )
        cls.requirement = cls.env["edu.standard.requirement"].create(
            {"code": "T-2.1.12", "name": "Timetable suits the pupils"}
        )

    @contextmanager
    def assertRaisesText(self, exception, text):
        """Odoo's assertRaises (rolled back to a savepoint) that also checks the message."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertIn(text, str(caught.exception))

    @classmethod
    def _assessment(cls, organization=None, year=2024, **figures):
        return cls.env["edu.standard.assessment"].create(
            {
                "organization_id": (organization or cls.organization).id,
                "year": year,
                **FULL_FIGURES,
                **figures,
            }
        )

    @classmethod
    def _complaint(
        cls,
        level="organization",
        violation_date=date(2024, 3, 1),
        date_filed=date(2024, 3, 5),
        applicant=None,
        organization=None,
        **vals,
    ):
        return cls.env["edu.complaint"].create(
            {
                "applicant_id": (applicant or cls.parent_user.partner_id).id,
                "organization_id": (organization or cls.organization).id,
                "requirement_id": cls.requirement.id,
                "legal_capacity_confirmed": True,
                "description": "Classes moved to 20:00 without notice",
                "violation_date": violation_date,
                "date_filed": date_filed,
                "level": level,
                **vals,
            }
        )

    def _violation(self, complaint, **vals):
        return self.env["edu.complaint.violation"].create(
            {
                "complaint_id": complaint.id,
                "description": "Timetable changed without regard to the pupils' age",
                "employee_name": "Teacher One",
                "employee_position": "Teacher of additional education",
                "disciplinary_measure": "remark",
                **vals,
            }
        )
