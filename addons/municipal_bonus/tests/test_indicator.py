from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MunicipalBonusCase

EXPECTED_ROWS = {"1": 7, "2": 5, "3": 8, "4": 4, "5": 5, "6": 4}


@tagged("post_install", "-at_install")
class TestIndicatorCatalogue(MunicipalBonusCase):
    def test_the_six_tables(self):
        indicators = self.env["municipal.bonus.indicator"].search(
            [
                (
                    "id",
                    "in",
                    [
                        self.env.ref(f"municipal_bonus.indicator_{t}_{r}").id
                        for t, n in EXPECTED_ROWS.items()
                        for r in range(1, n + 1)
                    ],
                )
            ]
        )
        self.assertEqual(len(indicators), 33)
        for indicator in indicators:
            self.assertEqual(indicator.code, f"{indicator.table}.{indicator.row}")
            self.assertEqual(indicator.reduction_percent, 5.0)
            expected_type = "qualitative" if indicator.table in "135" else "temporal"
            self.assertEqual(indicator.criterion_type, expected_type)
        by_category = {
            category: sorted(
                indicators.filtered(lambda i, c=category: i.category == c).mapped("code")
            )
            for category in ("highest_head", "main_leading_head", "specialist")
        }
        self.assertEqual(len(by_category["highest_head"]), 12)
        self.assertTrue(all(c[0] in "12" for c in by_category["highest_head"]))
        self.assertEqual(len(by_category["main_leading_head"]), 12)
        self.assertTrue(all(c[0] in "34" for c in by_category["main_leading_head"]))
        self.assertEqual(len(by_category["specialist"]), 9)
        self.assertTrue(all(c[0] in "56" for c in by_category["specialist"]))

    def test_wording_is_verbatim(self):
        self.assertEqual(
            self.env.ref("municipal_bonus.indicator_1_7").name,
            "Неудовлетворительная работа с администрациями курируемых сельсоветов",
        )
        self.assertEqual(
            self.env.ref("municipal_bonus.indicator_3_7").name,
            "Несвоевременное предоставление информации для наполнения официального сайта "
            "администрации",
        )
        self.assertEqual(
            self.env.ref("municipal_bonus.indicator_5_1").name, "Наличие дисциплинарных взысканий"
        )
        self.assertEqual(
            self.env.ref("municipal_bonus.indicator_4_3").name,
            "Наличие просроченных сроков согласования проектов муниципальных контрактов и сроков "
            "подготовки конкурсной документации",
        )

    def test_applicable_to_routes_each_category(self):
        Indicator = self.Indicator
        self.assertEqual(
            sorted(Indicator.applicable_to(self.deputy).mapped("table")), ["1"] * 7 + ["2"] * 5
        )
        self.assertEqual(
            sorted(set(Indicator.applicable_to(self.head_a).mapped("table"))), ["3", "4"]
        )
        self.assertEqual(len(Indicator.applicable_to(self.head_a)), 12)
        self.assertEqual(
            sorted(set(Indicator.applicable_to(self.section_head).mapped("table"))), ["3", "4"]
        )
        self.assertEqual(
            sorted(set(Indicator.applicable_to(self.servant).mapped("table"))), ["5", "6"]
        )
        self.assertEqual(len(Indicator.applicable_to(self.servant)), 9)
        self.assertFalse(Indicator.applicable_to(self.driver))

    def test_a_unit_head_does_not_change_the_catalogue(self):
        with self.assertRaises(AccessError):
            self.indicator("6.1").with_user(self.user_head_a).write({"reduction_percent": 10.0})
