from datetime import date

from odoo import Command
from odoo.tests import freeze_time, tagged

from .common import MunicipalBonusCase

# Words of the bonus documents that must not remain in English in a Russian or Ukrainian one
ENGLISH_WORDS = (
    "Information for the decision",
    "position of the head",
    "head of the unit",
    "(period)",
    "for the results of work",
    "Full name",
    "Position",
    "Reduction",
    "Indicators",
    "Executor",
    "ORDER",
    "On the payment",
    "In accordance with",
    "following amounts",
    "Premium",
    "Unit",
    "Head of local self-government",
    "Report on the result",
    "Assignment",
    "Assignees",
    "Deadline",
    "Completed on",
    "Timeliness",
    "within the deadline",
    "after the deadline",
    "Budget savings",
    "budget revenue",
    "Positive result",
    "Decision",
    "a premium of",
    "no premium",
    "draft",
    "Page",
    "Reported by",
    "$",
)
OFFICIAL_REPORTS = (
    "municipal_bonus.action_report_appendix",
    "municipal_bonus.action_report_order",
    "municipal_bonus.action_report_special_task",
)


@tagged("post_install", "-at_install")
class TestBonusDocuments(MunicipalBonusCase):
    """Issue 12, item 4: the bonus documents are fit to sign: the official layout, number and
    date, signature block, company currency, the locale's numbers, in the issuing company's
    language, and not a word of English in Russian or Ukrainian."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in ("ru_RU", "uk_UA"):
            cls._documents_in(lang)
        cls.company.currency_id = cls.env.ref("base.RUB")
        cls.company.currency_id.active = True
        cls.chief_employee = cls.env["hr.employee"].create(
            {"name": "Kuchin S. A.", "user_id": cls.user_chief.id}
        )
        cls.review = cls._review(employees=cls.servant | cls.colleague)
        line = cls.review.line_ids.filtered(lambda ln: ln.employee_id == cls.servant)
        cls._find(line, ["5.1", "6.4"])
        with freeze_time("2031-04-02"):
            cls.review.action_submit()
            cls.review.with_user(cls.user_chief).validate_tier()
        cls.order = (
            cls.env["municipal.bonus.order"]
            .with_user(cls.user_chief)
            .create({"period_id": cls.period.id, "date": date(2031, 4, 5)})
        )
        cls.order.action_load_reviews()
        cls.order.action_sign()
        cls.task = (
            cls.env["municipal.special.task"]
            .with_user(cls.user_head_a)
            .create(
                {
                    "name": "Digitise the construction permit",
                    "assignee_ids": [Command.set(cls.servant.ids)],
                    "department_id": cls.dept_a.id,
                    "deadline": date(2031, 3, 31),
                    "date_done": date(2031, 3, 25),
                    "budget_savings": 185000.0,
                    "report": "<p>Done in 5 days</p>",
                    "premium_granted": True,
                    "premium_amount": 15000.5,
                }
            )
        )
        cls.task.action_assign()
        cls.task.action_report()
        with freeze_time("2031-04-03"):
            cls.task.with_user(cls.user_chief).validate_tier()

    def _html(self, xmlid, records, lang):
        self.company.partner_id.lang = lang
        # printed by a user working in English: the document's language is the company's
        return (
            self.env["ir.actions.report"]
            .with_context(lang="en_US")
            ._render_qweb_html(xmlid, records.ids)[0]
            .decode()
        )

    def _documents(self):
        return (
            ("municipal_bonus.action_report_appendix", self.review),
            ("municipal_bonus.action_report_order", self.order),
            ("municipal_bonus.action_report_special_task", self.task),
        )

    def assertNoEnglish(self, html, what):
        found = [word for word in ENGLISH_WORDS if word in html]
        self.assertFalse(found, f"English words in {what}: {found}")

    def test_each_document_on_the_official_layout(self):
        paperformat = self.env.ref("municipal_quality.paperformat_municipal_official")
        for xmlid in OFFICIAL_REPORTS:
            self.assertEqual(self.env.ref(xmlid).paperformat_id, paperformat, xmlid)
        for xmlid, record in self._documents():
            html = self._html(xmlid, record, "ru_RU")
            self.assertIn("o_municipal_official_letterhead", html, xmlid)
            self.assertIn("o_municipal_official_signatures", html, xmlid)
            self.assertIn(self.company.name, html, xmlid)

    def test_in_russian(self):
        for xmlid, record in self._documents():
            self.assertNoEnglish(self._html(xmlid, record, "ru_RU"), f"{xmlid} (ru)")
        appendix = self._html("municipal_bonus.action_report_appendix", self.review, "ru_RU")
        self.assertIn("Информация для принятия решения о снижении выплаты премии", appendix)
        self.assertIn(f"№ <span>{self.review.document_number}</span>", appendix)
        self.assertIn("02.04.2031", appendix)
        self.assertIn(">10,00<", appendix)
        order = self._html("municipal_bonus.action_report_order", self.order, "ru_RU")
        self.assertIn("РАСПОРЯЖЕНИЕ", order)
        self.assertIn(">90,00<", order)
        self.assertIn("Глава местного самоуправления", order)
        self.assertIn("Kuchin S. A.", order)
        task = self._html("municipal_bonus.action_report_special_task", self.task, "ru_RU")
        self.assertIn("Отчет о результате выполнения поручения и решение о премии", task)
        self.assertIn(f"№ <span>{self.task.decision_number}</span>", task)
        self.assertIn("03.04.2031", task)
        self.assertIn("в установленный срок", task)
        # the company currency (roubles), with the locale's separators
        self.assertRegex(task, r"185\s000,00")
        self.assertRegex(task, r"15\s000,50")
        self.assertIn(self.company.currency_id.symbol, task)

    def test_in_ukrainian(self):
        for xmlid, record in self._documents():
            self.assertNoEnglish(self._html(xmlid, record, "uk_UA"), f"{xmlid} (uk)")
        appendix = self._html("municipal_bonus.action_report_appendix", self.review, "uk_UA")
        self.assertIn("Інформація для прийняття рішення про зниження виплати премії", appendix)
        self.assertIn("Виконавець з надання інформації", appendix)
        self.assertIn(">10,00<", appendix)
        order = self._html("municipal_bonus.action_report_order", self.order, "uk_UA")
        self.assertIn("РОЗПОРЯДЖЕННЯ", order)
        self.assertIn("Голова місцевого самоврядування", order)
        task = self._html("municipal_bonus.action_report_special_task", self.task, "uk_UA")
        self.assertIn("Звіт про результат виконання доручення та рішення про премію", task)
        self.assertIn("у встановлений строк", task)
        self.assertRegex(task, r"185\s000,00")

    def test_xlsx_appendix_in_the_company_language(self):
        self.company.partner_id.lang = "uk_UA"
        content, _kind = (
            self.env["ir.actions.report"]
            .with_context(lang="en_US")
            ._render("municipal_bonus.appendix_xlsx", self.review.ids)
        )
        sheet = self.open_xlsx(content).active
        self.assertTrue(sheet["A1"].value.startswith("Інформація для прийняття рішення"))
        self.assertEqual(sheet["A8"].value, "(період)")
        texts = [cell.value for row in sheet.iter_rows() for cell in row if cell.value]
        found = [
            word
            for word in ENGLISH_WORDS
            for text in texts
            if isinstance(text, str) and word in text
        ]
        self.assertFalse(found)
        self.assertEqual(
            self.review._appendix_file_name(), "Додаток 1 — T department A — T Q1 2031"
        )

    def test_task_decision_has_no_number_before_approval(self):
        task = self.task.copy({"name": "Another task"})
        self.assertFalse(task.decision_number)
        html = self._html("municipal_bonus.action_report_special_task", task, "ru_RU")
        self.assertIn("№ _______ (черновик)", html)

    def test_no_row_split_across_pages(self):
        """Each row of the tables of Appendix 1 and of the order is a block of its own that
        wkhtmltopdf does not split (it splits table rows, whatever their CSS)."""
        appendix = self._html("municipal_bonus.action_report_appendix", self.review, "ru_RU")
        self.assertEqual(appendix.count('class="o_nobreak o_appendix_row"'), 2)
        self.assertIn(".o_nobreak { page-break-inside: avoid;", appendix)
        order = self._html("municipal_bonus.action_report_order", self.order, "ru_RU")
        self.assertEqual(order.count('class="o_nobreak o_order_row"'), 2)
