from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, tagged
from odoo.tools.safe_eval import safe_eval, time

from .common import MunicipalBonusCase


@tagged("post_install", "-at_install")
class TestOrderAndReports(MunicipalBonusCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._documents_in("ru_RU")
        cls.review = cls._review(employees=cls.servant | cls.colleague)
        line = cls.review.line_ids.filtered(lambda ln: ln.employee_id == cls.servant)
        cls._find(line, ["5.1", "5.4", "6.4"])
        cls.review_b = cls._review(department=cls.dept_b, employees=cls.servant_b)
        with freeze_time("2031-04-02"):
            for review in cls.review | cls.review_b:
                review.action_submit()
                review.with_user(cls.user_chief).validate_tier()

    def _render(self, report, ids):
        return self.env["ir.actions.report"]._render(report, ids)

    def _html(self, report, records):
        # printed by a user working in English: the document's language is the company's
        return (
            self.env["ir.actions.report"]
            .with_context(lang="en_US")
            ._render_qweb_html(report, records.ids)[0]
            .decode()
        )

    def _order(self):
        order = (
            self.env["municipal.bonus.order"]
            .with_user(self.user_chief)
            .create(
                {
                    "period_id": self.period.id,
                    "date": date(2031, 4, 5),
                    "signatory_name": "С.А. Кучин",
                }
            )
        )
        order.action_load_reviews()
        return order

    def test_order_is_numbered_and_locks_the_reviews(self):
        order = self._order()
        self.assertEqual(order.review_ids, self.review | self.review_b)
        self.assertEqual(order.line_count, 3)
        self.assertEqual(order.name, "/")
        with self.assertRaisesText(AccessError, "is reserved to"):
            order.with_user(self.user_hr).action_sign()
        sequence = self.env.ref("municipal_bonus.seq_municipal_bonus_order")
        expected = sequence.get_next_char(sequence.number_next_actual)
        order.action_sign()
        self.assertEqual(order.name, expected)
        self.assertTrue(order.name.endswith("-р"))
        self.assertEqual(order.state, "signed")
        self.assertEqual(set((self.review | self.review_b).mapped("state")), {"ordered"})
        self.assertEqual(self.review.order_id, order)
        with self.assertRaisesText(UserError, "can no longer be changed"):
            order.date = date(2031, 4, 6)
        with self.assertRaisesText(UserError, "can no longer be changed"):
            self.review.note = "x"
        second = self._order()
        self.assertFalse(second.review_ids)
        with self.assertRaisesText(UserError, "no approved bonus review"):
            second.action_sign()

    def test_order_pays_approved_reviews_only(self):
        """Section 3.5: the order is grounded on approved reviews; a review still submitted
        cannot be signed into it."""
        submitted = self._review(department=self.dept_a1, employees=self.sub_servant)
        submitted.action_submit()
        order = self._order()
        self.assertNotIn(submitted, order.review_ids)
        order.review_ids |= submitted
        with self.assertRaisesText(UserError, "is not approved"):
            order.action_sign()
        self.assertEqual(order.state, "draft")
        self.assertEqual(submitted.state, "submitted")

    def test_payroll_xlsx(self):
        order = self._order()
        order.action_sign()
        content, kind = self._render("municipal_bonus.payroll_xlsx", order.ids)
        self.assertEqual(kind, "xlsx")
        sheet = self.open_xlsx(content).active
        header = [sheet.cell(3, col).value for col in range(1, 8)]
        self.assertEqual(
            header,
            [
                "Personnel number",
                "Full name",
                "Position",
                "Unit",
                "Premium (%)",
                "Reduction (%)",
                "Indicators",
            ],
        )
        rows = {
            sheet.cell(row, 2).value: [sheet.cell(row, col).value for col in range(1, 8)]
            for row in range(4, 7)
        }
        self.assertEqual(
            rows["Servant One"],
            [
                "T-0001",
                "Servant One",
                "Chief specialist",
                "T department A",
                85,
                15,
                "5.1, 5.4, 6.4",
            ],
        )
        self.assertEqual(rows["Colleague Two"][4:6], [100, 0])
        self.assertEqual(rows["Servant B"][3], "T department B")
        self.assertIsNone(sheet.cell(7, 2).value)

    def test_order_pdf(self):
        order = self._order()
        html = self._html("municipal_bonus.report_order", order)
        # a draft has no number yet: the layout's draft marker, never "/"
        self.assertIn("№ _______ (черновик)", html)
        self.assertNotIn("№ <span>/</span>", html)
        order.action_sign()
        html = self._html("municipal_bonus.report_order", order)
        self.assertIn("РАСПОРЯЖЕНИЕ", html)
        self.assertIn(f"№ <span>{order.name}</span>", html)
        self.assertIn("05.04.2031", html)
        self.assertNotIn("(черновик)", html)
        self.assertIn("Servant One", html)
        # the locale's decimal comma
        self.assertIn(">85,00<", html)
        self.assertNotIn("85.00", html)
        # the wording of the indicators, not their codes
        self.assertIn("Наличие дисциплинарных взысканий", html)
        self.assertNotIn("5.1, 5.4", html)
        # the signature block: position, line, name
        self.assertRegex(
            html,
            r"o_municipal_official_sign_position\">Глава местного самоуправления</td>\s*"
            r"<td class=\"o_municipal_official_sign_line\"></td>\s*"
            r"<td class=\"text-end o_municipal_official_sign_name\">С.А. Кучин</td>",
        )
        self.assertIn(self.company.name, html)

    def test_appendix_xlsx_is_laid_out_as_the_form(self):
        content, kind = self._render("municipal_bonus.appendix_xlsx", self.review.ids)
        self.assertEqual(kind, "xlsx")
        sheet = self.open_xlsx(content).active
        self.assertEqual(
            sheet["A1"].value,
            "Информация для принятия решения о снижении выплаты премии по итогам работы за "
            "квартал, год, иной временной промежуток",
        )
        self.assertEqual(sheet["A2"].value, f"№ {self.review.document_number} от 02.04.2031")
        self.assertEqual(sheet["A3"].value, "Head of department A / T department A")
        self.assertEqual(
            sheet["A4"].value, "(наименование должности руководителя/структурного подразделения)"
        )
        self.assertEqual(sheet["A5"].value, "Head A")
        self.assertEqual(sheet["A6"].value, "(руководитель структурного подразделения)")
        self.assertEqual(sheet["A7"].value, "по итогам работы за T Q1 2031")
        self.assertEqual(sheet["A8"].value, "(период)")
        self.assertEqual(
            [sheet.cell(10, col).value for col in range(1, 6)],
            ["№ п\\п", "Фамилия, имя, отчество", "Должность", "% снижения премии", "Показатели"],
        )
        self.assertEqual(
            [sheet.cell(11, col).value for col in range(1, 6)],
            ["1.", "Colleague Two", "T chief specialist", 0, None],
        )
        # Issue 15: the "Показатели" column gives the wording of the indicators
        self.assertEqual(
            [sheet.cell(12, col).value for col in range(1, 6)],
            [
                "2.",
                "Servant One",
                "Chief specialist",
                15,
                "\n".join(
                    " ".join(self.indicator(code).name.split()) for code in ("5.1", "5.4", "6.4")
                ),
            ],
        )
        self.assertTrue(sheet.cell(12, 5).value.startswith("Наличие дисциплинарных взысканий\n"))
        self.assertEqual(
            sheet["A14"].value, "Исполнитель по предоставлению информации, Head of department A"
        )
        self.assertEqual(sheet["C15"].value, "Head A")
        self.assertEqual(sheet["B16"].value, "(подпись)")
        self.assertEqual(sheet["C16"].value, "(расшифровка подписи)")

    def test_appendix_pdf(self):
        html = self._html("municipal_bonus.report_appendix", self.review)
        for text in (
            "Информация для принятия решения о снижении выплаты премии",
            f"№ <span>{self.review.document_number}</span>",
            "02.04.2031",
            "T department A",
            "(наименование должности руководителя/структурного подразделения)",
            "по итогам работы за",
            "T Q1 2031",
            "Servant One",
            ">15,00<",
            "Наличие дисциплинарных взысканий",
            "Некачественная подготовка документов",
            "Исполнитель по предоставлению информации",
            "Head A",
            self.company.name,
        ):
            self.assertIn(text, html)
        self.assertNotIn("5.1, 5.4, 6.4", html)
        self.assertNotIn("15.00", html)
        self.assertLess(html.index("Colleague Two"), html.index("Servant One"))

    def test_draft_appendix_has_the_draft_marker(self):
        draft = self._review(department=self.dept_a1, employees=self.sub_servant)
        html = self._html("municipal_bonus.report_appendix", draft)
        self.assertFalse(draft.document_number)
        self.assertIn("№ _______ (черновик)", html)

    def test_download_names_have_no_format_in_them(self):
        """Issue 12: "Приложение 1 — <review>.xlsx", not "Приложение 1 (XLSX).xlsx"."""
        order = self._order()
        names = {}
        for xmlid, record in (
            ("municipal_bonus.action_report_appendix", self.review),
            ("municipal_bonus.action_report_appendix_xlsx", self.review),
            ("municipal_bonus.action_report_order", order),
            ("municipal_bonus.action_report_payroll_xlsx", order),
        ):
            report = self.env.ref(xmlid).with_context(lang="ru_RU")
            names[xmlid] = safe_eval(report.print_report_name, {"object": record, "time": time})
        self.assertEqual(
            names["municipal_bonus.action_report_appendix_xlsx"],
            "Приложение 1 — T department A — T Q1 2031",
        )
        self.assertEqual(
            names["municipal_bonus.action_report_appendix"],
            names["municipal_bonus.action_report_appendix_xlsx"],
        )
        self.assertEqual(
            names["municipal_bonus.action_report_order"], "Распоряжение (проект) — T Q1 2031"
        )
        order.action_sign()
        self.assertEqual(order._order_file_name(), f"Распоряжение {order.name}")
        self.assertEqual(order._payroll_file_name(), f"Ведомость — {order.name}")
        for name in names.values():
            self.assertNotIn("XLSX", name)
            self.assertNotIn("PDF", name)

    def test_unit_head_prints_appendix_of_own_unit(self):
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_head_a)
            ._render("municipal_bonus.appendix_xlsx", self.review.ids)
        )
        self.assertEqual(self.open_xlsx(content).active["A5"].value, "Head A")
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.user_head_a)._render(
                "municipal_bonus.appendix_xlsx", self.review_b.ids
            )
