from psycopg2.errors import UniqueViolation

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import FULL_FIGURES, EduStandardCase


@tagged("post_install", "-at_install")
class TestAssessment(EduStandardCase):
    def test_full_figures_score_100(self):
        assessment = self._assessment()
        self.assertEqual(assessment.name, "Test HCC 2024")
        self.assertEqual(
            [
                assessment.staffing_rate,
                assessment.higher_education_rate,
                assessment.training_rate,
                assessment.retention_rate,
                assessment.completion_rate,
            ],
            [100.0] * 5,
        )
        self.assertEqual(assessment.total_points, 100)
        self.assertEqual(assessment.band, "compliant")

    def test_rates_and_points_from_the_raw_figures(self):
        assessment = self._assessment(
            positions_total=28.5,
            positions_filled=27,  # 94.74% -> 5 full points below -> 15
            teachers_total=22,
            teachers_higher_education=9,  # 40.91% -> 4.09 below 45, not a full 5% -> 20
            teachers_trained=20,  # 90.91% -> 11
            pupils_start=960,
            pupils_retained=912,  # 95.00% -> 15
            hours_planned=8400,
            hours_delivered=8316,  # 99.00% -> 19
        )
        self.assertAlmostEqual(assessment.staffing_rate, 94.74)
        self.assertAlmostEqual(assessment.higher_education_rate, 40.91)
        self.assertAlmostEqual(assessment.training_rate, 90.91)
        self.assertAlmostEqual(assessment.retention_rate, 95.0)
        self.assertAlmostEqual(assessment.completion_rate, 99.0)
        self.assertEqual(
            [
                assessment.staffing_points,
                assessment.higher_education_points,
                assessment.training_points,
                assessment.retention_points,
                assessment.completion_points,
            ],
            [15, 20, 11, 15, 19],
        )
        self.assertEqual(assessment.total_points, 80)
        self.assertEqual(assessment.band, "violations")

    def test_higher_education_edge_from_figures(self):
        assessment = self._assessment(teachers_total=20, teachers_higher_education=8)  # 40%
        self.assertEqual(assessment.higher_education_points, 19)
        self.assertEqual(assessment.total_points, 99)
        self.assertEqual(assessment.band, "mostly_compliant")
        assessment.teachers_higher_education = 9  # 45%
        self.assertEqual(assessment.total_points, 100)

    def test_zero_denominator_is_a_clear_error(self):
        assessment = self._assessment(
            pupils_start=0, pupils_retained=0, hours_planned=0, hours_delivered=0
        )
        self.assertEqual(assessment.retention_rate, 0.0)
        self.assertFalse(assessment.band)
        self.assertIn("Retention of pupils", assessment.missing_figures)
        self.assertIn("Completion of the programmes", assessment.missing_figures)
        with self.assertRaisesText(UserError, "base figure of Retention of pupils"):
            assessment.action_confirm()
        self.assertEqual(assessment.state, "draft")

    def test_impossible_figures_are_refused(self):
        with self.assertRaisesText(ValidationError, "cannot exceed"):
            self._assessment(pupils_retained=101)
        with self.assertRaisesText(ValidationError, "cannot be negative"):
            self._assessment(positions_filled=-1)

    def test_one_assessment_per_organisation_and_year(self):
        self._assessment()
        with self.assertRaises(UniqueViolation), mute_logger("odoo.sql_db"):
            self._assessment()
        self._assessment(year=2025)

    def test_confirmed_assessment_is_locked(self):
        assessment = self._assessment()
        assessment.with_user(self.department_user).action_confirm()
        self.assertEqual(assessment.state, "confirmed")
        self.assertEqual(assessment.confirmed_by_id, self.department_user)
        with self.assertRaisesText(UserError, "'Positions filled' can no longer be changed"):
            assessment.write({"positions_filled": 30})
        with self.assertRaisesText(UserError, "cannot be deleted"):
            assessment.unlink()
        assessment.message_post(body="A note on a confirmed assessment")  # chatter stays open
        with self.assertRaisesText(AccessError, "Head of the education department"):
            assessment.with_user(self.department_user).action_reset_to_draft()
        assessment.with_user(self.manager_user).action_reset_to_draft()
        assessment.write({"positions_filled": 30})
        self.assertEqual(assessment.staffing_rate, 75.0)
        self.assertEqual(assessment.staffing_points, 0)

    def test_only_the_department_confirms(self):
        assessment = self._assessment()
        with self.assertRaisesText(AccessError, "Education department"):
            assessment.with_user(self.head_user).action_confirm()
        self.assertEqual(assessment.state, "draft")

    def test_staff_never_confirm_their_own_assessment(self):
        """Separation of duties: a department user on the staff of the organisation (or its
        head) does not confirm, nor reopen, its assessment."""
        assessment = self._assessment()
        self.organization.user_ids |= self.department_user
        with self.assertRaisesText(AccessError, "you are on the staff of"):
            assessment.with_user(self.department_user).action_confirm()
        self.organization.head_user_id = self.manager_user
        with self.assertRaisesText(AccessError, "you are on the staff of"):
            assessment.with_user(self.manager_user).action_confirm()
        self.assertEqual(assessment.state, "draft")
        other = self.env["edu.standard.assessment"].create(
            {"organization_id": self.other_organization.id, "year": 2024, **FULL_FIGURES}
        )
        other.with_user(self.department_user).action_confirm()
        self.assertEqual(other.confirmed_by_id, self.department_user)
        assessment.with_user(self.other_department_user).action_confirm()
        self.assertEqual(assessment.state, "confirmed")
        with self.assertRaisesText(AccessError, "you are on the staff of"):
            assessment.with_user(self.manager_user).action_reset_to_draft()
        self.assertEqual(assessment.state, "confirmed")

    def test_workflow_fields_are_not_writable(self):
        assessment = self._assessment()
        for vals in (
            {"confirmed_by_id": self.department_user.id},
            {"confirmed_date": "2025-01-01"},
        ):
            with self.subTest(vals=vals), self.assertRaisesText(UserError, "through the buttons"):
                assessment.with_user(self.department_user).write(vals)

    def test_head_reports_figures_of_own_organisation_only(self):
        Assessment = self.env["edu.standard.assessment"].with_user(self.head_user)
        own = Assessment.create(
            {"organization_id": self.organization.id, "year": 2023, "positions_total": 10}
        )
        own.write({"positions_filled": 9})
        self.assertEqual(own.staffing_rate, 90.0)
        self.assertFalse(own.band, "not scored while a base figure is missing")
        with self.assertRaises(AccessError):
            Assessment.create({"organization_id": self.other_organization.id, "year": 2023})
        other = self._assessment(organization=self.other_organization)
        self.assertFalse(Assessment.search([("id", "=", other.id)]))

    def test_read_group_by_organisation_and_year(self):
        self._assessment(year=2023, positions_filled=39)  # 97.5%: 2 full points below
        self._assessment(year=2024)
        groups = self.env["edu.standard.assessment"]._read_group(
            [("organization_id", "=", self.organization.id)], ["year"], ["total_points:avg"]
        )
        self.assertEqual(dict(groups), {2023: 98, 2024: 100})

    def test_organisation_shows_its_last_confirmed_band(self):
        self._assessment(year=2023).action_confirm()
        self._assessment(year=2024, positions_filled=39)  # draft: not published
        self.assertEqual(self.organization.last_assessment_id.year, 2023)
        self.assertEqual(self.organization.last_band, "compliant")
        self.assertEqual(self.organization.last_total, 100)

    def test_state_is_changed_by_the_buttons_only(self):
        assessment = self._assessment().with_user(self.head_user)
        with self.assertRaisesText(UserError, "changes only through the buttons"):
            assessment.write({"state": "confirmed"})
        with self.assertRaisesText(UserError, "a new document starts as Draft"):
            self.env["edu.standard.assessment"].with_user(self.head_user).create(
                {"organization_id": self.organization.id, "year": 2022, "state": "confirmed"}
            )
        self.assertEqual(assessment.state, "draft")
