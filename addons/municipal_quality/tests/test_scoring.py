from odoo.tests import BaseCase

from ..models import scoring


class TestScoring(BaseCase):
    def test_satisfied_only_when_every_answer_is_positive(self):
        self.assertTrue(scoring.is_satisfied(["positive", "positive"]))
        self.assertFalse(scoring.is_satisfied(["positive", "neutral"]))
        self.assertFalse(scoring.is_satisfied(["positive", "negative"]))
        self.assertFalse(scoring.is_satisfied([]), "no answer on the dimension: not a respondent")

    def test_rate_rounded_half_up_to_two_decimals(self):
        self.assertEqual(scoring.satisfaction_rate(3, 2), 66.67)
        self.assertEqual(scoring.satisfaction_rate(3, 1), 33.33)
        self.assertEqual(scoring.satisfaction_rate(8, 1), 12.5)
        self.assertEqual(scoring.satisfaction_rate(800, 1), 0.13)  # 0.125 -> 0.13 (half up)
        self.assertEqual(scoring.satisfaction_rate(619, 466), 75.28)
        self.assertEqual(scoring.satisfaction_rate(0, 0), 0.0)

    def test_impossible_counts_refused(self):
        with self.assertRaises(ValueError):
            scoring.satisfaction_rate(2, 3)
        with self.assertRaises(ValueError):
            scoring.satisfaction_rate(-1, 0)

    def test_target_not_less_than_80(self):
        self.assertTrue(scoring.target_met(80.0, 80.0, 5))
        self.assertFalse(scoring.target_met(79.99, 80.0, 5))
        self.assertFalse(scoring.target_met(0.0, 0.0, 0), "never met without respondents")
        self.assertEqual(
            scoring.indicator(5, 4),
            {
                "respondents": 5,
                "satisfied": 4,
                "rate": 80.0,
                "target": 80.0,
                "met": True,
                "shown": True,
            },
        )

    def test_a_figure_is_shown_from_the_minimum_of_respondents(self):
        self.assertEqual(scoring.DEFAULT_MIN_RESPONDENTS, 5)
        self.assertFalse(scoring.figure_shown(4))
        self.assertTrue(scoring.figure_shown(5))
        self.assertFalse(scoring.figure_shown(0, 1), "never without respondents")
        self.assertTrue(scoring.figure_shown(1, 1))
        self.assertFalse(scoring.indicator(4, 4)["shown"])
        self.assertTrue(scoring.indicator(4, 4, min_respondents=4)["shown"])
