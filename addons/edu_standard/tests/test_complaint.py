from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import EduStandardCase


@tagged("post_install", "-at_install")
class TestComplaintDeadlines(EduStandardCase):
    def test_organisation_level_day_10_vs_day_11(self):
        on_time = self._complaint(violation_date=date(2024, 3, 1), date_filed=date(2024, 3, 11))
        self.assertEqual(on_time.filing_deadline, date(2024, 3, 11))
        self.assertFalse(on_time.filed_late)
        late = self._complaint(violation_date=date(2024, 3, 1), date_filed=date(2024, 3, 12))
        self.assertTrue(late.filed_late)

    def test_department_level_day_30_vs_day_31(self):
        on_time = self._complaint(
            level="department", violation_date=date(2024, 3, 1), date_filed=date(2024, 3, 31)
        )
        self.assertEqual(on_time.filing_deadline, date(2024, 3, 31))
        self.assertFalse(on_time.filed_late)
        late = self._complaint(
            level="department", violation_date=date(2024, 3, 1), date_filed=date(2024, 4, 1)
        )
        self.assertTrue(late.filed_late)

    def test_answer_deadline_30_days_from_filing(self):
        complaint = self._complaint(violation_date=date(2024, 1, 25), date_filed=date(2024, 1, 31))
        self.assertEqual(complaint.answer_deadline, date(2024, 3, 1))
        department = self._complaint(
            level="department", violation_date=date(2023, 1, 20), date_filed=date(2023, 1, 31)
        )
        self.assertEqual(department.answer_deadline, date(2023, 3, 2))

    def test_overdue_on_day_31_not_on_day_30(self):
        complaint = self._complaint(violation_date=date(2024, 3, 1), date_filed=date(2024, 3, 5))
        self.assertEqual(complaint.answer_deadline, date(2024, 4, 4))
        Complaint = self.env["edu.complaint"]
        with freeze_time("2024-04-04 12:00:00"):
            complaint.invalidate_recordset(["is_overdue"])
            self.assertFalse(complaint.is_overdue)
            self.assertNotIn(complaint, Complaint.search([("is_overdue", "=", True)]))
        with freeze_time("2024-04-05 12:00:00"):
            complaint.invalidate_recordset(["is_overdue"])
            self.assertTrue(complaint.is_overdue)
            self.assertIn(complaint, Complaint.search([("is_overdue", "=", True)]))
            self.assertNotIn(complaint, Complaint.search([("is_overdue", "=", False)]))

    def test_answer_on_day_30_is_in_time_on_day_31_late(self):
        in_time = self._complaint(violation_date=date(2024, 3, 1), date_filed=date(2024, 3, 5))
        late = self._complaint(violation_date=date(2024, 3, 1), date_filed=date(2024, 3, 5))
        with freeze_time("2024-04-04 12:00:00"):
            in_time.action_refuse("not_standard", "Not a requirement of the Standard")
        with freeze_time("2024-04-05 12:00:00"):
            late.action_refuse("not_standard", "Not a requirement of the Standard")
        self.assertEqual(in_time.answer_date, in_time.answer_deadline)
        self.assertFalse(in_time.answered_late)
        self.assertTrue(late.answered_late)

    def test_report_deadline_a_month_after_the_instruction(self):
        complaint = self._complaint(
            level="department", violation_date=date(2024, 1, 20), date_filed=date(2024, 1, 25)
        )
        complaint.instruction_date = date(2024, 1, 31)
        self.assertEqual(complaint.report_deadline, date(2024, 2, 29))
        complaint.instruction_date = date(2024, 3, 31)
        self.assertEqual(complaint.report_deadline, date(2024, 4, 30))
        other = self._complaint(
            level="department", violation_date=date(2023, 1, 20), date_filed=date(2023, 1, 31)
        )
        other.instruction_date = date(2023, 1, 31)
        self.assertEqual(other.report_deadline, date(2023, 2, 28))
        organisation_level = self._complaint()
        self.assertFalse(organisation_level.report_deadline)

    def test_late_report_makes_the_complaint_overdue(self):
        complaint = self._complaint(
            level="department", violation_date=date(2024, 1, 20), date_filed=date(2024, 1, 31)
        )
        with freeze_time("2024-02-01 12:00:00"):
            complaint.action_start_investigation()
        self.assertEqual(complaint.instruction_date, date(2024, 2, 1))
        self.assertEqual(complaint.report_deadline, date(2024, 3, 1))
        self.assertEqual(complaint.answer_deadline, date(2024, 3, 1))
        with freeze_time("2024-03-02 12:00:00"):
            complaint.invalidate_recordset(["is_overdue"])
            self.assertTrue(complaint.is_overdue)

    def test_dates_must_be_consistent(self):
        with self.assertRaisesText(ValidationError, "before the violation was established"):
            self._complaint(violation_date=date(2024, 3, 5), date_filed=date(2024, 3, 4))
        tomorrow = fields.Date.context_today(self.env.user) + timedelta(days=1)
        with self.assertRaisesText(ValidationError, "still to come"):
            self._complaint(violation_date=tomorrow, date_filed=tomorrow)

    def test_activity_reminds_the_responsible_of_the_answer_deadline(self):
        complaint = self._complaint()
        self.assertEqual(complaint.responsible_user_id, self.head_user)
        activity = complaint.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.head_user)
        self.assertEqual(activity.date_deadline, date(2024, 4, 4))
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("edu_standard.mail_activity_edu_complaint_answer"),
        )
        department = self._complaint(level="department")
        self.assertEqual(department.responsible_user_id, self.department_user)
        self.assertEqual(department.activity_ids.user_id, self.department_user)

    def test_cron_flags_overdue_complaints_once(self):
        complaint = self._complaint()
        answered = self._complaint()
        answered.action_refuse("not_standard", "Not a requirement of the Standard.")
        with freeze_time("2024-04-05 12:00:00"):
            Complaint = self.env["edu.complaint"]
            Complaint._cron_flag_overdue()
            self.assertTrue(complaint.overdue_notified)
            self.assertFalse(answered.overdue_notified)
            overdue_type = self.env.ref("edu_standard.mail_activity_edu_complaint_overdue")
            alerts = complaint.activity_ids.filtered(lambda a: a.activity_type_id == overdue_type)
            self.assertEqual(alerts.user_id, self.department_user)
            Complaint._cron_flag_overdue()
            alerts = complaint.activity_ids.filtered(lambda a: a.activity_type_id == overdue_type)
            self.assertEqual(len(alerts), 1)


