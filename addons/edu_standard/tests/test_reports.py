from datetime import date
from io import BytesIO

import lxml.html
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


# Words of the answer letter that must not remain in English in a Russian or Ukrainian letter
ENGLISH_WORDS = (
    "Answer to the complaint",
    "Filed on",
    "Organisation",
    "Requirement of the Standard",
    "Your complaint was examined",
    "established the following",
    "Violation",
    "Remedy",
    "Disciplinary measure",
    "Remark",
    "were not established",
    "apologise",
    "You may appeal",
    "Head of",
)


@tagged("post_install", "-at_install")
class TestAnswerLetterLanguage(EduStandardCase):
    """Issue 12, item 5: an official letter prints in the issuing company's language unless the
    applicant chose another of the installed languages (not in en_US because Odoo gave every
    contact en_US)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        modules = cls.env["ir.module.module"].search([("name", "in", ("base", "edu_standard"))])
        for code in ("ru_RU", "uk_UA"):
            if not cls.env["res.lang"]._lang_get(code):
                cls.env["res.lang"]._activate_lang(code)
                modules._update_translations(code)
        cls.company.partner_id.lang = "ru_RU"

    def _letter(self, applicant_lang):
        self.parent_user.partner_id.lang = applicant_lang
        complaint = self._complaint()
        complaint.action_start_investigation()
        self._violation(complaint, remedy="Classes back at 16:00", remedied=True)
        self._violation(complaint, description="Alleged shouting", established=False)
        complaint.action_answer_remedied()
        # printed by a user working in English: the letter's language is not his
        html = (
            self.env["ir.actions.report"]
            .with_context(lang="en_US")
            ._render_qweb_html("edu_standard.action_report_complaint_answer", complaint.ids)[0]
            .decode()
        )
        return complaint, html

    def assertNoEnglish(self, html):
        found = [word for word in ENGLISH_WORDS if word in html]
        self.assertFalse(found, f"English words in the letter: {found}")

    def test_letter_to_an_applicant_left_in_en_US_is_in_the_company_language(self):
        complaint, html = self._letter("en_US")
        self.assertEqual(complaint._official_lang(), "ru_RU")
        self.assertIn("Ответ на жалобу", html)
        self.assertIn("Замечание", html)
        self.assertIn("Classes back at 16:00", html)
        self.assertNoEnglish(html)

    def test_letter_to_an_applicant_who_chose_ukrainian_is_in_ukrainian(self):
        complaint, html = self._letter("uk_UA")
        self.assertEqual(complaint._official_lang(), "uk_UA")
        self.assertIn("Відповідь на скаргу", html)
        self.assertIn("Зауваження", html)
        self.assertNoEnglish(html)

    def test_a_language_not_installed_is_ignored(self):
        self.parent_user.partner_id.lang = False
        complaint = self._complaint()
        self.assertEqual(complaint._official_lang(), "ru_RU")

    def test_the_notice_of_the_answer_is_in_the_letter_language(self):
        complaint, _html = self._letter("en_US")
        notice = complaint.message_ids.filtered(
            lambda m: self.parent_user.partner_id in m.partner_ids
        )[:1]
        self.assertIn("Официальный ответ на вашу жалобу", notice.body)

    def test_activity_of_the_head_is_in_the_company_language(self):
        complaint = self._complaint()
        activity = complaint.activity_ids[:1]
        self.assertEqual(activity.summary, "Официальный ответ заявителю")
        self.assertIn("не позднее", activity.note)

    def test_yearly_summary_in_the_company_language(self):
        assessments = self._assessment(year=2024) | self._assessment(
            organization=self.other_organization, year=2024, positions_filled=30
        )
        assessments.action_confirm()
        Report = self.env["ir.actions.report"].with_context(lang="en_US")
        html = Report._render_qweb_html(
            "edu_standard.action_report_assessment_summary", assessments.ids
        )[0].decode()
        self.assertIn("Услуга оказывается с нарушениями требований Стандарта", html)
        for word in ("Provided with violations", "Organisation", "summary", "Bands:"):
            self.assertNotIn(word, html)
        content, _type = Report._render(
            "edu_standard.action_report_assessment_summary_xlsx", assessments.ids
        )
        sheet = load_workbook(BytesIO(content))["2024"]
        values = {cell.value for row in sheet.iter_rows() for cell in row if cell.value}
        self.assertIn("Услуга оказывается с нарушениями требований Стандарта", values)
        self.assertNotIn("Provided with violations of the Standard", values)
        self.assertNotIn("Organisation", values)


@tagged("post_install", "-at_install")
class TestAnswerLetterWayOfAppeal(EduStandardCase):
    """The way of appeal depends on who signs (2.6.3, 2.6.6): the head of the organisation's
    letter points to the department and to court; the department's to court and to the
    supervisory body, never back to itself. Asserted on the Russian letter."""

    ORGANIZATION_WAY = (
        "Вы вправе обжаловать настоящий ответ, обратившись с жалобой на имя начальника Отдела "
        "образования не позднее 30 дней после установления вами факта нарушения (п. 2.6.6 "
        "Стандарта), или обратившись в суд (п. 2.6.3 Стандарта)."
    )
    DEPARTMENT_WAY = (
        "Вы вправе обжаловать настоящий ответ в судебном порядке (п. 2.6.3 Стандарта), а также "
        "обратиться в орган государственного надзора в сфере образования."
    )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        modules = cls.env["ir.module.module"].search([("name", "in", ("base", "edu_standard"))])
        if not cls.env["res.lang"]._lang_get("ru_RU"):
            cls.env["res.lang"]._activate_lang("ru_RU")
            modules._update_translations("ru_RU")
        cls.company.partner_id.lang = "ru_RU"
        cls.parent_user.partner_id.lang = "ru_RU"

    def _html(self, complaint):
        html = (
            self.env["ir.actions.report"]
            .with_context(lang="en_US")
            ._render_qweb_html("edu_standard.action_report_complaint_answer", complaint.ids)[0]
            .decode()
        )
        # one line per paragraph, whitespace of the template folded
        return " ".join(html.split())

    def _appeal_ways(self, complaint):
        """The sentences of the way of appeal of the letter, exactly as printed."""
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("edu_standard.action_report_complaint_answer", complaint.ids)[0]
            .decode()
        )
        tree = lxml.html.fromstring(html)
        return [
            " ".join(node.text_content().split())
            for node in tree.xpath("//p[contains(@class, 'o_edu_appeal_way')]")
        ]

    def test_letter_of_the_head_points_to_the_department_and_court(self):
        complaint = self._complaint()
        complaint.action_refuse("not_standard", "Не относится к Стандарту.")
        self.assertEqual(self._appeal_ways(complaint), [self.ORGANIZATION_WAY])
        html = self._html(complaint)
        self.assertIn(self.ORGANIZATION_WAY, html)
        self.assertNotIn(self.DEPARTMENT_WAY, html)
        self.assertNotIn("надзора", html)

    def test_letter_of_the_department_never_points_back_to_itself(self):
        complaint = self._complaint(level="department")
        supervisory = self.env["res.partner"].create(
            {"name": "Служба по контролю в сфере образования"}
        )
        self.env["edu.complaint.supervision"].create(
            {"complaint_id": complaint.id, "addressee_id": supervisory.id, "date": date(2024, 3, 6)}
        )
        complaint.action_refuse("not_standard", "Не относится к Стандарту.")
        self.assertEqual(self._appeal_ways(complaint), [self.DEPARTMENT_WAY])
        html = self._html(complaint)
        self.assertIn(self.DEPARTMENT_WAY, html)
        self.assertNotIn("на имя начальника Отдела образования", html)
        self.assertNotIn(self.ORGANIZATION_WAY, html)
        self.assertIn("Служба по контролю в сфере образования", html)
        self.assertIn("Ожидается ответ", html)
