"""Section 2.11 of the Standard, on the pure function: no database needed.

Plain unittest test cases: pytest runs them with or without pytest-odoo.
"""

import unittest

from odoo.addons.edu_standard.models.scoring import band, rate, score_standard


def _points(**rates):
    values = {
        "staffing": 100,
        "higher_education": 100,
        "training": 100,
        "retention": 100,
        "completion": 100,
        **rates,
    }
    return score_standard(**values)


class TestScoreStandard(unittest.TestCase):
    def test_return_shape(self):
        result = score_standard(100, 45, 100, 100, 100)
        self.assertEqual(
            result, {"points": [20, 20, 20, 20, 20], "total": 100, "band": "compliant"}
        )
        self.assertIsInstance(result["total"], int)

    def test_one_percent_indicators_at_their_edges(self):
        # staffing, training, retention and completion: 1 point per full 1% below 100%
        for position, key in enumerate(("staffing", None, "training", "retention", "completion")):
            if key is None:
                continue
            with self.subTest(indicator=key):
                self.assertEqual(_points(**{key: 100})["points"][position], 20)
                self.assertEqual(_points(**{key: 99.5})["points"][position], 20)
                self.assertEqual(_points(**{key: 99})["points"][position], 19)
                self.assertEqual(_points(**{key: 98.99})["points"][position], 19)
                self.assertEqual(_points(**{key: 98})["points"][position], 18)
                self.assertEqual(_points(**{key: 81})["points"][position], 1)
                self.assertEqual(_points(**{key: 80})["points"][position], 0)
                self.assertEqual(_points(**{key: 45})["points"][position], 0)
                self.assertEqual(_points(**{key: 0})["points"][position], 0, "never below 0")

    def test_higher_education_at_its_edges(self):
        # at least 45%, 1 point per full 5% below 45
        def points(value):
            return _points(higher_education=value)["points"][1]

        self.assertEqual(points(100), 20)
        self.assertEqual(points(45), 20)
        self.assertEqual(points(40.1), 20, "4.9% below 45 is not a full 5%")
        self.assertEqual(points(40), 19)
        self.assertEqual(points(35.1), 19)
        self.assertEqual(points(35), 18)
        self.assertEqual(points(0), 11, "45% below: 9 full steps of 5%")

    def test_other_indicators_untouched(self):
        result = _points(higher_education=40)
        self.assertEqual(result["points"], [20, 19, 20, 20, 20])
        self.assertEqual(result["total"], 99)

    def test_totals_and_bands_at_their_edges(self):
        cases = [
            # (rates, total, band)
            ({}, 100, "compliant"),
            ({"staffing": 99}, 99, "mostly_compliant"),
            ({"staffing": 81}, 81, "mostly_compliant"),
            ({"staffing": 80}, 80, "violations"),
            ({"staffing": 0, "training": 0, "retention": 91}, 51, "violations"),
            ({"staffing": 0, "training": 0, "retention": 90}, 50, "non_compliant"),
        ]
        for rates, total, expected_band in cases:
            with self.subTest(total=total):
                result = _points(**rates)
                self.assertEqual(result["total"], total)
                self.assertEqual(result["band"], expected_band)

    def test_lowest_total(self):
        result = score_standard(0, 0, 0, 0, 0)
        self.assertEqual(result["points"], [0, 11, 0, 0, 0])
        self.assertEqual(result["total"], 11)
        self.assertEqual(result["band"], "non_compliant")

    def test_band_function_edges(self):
        self.assertEqual(band(100), "compliant")
        self.assertEqual(band(99), "mostly_compliant")
        self.assertEqual(band(81), "mostly_compliant")
        self.assertEqual(band(80), "violations")
        self.assertEqual(band(51), "violations")
        self.assertEqual(band(50), "non_compliant")
        self.assertEqual(band(0), "non_compliant")
        for bad in (-1, 101, 99.5, "100", None, True):
            with self.subTest(total=bad), self.assertRaises(ValueError):
                band(bad)

    def test_rate_outside_0_100_is_refused(self):
        for bad in (-0.01, 100.01, 150, -5):
            with self.subTest(rate=bad):
                with self.assertRaisesRegex(ValueError, "between 0 and 100"):
                    score_standard(bad, 50, 100, 100, 100)
                with self.assertRaisesRegex(ValueError, "Retention of pupils"):
                    score_standard(100, 50, 100, bad, 100)

    def test_non_numbers_are_refused(self):
        for bad in (None, "99", float("nan"), float("inf"), True):
            with self.subTest(rate=bad), self.assertRaisesRegex(ValueError, "number of percent"):
                score_standard(100, bad, 100, 100, 100)

    def test_binary_floating_point_cannot_change_a_score(self):
        # 57 / 60 * 100 is 95.00000000000001 in binary floating point: 5 full points lost
        self.assertEqual(_points(staffing=57 / 60 * 100)["points"][0], 15)
        self.assertEqual(_points(staffing=rate(57, 60, "Staffing"))["points"][0], 15)
        self.assertEqual(_points(higher_education=rate(8, 20, "Higher"))["points"][1], 19)

    def test_rate_refuses_a_zero_base(self):
        self.assertAlmostEqual(rate(27, 28.5, "Staffing"), 94.7368, places=4)
        with self.assertRaisesRegex(ValueError, "base is zero"):
            rate(0, 0, "Staffing")
        with self.assertRaisesRegex(ValueError, "cannot exceed"):
            rate(11, 10, "Staffing")
        with self.assertRaisesRegex(ValueError, "negative"):
            rate(-1, 10, "Staffing")
