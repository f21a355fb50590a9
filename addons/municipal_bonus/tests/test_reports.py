from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import MunicipalBonusCase


@tagged("post_install", "-at_install")
class TestOrderAndReports(MunicipalBonusCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.review = cls._review(employees=cls.servant | cls.colleague)
        line = cls.review.line_ids.filtered(lambda ln: ln.employee_id == cls.servant)
        cls._find(line, ["5.1", "5.4", "6.4"])
        cls.review_b = cls._review(department=cls.dept_b, employees=cls.servant_b)
        for review in cls.review | cls.review_b:
            review.action_submit()
            review.with_user(cls.user_chief).validate_tier()

    def _render(self, report, ids):
        return self.env["ir.actions.report"]._render(report, ids)

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
        order.action_sign()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("municipal_bonus.report_order", order.ids)[0]
            .decode()
        )
        self.assertIn("РАСПОРЯЖЕНИЕ", html)
        self.assertIn(order.name, html)
        self.assertIn("Servant One", html)
        self.assertIn("85.00", html)
        self.assertIn("С.А. Кучин", html)

    def test_appendix_xlsx_is_laid_out_as_the_form(self):
        content, kind = self._render("municipal_bonus.appendix_xlsx", self.review.ids)
        self.assertEqual(kind, "xlsx")
        sheet = self.open_xlsx(content).active
        self.assertEqual(
            sheet["A1"].value,
            "Информация для принятия решения о снижении выплаты премии по итогам работы за "
            "квартал, год, иной временной промежуток",
        )
        self.assertEqual(sheet["A3"].value, "Head of department A / T department A")
        self.assertEqual(sheet["A5"].value, "Head A")
        self.assertEqual(sheet["A7"].value, "по итогам работы за T Q1 2031")
        self.assertEqual(
            [sheet.cell(10, col).value for col in range(1, 6)],
            ["№ п\\п", "Фамилия, имя, отчество", "Должность", "% снижения премии", "Показатели"],
        )
        self.assertEqual(
            [sheet.cell(11, col).value for col in range(1, 6)],
            ["1.", "Colleague Two", "T chief specialist", 0, None],
        )
        self.assertEqual(
            [sheet.cell(12, col).value for col in range(1, 6)],
            ["2.", "Servant One", "Chief specialist", 15, "5.1, 5.4, 6.4"],
        )
        self.assertEqual(sheet["A14"].value, "Исполнитель по предоставлению информации")
        self.assertEqual(sheet["C15"].value, self.user_head_a.name)

    def test_appendix_pdf(self):
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("municipal_bonus.report_appendix", self.review.ids)[0]
            .decode()
        )
        for text in (
            "Информация для принятия решения о снижении выплаты премии",
            "T department A",
            "по итогам работы за",
            "T Q1 2031",
            "Servant One",
            "15.00",
            "5.1, 5.4, 6.4",
            "Исполнитель",
            "расшифровка подписи",
            self.user_head_a.name,
        ):
            self.assertIn(text, html)
        self.assertLess(html.index("Colleague Two"), html.index("Servant One"))

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
