"""2.6.6: the department's instruction sets the organisation's term; it may not end after the
department's own 30-day answer date (a warning; the default fits)."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import EduStandardCase


@tagged("post_install", "-at_install")
class TestInstructionTerm(EduStandardCase):
    def _department_complaint(self):
        # filed 1 March 2024: the department answers by 31 March
        complaint = self._complaint(
            level="department", violation_date=date(2024, 2, 20), date_filed=date(2024, 3, 1)
        )
        self.assertEqual(complaint.answer_deadline, date(2024, 3, 31))
        return complaint

    def test_default_term_fits_the_answer_date(self):
        complaint = self._department_complaint()
        with freeze_time("2024-03-05 12:00:00"):
            complaint.with_user(self.department_user).action_start_investigation()
        self.assertEqual(complaint.instruction_date, date(2024, 3, 5))
        self.assertEqual(complaint.report_deadline, date(2024, 4, 5), "the month of 2.6.6")
        self.assertEqual(complaint.instruction_term, date(2024, 3, 31), "cut to the answer date")
        self.assertFalse(complaint.instruction_term_warning)
        report_type = self.env.ref("edu_standard.mail_activity_edu_complaint_report")
        activity = complaint.activity_ids.filtered(lambda a: a.activity_type_id == report_type)
        self.assertEqual(activity.date_deadline, date(2024, 3, 31))

    def test_term_after_the_answer_date_is_warned_in_the_form(self):
        complaint = self._department_complaint()
        with freeze_time("2024-03-05 12:00:00"):
            complaint.with_user(self.department_user).action_start_investigation()
        form = Form(complaint.with_user(self.department_user))
        form.instruction_term = date(2024, 3, 31)
        self.assertFalse(form.instruction_term_warning, "the answer date itself fits")
        with self.assertLogs("odoo.tests.form.onchange", level="WARNING") as logged:
            form.instruction_term = date(2024, 4, 1)
        self.assertIn("after the department's own answer date", "\n".join(logged.output))
        self.assertIn("after the department's own answer date", form.instruction_term_warning)
        form.save()
        self.assertEqual(complaint.instruction_term, date(2024, 4, 1), "a warning, not a refusal")

    def test_overdue_after_the_term(self):
        complaint = self._department_complaint()
        with freeze_time("2024-03-05 12:00:00"):
            complaint.action_start_investigation()
        complaint.instruction_term = date(2024, 3, 20)
        with freeze_time("2024-03-20 12:00:00"):
            complaint.invalidate_recordset(["is_overdue"])
            self.assertFalse(complaint.is_overdue)
        with freeze_time("2024-03-21 12:00:00"):
            complaint.invalidate_recordset(["is_overdue"])
            self.assertTrue(complaint.is_overdue)

    def test_only_the_department_sets_the_term(self):
        complaint = self._department_complaint()
        with freeze_time("2024-03-05 12:00:00"):
            complaint.action_start_investigation()
        with self.assertRaises(AccessError):
            complaint.with_user(self.head_user).write({"instruction_term": date(2024, 3, 10)})

    def test_term_before_the_instruction_is_refused(self):
        complaint = self._department_complaint()
        with freeze_time("2024-03-05 12:00:00"):
            complaint.action_start_investigation()
        complaint.instruction_term = date(2024, 3, 5)  # the day itself fits
        with self.assertRaisesText(ValidationError, "cannot end before the instruction"):
            complaint.instruction_term = date(2024, 3, 4)
