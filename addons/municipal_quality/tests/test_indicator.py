from datetime import datetime

from odoo.exceptions import UserError

from .quality_common import QualitySurveyCase


class TestQualityIndicator(QualitySurveyCase):
    def test_rate_from_satisfied_respondents(self):
        self._staff("positive", "positive")
        self._staff("positive", "negative")
        self._staff("positive", "neutral")
        self.assertEqual(
            self.indicator(),
            {
                "respondents": 3,
                "satisfied": 1,
                "rate": 33.33,
                "target": 80.0,
                "met": False,
                "shown": False,
            },
        )

    def test_neutral_answer_is_a_respondent_not_satisfied(self):
        self._staff("neutral", "neutral")
        self._staff("positive", "positive")
        result = self.indicator()
        self.assertEqual((result["respondents"], result["satisfied"]), (2, 1))
        self.assertEqual(result["rate"], 50.0)

    def test_target_met_at_exactly_the_target(self):
        for _index in range(4):
            self._staff("positive", "positive")
        self._staff("negative", "positive")
        result = self.indicator()
        self.assertEqual(result["rate"], 80.0)
        self.assertTrue(result["met"])
        self.assertTrue(result["shown"], "5 respondents: the default minimum")
        self.company.quality_min_respondents = 6
        self.assertFalse(self.indicator()["shown"])
        self.company.quality_target = 85
        result = self.indicator()
        self.assertEqual(result["target"], 85.0)
        self.assertFalse(result["met"])

    def test_no_respondent(self):
        self.assertEqual(
            self.indicator(),
            {
                "respondents": 0,
                "satisfied": 0,
                "rate": 0.0,
                "target": 80.0,
                "met": False,
                "shown": False,
            },
        )

    def test_partial_and_test_responses_do_not_count(self):
        self._staff("positive", "positive", state="in_progress")
        self._staff("positive", "positive", state="new")
        test_entry = self._staff("negative", "negative")
        test_entry.test_entry = True
        self._staff("positive", "negative")
        self.assertEqual(self.indicator()["respondents"], 1)
        self.assertEqual(self.indicator()["satisfied"], 0)

    def test_skipped_dimension_is_not_a_respondent(self):
        # answered the comfort question only: not a respondent of the staff dimension
        self._respond(
            {self.q_comfort: "negative", self.q_courtesy: "skip", self.q_competence: "skip"}
        )
        # one staff question skipped, the other positive: a satisfied respondent
        self._respond({self.q_courtesy: "skip", self.q_competence: "positive"})
        self.assertEqual((self.indicator()["respondents"], self.indicator()["satisfied"]), (1, 1))
        comfort = self.indicator("comfort")
        self.assertEqual((comfort["respondents"], comfort["satisfied"]), (1, 0))
        self.assertEqual(self.indicator("overall")["respondents"], 0)

    def test_date_bounds_by_completion_date(self):
        self._staff("positive", "positive", end=datetime(2014, 1, 1, 0, 0, 0))
        self._staff("negative", "positive", end=datetime(2014, 12, 31, 23, 59, 59))
        self._staff("positive", "positive", end=datetime(2015, 1, 1, 0, 0, 0))
        self._staff("positive", "positive", end=datetime(2013, 12, 31, 23, 59, 59))
        result = self.indicator()
        self.assertEqual((result["respondents"], result["satisfied"]), (2, 1))
        one_day = self.indicator(date_from="2014-12-31", date_to="2014-12-31")
        self.assertEqual((one_day["respondents"], one_day["satisfied"]), (1, 0))
        self.assertEqual(self.indicator(date_from="2015-01-01", date_to="2015-01-01")["rate"], 100)

    def test_days_in_the_time_zone_of_the_context(self):
        # 31 December 2014, 22:30 UTC is 1 January 2015, 01:30 in Kaluga (UTC+3)
        self._staff("positive", "positive", end=datetime(2014, 12, 31, 22, 30))
        self.assertEqual(self.indicator()["respondents"], 1)
        kaluga = self.survey.with_context(tz="Europe/Moscow")
        self.assertEqual(kaluga.quality_indicator("2014-01-01", "2014-12-31")["respondents"], 0)
        self.assertEqual(kaluga.quality_indicator("2015-01-01", "2015-01-01")["respondents"], 1)

    def test_filters_office_service_servant(self):
        self._staff("positive", "positive", office_id=self.centre.id, employee_id=self.servant.id)
        self._staff("negative", "positive", office_id=self.branch.id, employee_id=self.servant.id)
        self._staff(
            "positive",
            "positive",
            office_id=self.branch.id,
            service_id=self.service.id,
            employee_id=self.other_servant.id,
        )
        Survey = self.env["survey.survey"]
        by_office = Survey.quality_indicator("2014-01-01", "2014-12-31", office=self.branch)
        self.assertEqual((by_office["respondents"], by_office["satisfied"]), (2, 1))
        by_servant = Survey.quality_indicator(
            "2014-01-01", "2014-12-31", "staff", employee=self.servant.id
        )
        self.assertEqual((by_servant["respondents"], by_servant["satisfied"]), (2, 1))
        by_service = Survey.quality_indicator(
            "2014-01-01", "2014-12-31", service=self.service, office=self.branch
        )
        self.assertEqual((by_service["respondents"], by_service["rate"]), (1, 100.0))
        both_offices = Survey.quality_indicator(
            "2014-01-01", "2014-12-31", office=self.centre | self.branch
        )
        self.assertEqual(both_offices["rate"], 66.67)

    def test_indicator_of_the_current_company(self):
        foreign_office = self.env["municipal.office"].create(
            {"name": "Foreign office", "company_id": self.other_company.id}
        )
        self.other_company.quality_target = 50
        self._staff("negative", "positive", office_id=foreign_office.id)
        self._staff("positive", "positive")
        self.assertEqual(self.indicator()["respondents"], 1)
        self.assertEqual(self.indicator()["rate"], 100.0)
        foreign = self.survey.with_company(self.other_company).quality_indicator(
            "2014-01-01", "2014-12-31"
        )
        self.assertEqual(
            foreign,
            {
                "respondents": 1,
                "satisfied": 0,
                "rate": 0.0,
                "target": 50.0,
                "met": False,
                "shown": False,
            },
        )

    def test_other_surveys_do_not_count(self):
        plain = self._quality_survey("Not a quality survey")
        plain.is_quality_survey = False
        q_courtesy = plain.question_ids.sorted("sequence")[1]
        self._respond({q_courtesy: "negative"}, survey=plain, office_id=self.centre.id)
        self._staff("positive", "positive", office_id=self.centre.id)
        result = self.env["survey.survey"].quality_indicator(
            "2014-01-01", "2014-12-31", office=self.centre
        )
        self.assertEqual((result["respondents"], result["satisfied"]), (1, 1))

    def test_answers_follow_the_tagging(self):
        response = self._staff("neutral", "positive")
        self.assertEqual(self.indicator()["satisfied"], 0)
        # the administration decides that 'hard to say' is in the positive part of its scale
        self._answer_of(self.q_courtesy, "neutral").satisfaction = "positive"
        self.assertEqual(self.indicator()["satisfied"], 1)
        self.assertEqual(set(response.user_input_line_ids.mapped("satisfaction")), {"positive"})
        self.q_courtesy.quality_dimension = "information"
        self.assertEqual(self.indicator("information")["respondents"], 1)

    def test_bad_arguments(self):
        with self.assertRaisesText(UserError, "Unknown quality dimension"):
            self.indicator("kindness")
        with self.assertRaisesText(UserError, "after its end date"):
            self.indicator(date_from="2014-12-31", date_to="2014-01-01")
        with self.assertRaisesText(UserError, "Expected municipal.office"):
            self.env["survey.survey"].quality_indicator(
                "2014-01-01", "2014-12-31", office=self.service
            )
