"""Deadlines of section 2.6 on the pure module (calendar days and calendar months)."""

import unittest
from datetime import date

from odoo.addons.edu_standard.models import deadlines


class TestDeadlines(unittest.TestCase):
    def test_organisation_filing_day_10_vs_day_11(self):
        established = date(2024, 3, 1)
        self.assertEqual(deadlines.filing_deadline("organization", established), date(2024, 3, 11))
        self.assertTrue(deadlines.filed_in_time("organization", established, date(2024, 3, 11)))
        self.assertFalse(deadlines.filed_in_time("organization", established, date(2024, 3, 12)))

    def test_department_filing_day_30_vs_day_31(self):
        established = date(2024, 3, 1)
        self.assertEqual(deadlines.filing_deadline("department", established), date(2024, 3, 31))
        self.assertTrue(deadlines.filed_in_time("department", established, date(2024, 3, 31)))
        self.assertFalse(deadlines.filed_in_time("department", established, date(2024, 4, 1)))

    def test_calendar_days_include_weekends_and_holidays(self):
        # 28 December 2023 (Thursday) + 10 calendar days, across the New Year holidays
        self.assertEqual(
            deadlines.filing_deadline("organization", date(2023, 12, 28)), date(2024, 1, 7)
        )

    def test_answer_within_30_days_of_filing(self):
        for level in ("organization", "department"):
            with self.subTest(level=level):
                self.assertEqual(
                    deadlines.answer_deadline(level, date(2024, 1, 31)), date(2024, 3, 1)
                )
                self.assertEqual(
                    deadlines.answer_deadline(level, date(2023, 1, 31)), date(2023, 3, 2)
                )
                self.assertEqual(
                    deadlines.answer_deadline(level, date(2024, 12, 15)), date(2025, 1, 14)
                )

    def test_report_within_a_month_at_month_ends(self):
        self.assertEqual(deadlines.report_deadline(date(2024, 1, 31)), date(2024, 2, 29))
        self.assertEqual(deadlines.report_deadline(date(2023, 1, 31)), date(2023, 2, 28))
        self.assertEqual(deadlines.report_deadline(date(2024, 3, 31)), date(2024, 4, 30))
        self.assertEqual(deadlines.report_deadline(date(2024, 2, 29)), date(2024, 3, 29))
        self.assertEqual(deadlines.report_deadline(date(2024, 12, 15)), date(2025, 1, 15))

    def test_unknown_level_is_refused(self):
        with self.assertRaisesRegex(ValueError, "Unknown level"):
            deadlines.filing_deadline("court", date(2024, 1, 1))


class TestInstructionTerm(unittest.TestCase):
    """2.6.6: the department's instruction sets the organisation's term; it may not end after
    the department's own 30-day answer date, nor after the month of the report."""

    def test_default_cut_to_the_answer_date(self):
        # filed 1 March, answer due 31 March; instructed 5 March: a month would be 5 April
        answer = deadlines.answer_deadline("department", date(2024, 3, 1))
        self.assertEqual(answer, date(2024, 3, 31))
        self.assertEqual(deadlines.instruction_term(date(2024, 3, 5), answer), date(2024, 3, 31))
        self.assertIsNone(
            deadlines.instruction_term_problem(date(2024, 3, 5), date(2024, 3, 31), answer)
        )

    def test_default_is_the_month_when_it_ends_first(self):
        # filed 31 January 2023, answer due 2 March; instructed the same day: month ends 28 Feb
        answer = deadlines.answer_deadline("department", date(2023, 1, 31))
        self.assertEqual(answer, date(2023, 3, 2))
        self.assertEqual(deadlines.instruction_term(date(2023, 1, 31), answer), date(2023, 2, 28))
        self.assertEqual(
            deadlines.instruction_term_problem(date(2023, 1, 31), date(2023, 3, 1), answer),
            deadlines.TERM_AFTER_MONTH,
        )

    def test_answer_date_edge(self):
        answer = date(2024, 3, 31)
        self.assertIsNone(
            deadlines.instruction_term_problem(date(2024, 3, 5), date(2024, 3, 31), answer)
        )
        self.assertEqual(
            deadlines.instruction_term_problem(date(2024, 3, 5), date(2024, 4, 1), answer),
            deadlines.TERM_AFTER_ANSWER,
        )

    def test_not_before_the_instruction(self):
        self.assertEqual(
            deadlines.instruction_term_problem(date(2024, 3, 5), date(2024, 3, 4), None),
            deadlines.TERM_BEFORE_INSTRUCTION,
        )
        # instructed after the answer date itself: the term is the instruction day, and warned
        self.assertEqual(
            deadlines.instruction_term(date(2024, 4, 2), date(2024, 3, 31)), date(2024, 4, 2)
        )
        self.assertEqual(
            deadlines.instruction_term_problem(
                date(2024, 4, 2), date(2024, 4, 2), date(2024, 3, 31)
            ),
            deadlines.TERM_AFTER_ANSWER,
        )
