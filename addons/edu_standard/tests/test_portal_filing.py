"""The model method behind the portal's complaint form (issues 13, 14, section 2.6.3): texts
measured and refused over their limit (never cut), dates bounded, legal capacity confirmed."""

from datetime import date, timedelta

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.edu_standard.models.edu_complaint import PORTAL_LIMITS

from .common import EduStandardCase

TODAY = date(2024, 3, 20)


@tagged("post_install", "-at_install")
class TestPortalFiling(EduStandardCase):
    def _file(self, **post):
        values = {
            "organization_id": str(self.organization.id),
            "level": "organization",
            "applicant_role": "parent",
            "pupil_name": "Pupil One",
            "violation_date": "2024-03-15",
            "description": "Classes cancelled without notice",
            "legal_capacity": "1",
            **post,
        }
        return self.env["edu.complaint"]._portal_file_complaint(
            self.parent_user, values, today=TODAY
        )

    def test_filed_in_time(self):
        complaint = self._file()["complaint"]
        self.assertEqual(complaint.applicant_id, self.parent_user.partner_id)
        self.assertEqual(complaint.portal_user_id, self.parent_user)
        self.assertEqual(complaint.date_filed, TODAY)
        self.assertEqual(complaint.channel, "portal")
        self.assertTrue(complaint.legal_capacity_confirmed)
        self.assertEqual(complaint.pupil_name, "Pupil One")

    def test_description_at_and_over_its_limit(self):
        limit = PORTAL_LIMITS["description"]
        self.assertEqual(limit, 5000)
        complaint = self._file(description="x" * limit)["complaint"]
        self.assertEqual(len(complaint.description), limit, "at the limit: kept whole")
        result = self._file(description="y" * (limit + 1))
        self.assertNotIn("complaint", result)
        self.assertEqual(
            result["errors"]["description"], "5001 characters: please keep it to 5000 at most."
        )
        big = self._file(description="z" * 525_000)
        self.assertIn("525000 characters", big["errors"]["description"])
        self.assertFalse(
            self.env["edu.complaint"].search_count([("description", "like", "yyyy")]),
            "nothing cut and stored",
        )

    def test_pupil_name_over_its_limit(self):
        self.assertEqual(PORTAL_LIMITS["pupil_name"], 200)
        self.assertIn("complaint", self._file(pupil_name="P" * 200))
        self.assertEqual(
            self._file(pupil_name="P" * 201)["errors"]["pupil_name"],
            "201 characters: please keep it to 200 at most.",
        )

    def test_nul_byte_refused(self):
        result = self._file(description="Classes\x00cancelled")
        self.assertIn("cannot be stored", result["errors"]["description"])

    def test_violation_date_bounds(self):
        # year 1 is refused with a message, not a 500
        result = self._file(violation_date="0001-01-01")
        self.assertIn("no earlier than", result["errors"]["violation_date"])
        # a year back (366 days) is the edge
        oldest = TODAY - timedelta(days=366)
        self.assertEqual(oldest, date(2023, 3, 20))
        edge = self._file(violation_date=oldest.isoformat(), confirm_late="1")
        self.assertIn("complaint", edge)
        older = self._file(violation_date=(oldest - timedelta(days=1)).isoformat())
        self.assertIn("violation_date", older["errors"])
        for bad in ("9999-12-31", "2024-03-21", "2024-02-30", "yesterday", "", "\x00"):
            with self.subTest(bad=bad):
                self.assertIn("violation_date", self._file(violation_date=bad)["errors"])

    def test_legal_capacity_must_be_confirmed(self):
        result = self._file(legal_capacity="")
        self.assertIn("legal capacity", result["errors"]["legal_capacity"])
        self.assertNotIn("complaint", result)

    def test_ids_and_choices_are_checked(self):
        for key, bad in (
            ("organization_id", "999999999"),
            ("organization_id", "-1"),
            ("organization_id", "abc"),
            ("level", "court"),
            ("applicant_role", "teacher"),
        ):
            with self.subTest(key=key, bad=bad):
                self.assertIn(key, self._file(**{key: bad})["errors"])

    def test_late_for_the_head_is_a_warning_until_confirmed(self):
        result = self._file(violation_date="2024-03-05")
        self.assertEqual(result["late"]["case"], "head_late_department_open")
        self.assertEqual(result["late"]["head_deadline"], date(2024, 3, 15))
        self.assertEqual(result["late"]["department_deadline"], date(2024, 4, 4))
        complaint = self._file(violation_date="2024-03-05", confirm_late="1")["complaint"]
        self.assertTrue(complaint.filed_late)
        department = self._file(violation_date="2024-03-05", level="department")["complaint"]
        self.assertFalse(department.filed_late)


@tagged("post_install", "-at_install")
class TestPortalFormStatesItsLimits(HttpCase):
    def test_the_form_states_the_limits_and_the_capacity(self):
        new_test_user(
            self.env,
            login="edu_limits_parent",
            password="edu_limits_parent",
            groups="base.group_portal",
        )
        self.authenticate("edu_limits_parent", "edu_limits_parent")
        page = self.url_open("/my/edu_complaints/new").text
        self.assertIn('maxlength="5000"', page)
        self.assertIn('maxlength="200"', page)
        self.assertIn("Maximum length, characters: <span>5000</span>", page)
        self.assertIn('name="legal_capacity"', page)
