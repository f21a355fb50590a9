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


class TestSpecialTaskPremiumRule(BaseCase):
    """Section 2.1 (2.2, 2.3): economic effect or another positive result, and timeliness."""

    deadline = date(2031, 3, 31)

    def refusals(self, effect, results, done):
        return scoring.special_task_premium_refusals(effect, results, self.deadline, done)

    def test_effect_or_result_and_in_time_is_granted(self):
        self.assertEqual(self.refusals(0.01, 0, date(2031, 3, 31)), [])
        self.assertEqual(self.refusals(0.0, 1, date(2031, 3, 1)), [])
        self.assertEqual(self.refusals(185000.0, 2, date(2031, 3, 30)), [])

    def test_neither_effect_nor_result_is_refused(self):
        self.assertEqual(self.refusals(0.0, 0, date(2031, 3, 31)), [scoring.NO_EFFECT])
        self.assertEqual(self.refusals(None, 0, date(2031, 3, 31)), [scoring.NO_EFFECT])
        self.assertEqual(self.refusals(-5.0, 0, date(2031, 3, 31)), [scoring.NO_EFFECT])

    def test_a_day_late_is_refused(self):
        self.assertEqual(self.refusals(100.0, 1, date(2031, 4, 1)), [scoring.NOT_TIMELY])
        self.assertEqual(
            self.refusals(0.0, 0, date(2031, 5, 1)), [scoring.NO_EFFECT, scoring.NOT_TIMELY]
        )

    def test_not_done_is_refused(self):
        self.assertEqual(self.refusals(100.0, 1, None), [scoring.NOT_DONE])


class TestSanctionInForce(BaseCase):
    """Labour Code art. 194: a sanction is in force for a year from the day it is imposed,
    unless lifted earlier; it counts for every period it is in force in."""

    q1 = (date(2031, 1, 1), date(2031, 3, 31))

    def in_force(self, imposed, lifted=None, period=None):
        period = period or self.q1
        return scoring.sanction_in_force(imposed, lifted, *period)

    def test_imposed_in_the_period(self):
        self.assertTrue(self.in_force(date(2031, 1, 1)))
        self.assertTrue(self.in_force(date(2031, 3, 31)))
        self.assertFalse(self.in_force(date(2031, 4, 1)))

    def test_imposed_before_the_period_and_not_a_year_old(self):
        self.assertTrue(self.in_force(date(2030, 12, 31)))
        self.assertTrue(self.in_force(date(2030, 1, 2)))
        # its anniversary is the first day it is no longer in force
        self.assertFalse(self.in_force(date(2030, 1, 1)))
        self.assertFalse(self.in_force(date(2029, 6, 1)))

    def test_lifted_before_the_period(self):
        self.assertFalse(self.in_force(date(2030, 11, 1), date(2030, 12, 15)))
        self.assertFalse(self.in_force(date(2030, 11, 1), date(2031, 1, 1)))
        self.assertTrue(self.in_force(date(2030, 11, 1), date(2031, 1, 2)))
        # lifted after its year: the year ends it
        self.assertEqual(
            scoring.sanction_end(date(2030, 11, 1), date(2032, 1, 1)), date(2031, 11, 1)
        )

    def test_29_february(self):
        self.assertEqual(scoring.sanction_end(date(2028, 2, 29)), date(2029, 2, 28))
        period = (date(2029, 2, 28), date(2029, 3, 31))
        self.assertFalse(self.in_force(date(2028, 2, 29), period=period))
        self.assertTrue(self.in_force(date(2028, 3, 1), period=period))

    def test_no_date(self):
        self.assertFalse(self.in_force(None))
