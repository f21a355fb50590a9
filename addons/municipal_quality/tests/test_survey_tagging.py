from odoo.exceptions import ValidationError

from .quality_common import QualitySurveyCase


class TestSurveyTagging(QualitySurveyCase):
    def test_dimension_only_on_choice_questions(self):
        with self.assertRaisesText(ValidationError, "multiple choice or a matrix question"):
            self.env["survey.question"].create(
                {
                    "survey_id": self.survey.id,
                    "title": "Your comments",
                    "question_type": "text_box",
                    "quality_dimension": "overall",
                }
            )
        with self.assertRaisesText(ValidationError, "multiple choice or a matrix question"):
            self.q_courtesy.question_type = "char_box"

    def test_lines_carry_dimension_and_satisfaction(self):
        response = self._staff("positive", "neutral")
        lines = response.user_input_line_ids.sorted("question_sequence")
        self.assertEqual(lines.mapped("quality_dimension"), ["staff", "staff"])
        self.assertEqual(lines.mapped("satisfaction"), ["positive", "neutral"])

    def test_response_tags_department_and_company(self):
        response = self._staff("positive", "positive", employee_id=self.servant.id)
        self.assertEqual(response.department_id, self.department)
        self.assertEqual(response.company_id, self.company)
        other_department = self.env["hr.department"].create({"name": "Housing"})
        self.service.department_id = other_department
        by_service = self._staff("positive", "positive", service_id=self.service.id)
        self.assertEqual(by_service.department_id, other_department)
        self.centre.department_id = self.department
        by_office = self._staff("positive", "positive", office_id=self.centre.id)
        self.assertEqual(by_office.department_id, self.department)

    def test_tags_of_one_company(self):
        foreign_office = self.env["municipal.office"].create(
            {"name": "Foreign office", "company_id": self.other_company.id}
        )
        with self.assertRaisesText(ValidationError, "same company"):
            self.survey._create_answer(office_id=foreign_office.id, service_id=self.service.id)
        response = self.survey._create_answer(office_id=foreign_office.id)
        self.assertEqual(response.company_id, self.other_company)

    def test_shipped_questionnaire(self):
        survey = self.env.ref("municipal_quality.survey_citizen_quality")
        self.assertTrue(survey.is_quality_survey)
        self.assertEqual(survey.access_mode, "public")
        self.assertFalse(survey.users_login_required)
        rated = survey.question_ids.filtered("quality_dimension")
        self.assertEqual(
            set(rated.mapped("quality_dimension")),
            {"comfort", "timing", "information", "staff", "overall"},
        )
        # a way to say why: one optional free-text question, outside the indicator
        (why,) = survey.question_ids - rated
        self.assertEqual(why.question_type, "text_box")
        self.assertFalse(why.constr_mandatory)
        self.assertEqual(why.title, "What should we improve? (optional)")
        for question in rated:
            self.assertEqual(
                sorted(question.suggested_answer_ids.mapped("satisfaction")),
                ["negative", "negative", "neutral", "positive", "positive"],
                question.title,
            )
        main_company = self.env.ref("base.main_company")
        self.assertEqual(self.env["survey.survey"]._quality_default_survey(main_company), survey)


class TestPublicLinks(QualitySurveyCase):
    def test_links_are_signed(self):
        url = self.centre.quality_survey_url
        prefix = f"{self.centre.get_base_url()}/quality/survey/office/{self.centre.id}/"
        self.assertTrue(url.startswith(prefix), url)
        signature = url.rsplit("/", 1)[1]
        Office = self.env["municipal.office"]
        self.assertTrue(Office._quality_link_check("office", self.centre.id, signature))
        self.assertFalse(Office._quality_link_check("office", self.branch.id, signature))
        self.assertFalse(Office._quality_link_check("service", self.centre.id, signature))
        self.assertFalse(Office._quality_link_check("office", self.centre.id, ""))
        self.assertIn("/quality/survey/service/", self.service.quality_survey_url)
        # the office tablet's kiosk link is a kind of its own, signed as such
        kiosk = self.centre.quality_kiosk_url.rsplit("/", 1)[1]
        self.assertTrue(Office._quality_link_check("kiosk", self.centre.id, kiosk))
        self.assertFalse(Office._quality_link_check("office", self.centre.id, kiosk))
        self.assertFalse(Office._quality_link_check("kiosk", self.centre.id, signature))
        self.assertIn("/quality/survey/servant/", self.servant.quality_survey_url)

    def test_qr_poster_of_each_kind(self):
        for record in (self.centre, self.service, self.servant):
            action = record.action_print_quality_poster()
            kind = record._quality_link_kind
            self.assertEqual(
                action["report_name"], f"municipal_quality.report_quality_poster_{kind}"
            )
            html, _type = self.env["ir.actions.report"]._render_qweb_html(
                action["report_name"], record.ids
            )
            html = html.decode()
            self.assertIn("data:image/png;base64,", html)
            self.assertIn(record.quality_survey_url, html)

    def test_company_questionnaire_setting(self):
        Survey = self.env["survey.survey"]
        self.company.quality_survey_id = self.survey
        self.assertEqual(Survey._quality_default_survey(self.company), self.survey)
        self.survey.active = False
        fallback = Survey._quality_default_survey(self.company)
        self.assertTrue(fallback.is_quality_survey)
        self.assertNotEqual(fallback, self.survey)
        settings = self.env["res.config.settings"].create({"quality_survey_id": self.survey.id})
        settings.execute()
        self.assertEqual(self.company.quality_survey_id, self.survey)

    def test_survey_for_new_company_falls_back(self):
        company = self.env["res.company"].create({"name": "Village", "quality_survey_id": False})
        survey = self.env["survey.survey"]._quality_default_survey(company)
        self.assertTrue(survey.is_quality_survey)
        self.assertEqual(survey.access_mode, "public")
