from datetime import date
from io import BytesIO

from openpyxl import load_workbook

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import EduStandardCase


@tagged("post_install", "-at_install")
class TestReports(EduStandardCase):
    def test_answer_letter_of_a_remedied_complaint(self):
        complaint = self._complaint()
        complaint.action_start_investigation()
        self._violation(complaint, remedy="Classes back at 16:00", remedied=True)
        self._violation(complaint, description="Alleged shouting", established=False)
        complaint.action_answer_remedied()
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "edu_standard.action_report_complaint_answer", complaint.ids
        )
        html = html.decode()
        self.assertIn(complaint.name, html)
        self.assertIn("Classes back at 16:00", html)
        self.assertIn("Remark", html)
        self.assertIn("Teacher One", html)
        self.assertIn("were not established", html)
        self.assertIn("Alleged shouting", html)
        self.assertIn("apologise", html)

    def test_answer_letter_of_a_refusal_has_the_reason_and_no_apology(self):
        complaint = self._complaint(violation_date=date(2024, 3, 1), date_filed=date(2024, 3, 12))
        complaint.action_refuse("deadline_missed", "Filed on the 11th day after the violation.")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("edu_standard.action_report_complaint_answer", complaint.ids)[0]
            .decode()
        )
        self.assertIn("Filed on the 11th day after the violation.", html)
        self.assertIn("deadline for filing the complaint was missed", html)
        self.assertNotIn("apologise", html)

    def test_no_letter_before_the_answer(self):
        complaint = self._complaint()
        with self.assertRaisesText(UserError, "not answered yet"):
            self.env["ir.actions.report"]._render_qweb_html(
                "edu_standard.action_report_complaint_answer", complaint.ids
            )

    def test_yearly_summary_pdf_and_xlsx(self):
        good = self._assessment(year=2024)
        weak = self._assessment(
            organization=self.other_organization, year=2024, positions_filled=30
        )
        (good | weak).action_confirm()
        assessments = good | weak
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("edu_standard.action_report_assessment_summary", assessments.ids)[0]
            .decode()
        )
        self.assertIn("Test house of children", html)
        self.assertIn("Test sports school", html)
        self.assertIn("Provided with violations of the Standard", html)

        content, report_type = self.env["ir.actions.report"]._render(
            "edu_standard.action_report_assessment_summary_xlsx", assessments.ids
        )
        self.assertEqual(report_type, "xlsx")
        sheet = load_workbook(BytesIO(content))["2024"]
        rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=4, max_row=5)]
        self.assertEqual(rows[0][0], "Test house of children's creativity")
        self.assertEqual(rows[0][11], 100)
        self.assertEqual(rows[1][0], "Test sports school")
        self.assertEqual(rows[1][1], 75.0)
        self.assertEqual(rows[1][2], 0)
        self.assertEqual(rows[1][11], 80)
        self.assertEqual(rows[1][12], "Provided with violations of the Standard")

    def test_answer_letter_of_the_department(self):
        complaint = self._complaint(level="department", supervision_notified=True)
        complaint.action_start_investigation()
        self._violation(complaint, remedy="Medical permission obtained", remedied=True)
        complaint.action_receive_report()
        complaint.action_answer_remedied()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("edu_standard.action_report_complaint_answer", complaint.ids)[0]
            .decode()
        )
        self.assertIn("examined by the head of the education department", html)
        self.assertIn("reported in writing", html)
        self.assertIn("state supervisory body", html)
        self.assertIn("On behalf of the head of the education department", html)
        self.assertIn("Medical permission obtained", html)
