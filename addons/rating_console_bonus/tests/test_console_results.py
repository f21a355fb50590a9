from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.municipal_bonus.tests.common import MunicipalBonusCase
from odoo.addons.rating_console.tests.common import RatingConsoleMixin

RESULT_FIELDS = [
    "console_vote_count",
    "console_bad_count",
    "console_good_count",
    "console_excellent_count",
    "console_excellent_share",
    "console_good_or_better_share",
]


@tagged("post_install", "-at_install")
class TestConsoleResults(RatingConsoleMixin, MunicipalBonusCase):
    """Console ratings of the servants in their bonus review (period: Q1 2031)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_rating_data()
        cls.workplace.employee_id = cls.servant
        cls.workplace_branch.employee_id = cls.colleague
        # servant: inside the period 2 Excellent, 1 Good, 1 Bad and one served ticket unrated
        inside = [
            ("A01", (2031, 1, 1, 7, 0), "excellent"),
            ("A02", (2031, 2, 10, 9, 0), "excellent"),
            ("A03", (2031, 3, 5, 9, 0), "good"),
            ("A04", (2031, 3, 31, 15, 0), "bad"),
            ("A05", (2031, 3, 6, 9, 0), None),
        ]
        # ... and outside it: the day before and the day after (never counted)
        outside = [
            ("B01", (2030, 12, 31, 9, 0), "excellent"),
            ("B02", (2031, 4, 1, 9, 0), "bad"),
        ]
        for number, when, value in inside + outside:
            ticket = cls.served_ticket(number, cls.utc(*when))
            if value:
                cls.vote(ticket, value)
        # colleague, at the branch: 1 Bad, 1 Good, 1 Excellent
        for number, day, value in [("C01", 3, "bad"), ("C02", 4, "good"), ("C03", 5, "excellent")]:
            cls.vote(cls.served_ticket(number, cls.utc(2031, 2, day, 9, 0), cls.workplace_branch),
                     value)
        # servant of unit B, served once at the branch window: 1 Good
        cls.vote(cls.served_ticket("D01", cls.utc(2031, 1, 20, 9, 0), cls.workplace_branch,
                                   employee_id=cls.servant_b.id), "good")
        cls.review = cls._review(employees=cls.servant | cls.colleague | cls.sub_servant)
        # the counts and shares below are read with a minimum of 1 respondent (issue 13's
        # minimum has its own tests)
        cls.company.quality_min_respondents = 1

    def _line(self, employee, review=None):
        return (review or self.review).line_ids.filtered(lambda line: line.employee_id == employee)

    def _results(self, line):
        return [line[name] for name in RESULT_FIELDS]

    def test_counts_and_shares_of_the_period(self):
        # 4 ratings in the period: Excellent 2/4 = 50%, Good or better 3/4 = 75%
        self.assertEqual(self._results(self._line(self.servant)), [4, 1, 1, 2, 50.0, 75.0])
        # 1/3 = 33.33%, 2/3 = 66.67% (rounded to two decimals by the order's formulas)
        self.assertEqual(self._results(self._line(self.colleague)), [3, 1, 1, 1, 33.33, 66.67])

    def test_no_votes(self):
        self.assertEqual(self._results(self._line(self.sub_servant)), [0, 0, 0, 0, 0.0, 0.0])

    def test_other_period(self):
        period = self.env["municipal.bonus.period"].create(
            {
                "name": "T April 2031",
                "period_type": "other",
                "date_from": date(2031, 4, 1),
                "date_to": date(2031, 4, 30),
            }
        )
        review = self._review(employees=self.servant, period_id=period.id)
        # the Bad of April 1 only
        self.assertEqual(self._results(review.line_ids), [1, 1, 0, 0, 0.0, 0.0])

    def test_visible_to_the_preparer(self):
        """The head of the unit, who prepares the review without any right on the consoles,
        reads the figures of the lines."""
        self.assertFalse(self.user_head_a.has_group("rating_console.group_rating_operator"))
        line = self._line(self.servant).with_user(self.user_head_a)
        line.invalidate_recordset()
        self.assertEqual(line.console_vote_count, 4)
        self.assertEqual(line.console_excellent_share, 50.0)

    def test_visible_to_the_servant_on_the_own_approved_line(self):
        """The servant, who reads the own line ("My bonus") but neither the review nor the
        console records, reads the own figures."""
        self.review.action_submit()
        self.review.with_user(self.user_chief).validate_tier()
        line = self._line(self.servant).with_user(self.user_servant)
        self.env.invalidate_all()
        self.assertEqual(self._results(line), [4, 1, 1, 2, 50.0, 75.0])

    def test_one_query_for_all_lines(self):
        def queries_to_read(review):
            self.env.invalidate_all()
            lines = review.line_ids
            lines.mapped("id")
            count = self.cr.sql_log_count
            lines.mapped("console_excellent_share")
            lines.mapped("console_good_or_better_share")
            return self.cr.sql_log_count - count

        small = self._review(department=self.dept_b, employees=self.servant_b)
        few = queries_to_read(small)
        many = queries_to_read(self.review)
        self.assertEqual(len(self.review.line_ids), 3)
        self.assertEqual(small.line_ids.console_good_or_better_share, 100.0)
        self.assertEqual(few, many)
        # the grouped query, the lines, the period and the company's minimum of respondents
        self.assertLessEqual(many, 6)

    def _indicator(self, evidence_kind):
        return self.Indicator.search(
            [
                ("category", "=", self._line(self.servant).bonus_category),
                ("evidence_kind", "=", evidence_kind),
            ],
            limit=1,
        )

    def _finding(self, indicator, source):
        return self.env["municipal.bonus.finding"].create(
            {
                "line_id": self._line(self.servant).id,
                "indicator_id": indicator.id,
                "date": date(2031, 3, 31),
                "description": "Bad rating of the client",
                "source_model": source._name,
                "source_res_id": source.id,
            }
        )

    def test_refused_as_evidence_of_a_disciplinary_sanction(self):
        sanction_indicator = self._indicator("sanction")
        self.assertTrue(sanction_indicator)
        vote = self.env["municipal.console.vote"].search(
            [("employee_id", "=", self.servant.id), ("value", "=", "bad")], limit=1
        )
        report = self.env["municipal.console.report"].search(
            [("employee_id", "=", self.servant.id)], limit=1
        )
        for source in (vote, report):
            with self.assertRaisesText(ValidationError, "section 4.8"):
                self._finding(sanction_indicator, source)
        self.assertFalse(self._line(self.servant).finding_ids)
        # a finding created without a source and then pointed at a vote is refused too
        finding = self._finding(sanction_indicator, self.servant)
        with self.assertRaisesText(ValidationError, "disciplinary"):
            finding.write({"source_model": vote._name, "source_res_id": vote.id})

    def test_allowed_for_a_bonus_indicator(self):
        """Section 4.7: the results may inform a bonus, so another indicator accepts them."""
        vote = self.env["municipal.console.vote"].search(
            [("employee_id", "=", self.servant.id)], limit=1
        )
        finding = self._finding(self._indicator("complaint"), vote)
        self.assertEqual(finding.source_model, "municipal.console.vote")


@tagged("post_install", "-at_install")
class TestConsoleFigureMinimum(RatingConsoleMixin, MunicipalBonusCase):
    """Issue 13: a servant's figure is shown on a bonus line only from the company's minimum
    number of respondents (default 5); below it the line reads "too few answers"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_rating_data()
        cls.workplace.employee_id = cls.servant
        for number, day, value in [
            ("E01", 3, "excellent"),
            ("E02", 4, "good"),
            ("E03", 5, "bad"),
            ("E04", 6, "excellent"),
        ]:
            cls.vote(cls.served_ticket(number, cls.utc(2031, 2, day, 9, 0)), value)
        cls.review = cls._review(employees=cls.servant)

    def _line(self):
        line = self.review.line_ids
        line.invalidate_recordset()
        return line

    def test_default_minimum_is_five(self):
        company = self.env["res.company"].create({"name": "T new"})
        self.assertEqual(company.quality_min_respondents, 5)

    def test_below_the_minimum_too_few_answers(self):
        self.company.quality_min_respondents = 5
        line = self._line()
        self.assertEqual(line.console_vote_count, 4)
        self.assertFalse(line.console_figure_shown)
        self.assertEqual([line[name] for name in RESULT_FIELDS[1:]], [0, 0, 0, 0.0, 0.0])
        self.assertEqual(line.console_figure_status, "too few answers (4 of 5)")
        # the same for whoever reads it (the unit head preparing the review)
        as_head = line.with_user(self.user_head_a)
        self.assertFalse(as_head.console_figure_shown)
        self.assertEqual(as_head.console_excellent_share, 0.0)

    def test_from_the_minimum_the_figures_are_shown(self):
        self.company.quality_min_respondents = 4
        line = self._line()
        self.assertTrue(line.console_figure_shown)
        self.assertFalse(line.console_figure_status)
        self.assertEqual([line[name] for name in RESULT_FIELDS], [4, 1, 1, 2, 50.0, 75.0])
        # one more answer is needed for a minimum of 5
        self.vote(self.served_ticket("E05", self.utc(2031, 2, 7, 9, 0)), "good")
        self.env.flush_all()  # the monitoring report is an SQL view
        self.company.quality_min_respondents = 5
        line = self._line()
        self.assertTrue(line.console_figure_shown)
        self.assertEqual(line.console_vote_count, 5)
        self.assertEqual(line.console_good_or_better_share, 80.0)

    def test_the_list_hides_the_figures(self):
        arch = self.env["municipal.bonus.review"].get_view(view_type="form")["arch"]
        self.assertIn('name="console_figure_status"', arch)
        self.assertIn('invisible="not console_figure_shown"', arch)

    def test_in_russian_and_ukrainian(self):
        self.company.quality_min_respondents = 5
        for lang, text in (
            ("ru_RU", "слишком мало ответов (4 из 5)"),
            ("uk_UA", "замало відповідей (4 з 5)"),
        ):
            if not self.env["res.lang"]._lang_get(lang):
                self.env["res.lang"]._activate_lang(lang)
            line = self.review.line_ids.with_context(lang=lang)
            line.invalidate_recordset()
            self.assertEqual(line.console_figure_status, text)