@tagged("post_install", "-at_install")
class TestComplaintWorkflow(EduStandardCase):
    def test_sequence_and_follower(self):
        complaint = self._complaint()
        self.assertTrue(complaint.name.startswith("EDU-C/"))
        self.assertIn(self.parent_user.partner_id, complaint.message_partner_ids)
        self.assertEqual(complaint.state, "registered")

    def test_remedied_answer(self):
        complaint = self._complaint()
        with self.assertRaisesText(UserError, "Investigate the complaint"):
            complaint.action_answer_remedied()
        complaint.action_start_investigation()
        with self.assertRaisesText(UserError, "refuse it as unfounded"):
            complaint.action_answer_remedied()
        violation = self._violation(complaint)
        self._violation(complaint, description="Alleged rudeness", established=False)
        with self.assertRaisesText(UserError, "Remedy every established violation"):
            complaint.action_answer_remedied()
        violation.write({"remedy": "Classes back at 16:00", "remedied": True})
        complaint.action_answer_remedied()
        self.assertEqual(complaint.state, "answered")
        self.assertEqual(complaint.outcome, "remedied")
        self.assertEqual(complaint.answer_date, fields.Date.context_today(complaint))
        self.assertTrue(complaint.violation_established)
        self.assertFalse(complaint.activity_ids, "the answer activity is done")
        complaint.action_close()
        self.assertEqual(complaint.state, "closed")

    def test_department_answers_after_the_report_of_the_organisation(self):
        complaint = self._complaint(level="department")
        complaint.action_start_investigation()
        report_type = self.env.ref("edu_standard.mail_activity_edu_complaint_report")
        report_activity = complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == report_type
        )
        self.assertEqual(report_activity.user_id, self.head_user)
        self.assertEqual(report_activity.date_deadline, complaint.instruction_term)
        self._violation(complaint, remedy="Medical permission obtained", remedied=True)
        with self.assertRaisesText(UserError, "written report of the organisation"):
            complaint.action_answer_remedied()
        complaint.action_receive_report()
        self.assertTrue(complaint.report_date)
        self.assertFalse(
            complaint.activity_ids.filtered(lambda a: a.activity_type_id == report_type)
        )
        complaint.action_answer_remedied()
        self.assertEqual(complaint.outcome, "remedied")

    def test_late_complaint_is_refused_for_the_missed_deadline(self):
        complaint = self._complaint(violation_date=date(2024, 3, 1), date_filed=date(2024, 3, 12))
        with self.assertRaisesText(UserError, "after the deadline of 2024-03-11"):
            complaint.action_start_investigation()
        wizard = self.env["edu.complaint.refuse"].create(
            {"complaint_id": complaint.id, "refusal_reason": "Filed 11 days after."}
        )
        self.assertEqual(wizard.refusal_ground, "deadline_missed", "proposed for a late complaint")
        wizard.action_refuse()
        self.assertEqual(complaint.state, "answered")
        self.assertEqual(complaint.outcome, "refused")
        self.assertEqual(complaint.refusal_ground, "deadline_missed")

    def test_missed_deadline_is_no_ground_for_a_complaint_filed_in_time(self):
        complaint = self._complaint(violation_date=date(2024, 3, 1), date_filed=date(2024, 3, 11))
        with self.assertRaisesText(ValidationError, "was filed in time"):
            complaint.action_refuse("deadline_missed", "Too late.")
        self.assertEqual(complaint.state, "registered")

    def test_refusal_grounds_by_level(self):
        # 2.6.5: the head of the organisation
        for ground in ("not_standard", "unfounded"):
            complaint = self._complaint()
            complaint.action_refuse(ground, "Argued reason.")
            self.assertEqual(complaint.refusal_ground, ground)
        with self.assertRaisesText(ValidationError, "is not a ground of refusal"):
            self._complaint().action_refuse("false_information", "Argued reason.")
        # 2.6.6: the head of the education department
        for ground in ("not_standard", "false_information"):
            complaint = self._complaint(level="department")
            complaint.action_refuse(ground, "Argued reason.")
            self.assertEqual(complaint.refusal_ground, ground)
        with self.assertRaisesText(ValidationError, "is not a ground of refusal"):
            self._complaint(level="department").action_refuse("unfounded", "Argued reason.")
        late = self._complaint(
            level="department", violation_date=date(2024, 3, 1), date_filed=date(2024, 4, 1)
        )
        late.action_refuse("deadline_missed", "Filed 31 days after.")
        self.assertEqual(late.outcome, "refused")

    def test_refusal_needs_ground_and_reason(self):
        complaint = self._complaint()
        with self.assertRaisesText(ValidationError, "argued reasons"):
            complaint.action_refuse("not_standard", "  ")
        with self.assertRaisesText(ValidationError, "argued reasons"):
            complaint.action_refuse(False, "Reason")
        self.assertEqual(complaint.state, "registered")

    def test_established_violation_is_not_unfounded(self):
        complaint = self._complaint()
        complaint.action_start_investigation()
        self._violation(complaint)
        with self.assertRaisesText(ValidationError, "is not unfounded"):
            complaint.action_refuse("unfounded", "Nothing happened.")

    def test_escalation_to_the_department(self):
        complaint = self._complaint(violation_date=date(2024, 3, 1), date_filed=date(2024, 3, 5))
        complaint.action_refuse("unfounded", "The timetable was agreed.")
        escalated = complaint.action_escalate(date_filed=date(2024, 3, 25))
        self.assertEqual(escalated.level, "department")
        self.assertEqual(escalated.escalated_from_id, complaint)
        self.assertEqual(complaint.escalated_to_id, escalated)
        self.assertEqual(complaint.state, "closed")
        self.assertEqual(escalated.applicant_id, complaint.applicant_id)
        self.assertEqual(escalated.organization_id, self.organization)
        self.assertEqual(escalated.responsible_user_id, self.department_user)
        # 30 days for the department, from the day the violation was established
        self.assertEqual(escalated.filing_deadline, date(2024, 3, 31))
        self.assertFalse(escalated.filed_late)
        self.assertEqual(escalated.answer_deadline, date(2024, 4, 24))
        with self.assertRaisesText(UserError, "already escalated"):
            complaint.action_escalate()
        with self.assertRaisesText(UserError, "Only a complaint addressed to the head"):
            escalated.action_escalate()

    def test_escalation_after_day_30_is_late(self):
        complaint = self._complaint(violation_date=date(2024, 3, 1), date_filed=date(2024, 3, 5))
        escalated = complaint.action_escalate(date_filed=date(2024, 4, 1))
        self.assertTrue(escalated.filed_late)
        self.assertEqual(complaint.state, "registered", "an unanswered complaint stays open")

    def test_answered_complaint_is_locked(self):
        complaint = self._complaint()
        complaint.action_start_investigation()
        violation = self._violation(complaint, remedy="Fixed", remedied=True)
        complaint.action_answer_remedied()
        with self.assertRaisesText(UserError, "'Complaint' can no longer be changed"):
            complaint.write({"description": "Changed"})
        with self.assertRaisesText(UserError, "'Answer' can no longer be changed"):
            complaint.write({"answer_text": "<p>Rewritten</p>"})
        with self.assertRaisesText(UserError, "'Remedied' can no longer be changed"):
            violation.write({"remedied": False})
        with self.assertRaisesText(UserError, "cannot be deleted"):
            violation.unlink()
        with self.assertRaisesText(UserError, "investigation is locked"):
            self._violation(complaint)
        with self.assertRaisesText(UserError, "it cannot be deleted"):
            complaint.unlink()
        complaint.message_post(body="Thank you")  # the chatter stays open

    def test_stage_changes_only_through_the_workflow(self):
        complaint = self._complaint()
        with self.assertRaisesText(UserError, "changes only through the buttons"):
            complaint.write({"state": "answered"})
        with self.assertRaisesText(UserError, "Only an answered complaint"):
            complaint.action_close()
        complaint.action_refuse("not_standard", "Reason")
        with self.assertRaisesText(UserError, "Only an open complaint"):
            complaint.action_refuse("not_standard", "Reason")


@tagged("post_install", "-at_install")
class TestComplaintGuards(EduStandardCase):
    def test_workflow_fields_are_written_by_the_workflow_only(self):
        complaint = self._complaint().with_user(self.head_user)
        for vals in (
            {"outcome": "remedied"},
            {"refusal_ground": "unfounded", "refusal_reason": "x"},
            {"answer_date": "2024-03-06"},
            {"escalated_to_id": complaint.id},
            {"report_date": "2024-03-06"},
            {"overdue_notified": True},
        ):
            with self.subTest(vals=vals), self.assertRaisesText(UserError, "through the buttons"):
                complaint.write(vals)
        with self.assertRaisesText(UserError, "a new document starts as Registered"):
            self._complaint(state="answered", outcome="remedied")
        complaint.write({"description": "Completed by the head"})
        self.assertEqual(complaint.description, "Completed by the head")

    def test_applicant_is_told_of_the_answer(self):
        complaint = self._complaint()
        complaint.action_refuse("not_standard", "Not about the Standard.")
        message = complaint.message_ids.filtered(lambda m: "official answer" in (m.body or ""))
        self.assertEqual(len(message), 1)
        self.assertIn(self.parent_user.partner_id, message.partner_ids)
        self.assertIn("Refused", message.body)
