from odoo.tests import BaseCase

from ..models import scoring


class TestScoringFormulas(BaseCase):
    """The formulas of the method, against values computed by hand."""

    def test_round_half_up(self):
        self.assertEqual(scoring.round2(72.725), 72.73)
        self.assertEqual(scoring.round2(0.125), 0.13)  # round() would give 0.12
        self.assertEqual(scoring.round2(79.819), 79.82)

    def test_share(self):
        self.assertEqual(scoring.share(3, 4), 75.0)
        self.assertIsNone(scoring.share(0, 0), "nobody asked: no value")
        with self.assertRaises(ValueError):
            scoring.share(5, 4)

    def test_share_pair(self):
        # 0.5 x (3/4 + 4/5) x 100 = 0.5 x (75 + 80) = 77.5
        self.assertEqual(scoring.share_pair((3, 4), (4, 5)), 77.5)
        # nobody used the stands: the website group alone
        self.assertEqual(scoring.share_pair((0, 0), (4, 5)), 80.0)
        self.assertIsNone(scoring.share_pair((0, 0), (0, 0)))

    def test_disclosure(self):
        # 7 items on the stands, 9 on the site, 11 required: 0.5 x (7/11 + 9/11) x 100 = 72.73
        value, no_data = scoring.indicator_value("disclosure", (7, 9, 11, 11))
        self.assertEqual((value, no_data), (72.73, False))
        self.assertEqual(scoring.indicator_value("disclosure", (11, 11, 11, 11)), (100.0, False))
        self.assertEqual(scoring.indicator_value("disclosure", None), (0.0, True))
        with self.assertRaises(ValueError):
            scoring.disclosure(12, 1, 11, 11)

    def test_disclosure_has_a_norm_for_the_stands_and_one_for_the_site(self):
        # 7 items required on the stands, 11 on the site; 5 on the stands, 9 on the site:
        # 0.5 x (5/7 + 9/11) x 100 = 0.5 x (71.43 + 81.82) = 76.62 (one norm of 11: 63.64)
        self.assertEqual(scoring.indicator_value("disclosure", (5, 9, 7, 11)), (76.62, False))
        self.assertEqual(scoring.indicator_value("disclosure", (9, 5, 11, 7)), (76.62, False))
        self.assertEqual(scoring.indicator_value("disclosure", (7, 9, 7, 11)), (90.91, False))
        with self.assertRaises(ValueError):
            scoring.disclosure(8, 9, 7, 11)  # more on the stands than required there
        # nothing required on the stands: the site's share alone
        self.assertEqual(scoring.indicator_value("disclosure", (0, 9, 0, 11)), (81.82, False))
        self.assertEqual(scoring.indicator_value("disclosure", (0, 0, 0, 0)), (0.0, True))

    def test_points_per_unit_capped(self):
        self.assertEqual(scoring.indicator_value("points_per_unit", 3, points=30), (90.0, False))
        self.assertEqual(scoring.indicator_value("points_per_unit", 4, points=30), (100.0, False))
        self.assertEqual(scoring.indicator_value("points_per_unit", 6, points=20), (100.0, False))
        self.assertEqual(scoring.indicator_value("points_per_unit", 0, points=20), (0.0, False))
        self.assertEqual(scoring.indicator_value("points_per_unit", None, points=20), (0.0, True))

    def test_direct_value_bounded(self):
        self.assertEqual(scoring.indicator_value("direct", 55.5), (55.5, False))
        with self.assertRaises(ValueError):
            scoring.indicator_value("direct", 101)

    def test_criterion_and_total(self):
        # K1 = 0.3 x 72.73 + 0.3 x 90 + 0.4 x 77.5 = 79.819 -> 79.82
        self.assertEqual(scoring.criterion_score([(0.3, 72.73), (0.3, 90), (0.4, 77.5)]), 79.82)
        # S = (79.82 + 80 + 67 + 91 + 73) / 5 = 78.164 -> 78.16
        self.assertEqual(scoring.total_score([79.82, 80, 67, 91, 73]), 78.16)
        self.assertEqual(scoring.total_score([]), 0.0)
        self.assertEqual(scoring.total_score([40, 30]), 35.0)

    def test_ranking_ties(self):
        ranks = scoring.ranking({"a": 78.16, "b": 64.0, "c": 64.0, "d": 23.8})
        self.assertEqual(ranks, {"a": 1, "b": 2, "c": 2, "d": 4})
        self.assertEqual(scoring.ranking({"x": 50.0, "y": 50.0}), {"x": 1, "y": 1})

    def test_weights(self):
        self.assertIsNone(scoring.weights_problem([0.3, 0.3, 0.4]))
        self.assertIn("add up to 0.9", scoring.weights_problem([0.3, 0.3, 0.3]))
