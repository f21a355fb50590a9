from datetime import datetime

from .quality_common import QualitySurveyCase


class TestQualityReport(QualitySurveyCase):
    def _groups(self, model, domain, groupby, aggregates):
        return self.env[model]._read_group(domain, groupby, aggregates)

    def test_rate_of_a_group_is_computed_from_its_sums(self):
        # centre: 1 of 2 satisfied (50%), branch: 3 of 3 (100%); together 4 of 5 = 80%, while
        # an average of the two rates would say 75%.
        self._staff("positive", "positive", office_id=self.centre.id)
        self._staff("negative", "positive", office_id=self.centre.id)
        for _index in range(3):
            self._staff("positive", "positive", office_id=self.branch.id)
        domain = [
            ("survey_id", "=", self.survey.id),
            ("dimension", "=", "staff"),
        ]
        by_office = dict(
            (office, (respondents, satisfied, rate))
            for office, respondents, satisfied, rate in self._groups(
                "municipal.quality.result",
                domain,
                ["office_id"],
                ["respondent:sum", "satisfied:sum", "rate:avg"],
            )
        )
        self.assertEqual(by_office[self.centre], (2, 1, 50.0))
        self.assertEqual(by_office[self.branch], (3, 3, 100.0))
        [(total_rate,)] = self._groups("municipal.quality.result", domain, [], ["rate:avg"])
        self.assertEqual(float(total_rate), 80.0)
        # the same through the web client's read_group (pivot and graph)
        [total] = self.env["municipal.quality.result"].read_group(
            domain, ["respondent", "satisfied", "rate"], []
        )
        self.assertEqual((total["respondent"], total["satisfied"]), (5, 4))
        self.assertEqual(float(total["rate"]), 80.0)

    def test_pivot_by_month_and_dimension(self):
        self._respond(
            {
                self.q_comfort: "negative",
                self.q_courtesy: "positive",
                self.q_competence: "positive",
            },
            end=datetime(2014, 1, 10),
        )
        self._staff("neutral", "positive", end=datetime(2014, 2, 10))
        # month labels in the user's language (the test's: English)
        groups = (
            self.env["municipal.quality.result"]
            .with_context(lang="en_US")
            .read_group(
                [("survey_id", "=", self.survey.id)],
                ["respondent", "satisfied", "rate"],
                ["date:month", "dimension"],
                lazy=False,
            )
        )
        found = {
            (g["date:month"], g["dimension"]): (g["respondent"], g["satisfied"]) for g in groups
        }
        self.assertEqual(
            found,
            {
                ("January 2014", "comfort"): (1, 0),
                ("January 2014", "staff"): (1, 1),
                ("February 2014", "staff"): (1, 0),
            },
        )

    def test_department_and_direction_in_the_report(self):
        self._staff("positive", "positive", service_id=self.service.id, employee_id=self.servant.id)
        row = self.env["municipal.quality.result"].search([("survey_id", "=", self.survey.id)])
        self.assertEqual(len(row), 1)
        self.assertEqual(row.department_id, self.department)
        self.assertEqual(row.category_id, self.category)
        self.assertEqual(row.employee_id, self.servant)

    def test_dynamics_year_over_year(self):
        self._staff("positive", "negative", end=datetime(2013, 5, 1))
        self._staff("positive", "positive", end=datetime(2013, 5, 2))
        for _index in range(3):
            self._staff("positive", "positive", end=datetime(2014, 5, 1))
        company = self.env["res.company"].create({"name": "Survey town", "quality_target": 90})
        office = self.env["municipal.office"].create(
            {"name": "Town hall", "company_id": company.id}
        )
        for response in self.env["survey.user_input"].search([("survey_id", "=", self.survey.id)]):
            response.office_id = office
        rows = self.env["municipal.quality.dynamics"].search(
            [("company_id", "=", company.id), ("dimension", "=", "staff")], order="year"
        )
        self.assertEqual(rows.mapped("year"), ["2013", "2014"])
        self.assertEqual(rows.mapped("respondents"), [2, 3])
        self.assertEqual(rows.mapped("rate"), [50.0, 100.0])
        self.assertEqual(rows.mapped("target"), [90.0, 90.0])
        self.assertEqual(rows.mapped("met"), [False, True])
        self.assertEqual(rows[1].previous_rate, 50.0)
        self.assertEqual(rows[1].rate_change, 50.0)
        self.assertEqual(rows[1].previous_respondents, 2)


