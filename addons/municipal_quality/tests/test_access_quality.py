import re

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .quality_common import QualitySurveyCase


@tagged("post_install", "-at_install")
class TestQualityAccess(QualitySurveyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quality_user = new_test_user(
            cls.env, login="mq_q_user", groups="municipal_quality.group_quality_user"
        )
        cls.council_member = new_test_user(
            cls.env, login="mq_q_council", groups="municipal_quality.group_public_council"
        )
        cls.foreign_user = new_test_user(
            cls.env,
            login="mq_q_foreign",
            groups="municipal_quality.group_quality_user",
            company_id=cls.other_company.id,
            company_ids=[cls.other_company.id],
        )
        # a servant who, like every employee created from the default user, is a survey officer
        cls.servant_user.groups_id |= cls.env.ref("survey.group_survey_user")
        cls.mine = cls._staff_cls("positive", "positive", employee_id=cls.servant.id)
        cls.theirs = cls._staff_cls("negative", "negative", employee_id=cls.other_servant.id)
        cls.anonymous = cls._staff_cls("positive", "negative", office_id=cls.centre.id)

    def _results(self, user):
        return (
            self.env["municipal.quality.result"]
            .with_user(user)
            .search([("survey_id", "=", self.survey.id)])
        )

    def test_servant_sees_his_own_results_only(self):
        results = self._results(self.servant_user)
        self.assertEqual(results.user_input_id, self.mine)
        indicator = self.survey.with_user(self.servant_user).quality_indicator(
            "2014-01-01", "2014-12-31"
        )
        self.assertEqual((indicator["respondents"], indicator["satisfied"]), (1, 1))
        Response = self.env["survey.user_input"].with_user(self.servant_user)
        self.assertEqual(Response.search([("survey_id", "=", self.survey.id)]), self.mine)
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.servant_user).read(["state"])
        Line = self.env["survey.user_input.line"].with_user(self.servant_user)
        self.assertEqual(Line.search([("survey_id", "=", self.survey.id)]).user_input_id, self.mine)

    def test_quality_user_reads_the_company(self):
        results = self._results(self.quality_user)
        self.assertEqual(results.user_input_id, self.mine | self.theirs | self.anonymous)
        indicator = self.survey.with_user(self.quality_user).quality_indicator(
            "2014-01-01", "2014-12-31"
        )
        self.assertEqual((indicator["respondents"], indicator["satisfied"]), (3, 1))
        Response = self.env["survey.user_input"].with_user(self.quality_user)
        self.assertEqual(len(Response.search([("survey_id", "=", self.survey.id)])), 3)
        with self.assertRaises(AccessError):
            self.env["municipal.quality.dynamics"].with_user(self.servant_user).search([])

    def test_other_company_sees_nothing(self):
        self.assertFalse(self._results(self.foreign_user))
        Response = self.env["survey.user_input"].with_user(self.foreign_user)
        self.assertFalse(Response.search([("survey_id", "=", self.survey.id)]))

    def test_public_council_has_no_access_to_responses(self):
        for model in (
            "municipal.quality.result",
            "municipal.quality.dynamics",
            "survey.user_input",
        ):
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(self.council_member).search([])


@tagged("post_install", "-at_install")
class TestCouncilPortal(HttpCase):
    def test_council_reads_the_published_indicator_without_names(self):
        council = new_test_user(
            self.env,
            login="mq_portal_council",
            password="mq_portal_council",
            groups="municipal_quality.group_public_council",
        )
        company = self.env["res.company"].create({"name": "Council town", "quality_target": 80})
        council.write({"company_ids": [(4, company.id)], "company_id": company.id})
        office = self.env["municipal.office"].create(
            {"name": "Council office", "company_id": company.id}
        )
        servant = self.env["hr.employee"].create(
            {"name": "Secret Servantname", "company_id": company.id}
        )
        survey = self.env["survey.survey"].create(
            {
                "title": "Council questionnaire",
                "is_quality_survey": True,
                "access_mode": "public",
                "question_and_page_ids": [
                    (
                        0,
                        0,
                        {
                            "title": "Staff?",
                            "question_type": "simple_choice",
                            "quality_dimension": "staff",
                            "suggested_answer_ids": [
                                (0, 0, {"value": "Yes", "satisfaction": "positive"}),
                                (0, 0, {"value": "No", "satisfaction": "negative"}),
                            ],
                        },
                    )
                ],
            }
        )
        question = survey.question_ids
        for index, value in enumerate(("Yes", "Yes", "Yes", "No")):
            response = survey._create_answer(office_id=office.id, employee_id=servant.id)
            self.env["survey.user_input.line"].create(
                {
                    "user_input_id": response.id,
                    "question_id": question.id,
                    "answer_type": "suggestion",
                    "suggested_answer_id": question.suggested_answer_ids.filtered(
                        lambda a, v=value: a.value == v
                    ).id,
                }
            )
            response.write({"state": "done", "end_datetime": f"2014-0{index + 1}-10 10:00:00"})

        self.authenticate("mq_portal_council", "mq_portal_council")
        page = self.url_open("/my/quality")
        self.assertEqual(page.status_code, 404, "not published yet")
        company.quality_portal_published = True
        page = self.url_open("/my/quality")
        self.assertEqual(page.status_code, 200)
        self.assertIn("2014", page.text)
        self.assertIn("75.00", page.text)
        self.assertIn("Council office", page.text)
        self.assertNotIn("Secret Servantname", page.text)
        # 4 respondents, below the minimum of 5: the office's figure is not published
        office_row = re.search(r"<td>Council office</td>(.*?)</tr>", page.text, re.S).group(1)
        self.assertIn("too few answers", office_row)
        self.assertNotIn("75.00", office_row)
        company.quality_min_respondents = 4
        page = self.url_open("/my/quality")
        office_row = re.search(r"<td>Council office</td>(.*?)</tr>", page.text, re.S).group(1)
        self.assertIn("75.00", office_row)
        self.assertNotIn("too few answers", office_row)
        home = self.url_open("/my")
        self.assertIn("/my/quality", home.text)

    def test_other_users_get_no_indicator_page(self):
        new_test_user(
            self.env,
            login="mq_portal_plain",
            password="mq_portal_plain",
            groups="base.group_portal",
        )
        self.env.company.quality_portal_published = True
        self.authenticate("mq_portal_plain", "mq_portal_plain")
        self.assertEqual(self.url_open("/my/quality").status_code, 404)
