from datetime import date

from odoo.tests import BaseCase

from odoo.addons.municipal_bonus.models import scoring


class TestScoring(BaseCase):
    def test_reduction_is_the_sum_capped_at_100(self):
        self.assertEqual(scoring.reduction_percent({}), 0.0)
        self.assertEqual(scoring.reduction_percent({i: 5.0 for i in range(5)}), 25.0)
        self.assertEqual(scoring.reduction_percent({i: 5.0 for i in range(12)}), 60.0)
        self.assertEqual(scoring.reduction_percent({1: 40.0, 2: 35.0, 3: 30.0}), 100.0)
        self.assertEqual(scoring.reduction_percent({1: 60.0, 2: 40.0}), 100.0)

    def test_bonus_is_the_rest(self):
        self.assertEqual(scoring.bonus_percent(25.0), 75.0)
        self.assertEqual(scoring.bonus_percent(100.0), 0.0)
        self.assertEqual(scoring.bonus_percent(0.0), 100.0)

    def test_categories(self):
        self.assertEqual(scoring.position_category("highest", "head"), scoring.HIGHEST_HEAD)
        self.assertEqual(scoring.position_category("main", "head"), scoring.MAIN_LEADING_HEAD)
        self.assertEqual(scoring.position_category("leading", "head"), scoring.MAIN_LEADING_HEAD)
        for group in scoring.POSITION_GROUPS:
            self.assertEqual(scoring.position_category(group, "specialist"), scoring.SPECIALIST)
        self.assertIsNone(scoring.position_category("senior", "head"))
        self.assertIsNone(scoring.position_category("main", False))
        self.assertTrue(scoring.head_allowed("leading"))
        self.assertFalse(scoring.head_allowed("senior"))
        self.assertFalse(scoring.head_allowed("junior"))

    def test_tables(self):
        self.assertEqual(
            [scoring.table_category(t) for t in range(1, 7)],
            [
                scoring.HIGHEST_HEAD,
                scoring.HIGHEST_HEAD,
                scoring.MAIN_LEADING_HEAD,
                scoring.MAIN_LEADING_HEAD,
                scoring.SPECIALIST,
                scoring.SPECIALIST,
            ],
        )
        self.assertEqual(
            [scoring.criterion_type(t) for t in range(1, 7)],
            ["qualitative", "temporal"] * 3,
        )
        with self.assertRaises(ValueError):
            scoring.table_category(7)

    def test_timeliness(self):
        self.assertTrue(scoring.is_timely(date(2031, 3, 31), date(2031, 3, 31)))
        self.assertFalse(scoring.is_timely(date(2031, 3, 31), date(2031, 4, 1)))
        self.assertIsNone(scoring.is_timely(date(2031, 3, 31), None))