class TestAnalysisOpensOnAnswers(QualitySurveyCase):
    """Issue 12, item 6: the analysis opens on the twelve months with answers (not on an empty
    current month), shows the target beside the rate, and never stacks or sums rates."""

    def test_the_period_ends_with_the_month_of_the_latest_answer(self):
        from datetime import date

        Result = self.env["municipal.quality.result"]
        self._staff("positive", "positive", office_id=self.centre.id)  # 15 June 2014
        Result.invalidate_model()
        latest = Result.search([("date", "!=", False)], order="date desc", limit=1).date
        date_from, date_to = Result._answers_period(today=date(2026, 12, 2))
        # twelve whole months, the last one the month of the latest answer
        self.assertEqual(date_to.day, 1)
        self.assertEqual((date_to.year - date_from.year) * 12 + date_to.month - date_from.month, 12)
        self.assertTrue(date_from <= latest.date() < date_to)
        self.assertLess((date_to - latest.date()).days, 32)
        # answers of this month: the last twelve months up to the end of this month
        self._staff(
            "positive", "positive", office_id=self.centre.id, end=datetime(2026, 12, 1, 9, 0)
        )
        Result.invalidate_model()
        self.assertEqual(
            Result._answers_period(today=date(2026, 12, 2)),
            (date(2026, 1, 1), date(2027, 1, 1)),
        )
        # an answer dated in the future (a clock gone wrong) does not move the period past today
        self._staff(
            "positive", "positive", office_id=self.centre.id, end=datetime(2027, 5, 1, 9, 0)
        )
        Result.invalidate_model()
        self.assertEqual(
            Result._answers_period(today=date(2026, 12, 2)),
            (date(2026, 1, 1), date(2027, 1, 1)),
        )

    def test_the_menu_opens_the_period_with_answers(self):
        self._staff("positive", "negative", office_id=self.centre.id)
        action = self.env["municipal.quality.result"]._action_open_analysis()
        context = action["context"]
        self.assertEqual(context["search_default_filter_date"], "custom_answers_period")
        date_from, date_to = self.env["municipal.quality.result"]._answers_period()
        self.assertEqual(context["quality_period_from"], str(date_from))
        self.assertEqual(context["quality_period_to"], str(date_to))
        domain = [
            ("date", ">=", context["quality_period_from"]),
            ("date", "<", context["quality_period_to"]),
            ("dimension", "=", "staff"),
        ]
        self.assertTrue(self.env["municipal.quality.result"].search_count(domain))
        menu = self.env.ref("municipal_quality.menu_quality_result")
        self.assertEqual(
            menu.action, self.env.ref("municipal_quality.municipal_quality_result_action_open")
        )

    def test_the_target_is_a_measure_and_rates_are_never_stacked(self):
        from lxml import etree

        self._staff("positive", "positive", office_id=self.centre.id)
        [group] = self.env["municipal.quality.result"].read_group(
            [("survey_id", "=", self.survey.id)], ["rate", "target"], []
        )
        self.assertEqual(group["target"], self.env.company.quality_target)
        for model in ("municipal.quality.result", "municipal.quality.dynamics"):
            views = self.env[model].get_views([(False, "graph"), (False, "pivot")])["views"]
            graph = etree.fromstring(views["graph"]["arch"])
            self.assertEqual(graph.get("stacked"), "0", model)
            pivot = etree.fromstring(views["pivot"]["arch"])
            self.assertTrue(pivot.xpath("//field[@name='target'][@type='measure']"), model)
