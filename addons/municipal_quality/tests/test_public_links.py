from odoo import Command, fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestPublicLinksHttp(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.office = cls.env["municipal.office"].create({"name": "Tour office", "code": "TOUR"})
        cls.servant = cls.env["hr.employee"].create({"name": "Tour servant"})
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "Tour questionnaire",
                "is_quality_survey": True,
                "access_mode": "public",
                "questions_layout": "one_page",
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": title,
                            "sequence": sequence,
                            "question_type": "simple_choice",
                            "quality_dimension": dimension,
                            "suggested_answer_ids": [
                                Command.create(
                                    {"value": "Fully satisfied", "satisfaction": "positive"}
                                ),
                                Command.create(
                                    {"value": "Not satisfied", "satisfaction": "negative"}
                                ),
                                Command.create({"value": "Hard to say", "satisfaction": "neutral"}),
                            ],
                        }
                    )
                    for sequence, (title, dimension) in enumerate(
                        (
                            ("Were the premises comfortable?", "comfort"),
                            ("Was the servant polite and competent?", "staff"),
                        ),
                        start=1,
                    )
                ],
            }
        )
        cls.env.company.quality_survey_id = cls.survey

    def _path(self, record):
        return record._quality_link_path()

    def _responses(self):
        return self.env["survey.user_input"].search([("survey_id", "=", self.survey.id)])

    def assertInvalid(self, path, text="This questionnaire link is not valid"):
        before = self.env["survey.user_input"].search_count([])
        response = self.url_open(path, allow_redirects=False)
        self.assertEqual(response.status_code, 404, path)
        self.assertIn(text, response.text)
        self.assertNotIn("Traceback", response.text)
        self.assertEqual(self.env["survey.user_input"].search_count([]), before, "nothing stored")
        return response

    def test_office_link_creates_a_tagged_anonymous_response(self):
        response = self.url_open(self._path(self.office), allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        answer = self._responses()
        self.assertEqual(len(answer), 1)
        self.assertEqual(answer.office_id, self.office)
        self.assertFalse(answer.employee_id)
        self.assertFalse(answer.partner_id, "anonymous")
        self.assertTrue(
            response.headers["Location"].endswith(
                f"/survey/{self.survey.access_token}/{answer.access_token}"
            )
        )
        page = self.url_open(response.headers["Location"])
        self.assertEqual(page.status_code, 200)
        self.assertIn("Tour questionnaire", page.text)
        self.assertIn('name="viewport"', page.text)  # the page adapts to a phone

    def test_servant_link_names_the_servant(self):
        self.url_open(self._path(self.servant), allow_redirects=False)
        self.assertEqual(self._responses().employee_id, self.servant)

    def test_unknown_record(self):
        path = self._path(self.office)
        kind, _res_id, signature = path.rsplit("/", 3)[1:]
        self.assertInvalid(f"/quality/survey/{kind}/999999999/{signature}")
        self.office.unlink()
        self.assertInvalid(path)

    def test_archived_record(self):
        path = self._path(self.office)
        self.office.active = False
        self.assertInvalid(path)
        servant_path = self._path(self.servant)
        self.servant.active = False
        self.assertInvalid(servant_path)
        category = self.env["municipal.service.category"].create({"name": "Tour direction"})
        service = self.env["municipal.service"].create(
            {"code": "TOUR-S", "name": "Tour service", "category_id": category.id}
        )
        service_path = self._path(service)
        response = self.url_open(service_path, allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self._responses().service_id, service)
        service.active = False
        self.assertInvalid(service_path)

    def test_tampered_links(self):
        other = self.env["municipal.office"].create({"name": "Other office"})
        signature = self._path(self.office).rsplit("/", 1)[1]
        self.assertInvalid(f"/quality/survey/office/{other.id}/{signature}")
        self.assertInvalid(f"/quality/survey/service/{self.office.id}/{signature}")
        self.assertInvalid(f"/quality/survey/mayor/{self.office.id}/{signature}")
        self.assertInvalid(f"/quality/survey/office/{self.office.id}/forged")

    def test_closed_questionnaire(self):
        self.env["survey.survey"].search([("is_quality_survey", "=", True)]).active = False
        self.assertInvalid(self._path(self.office), text="The questionnaire is closed")

    def test_citizen_answers_through_the_office_link(self):
        self.start_tour(self._path(self.office), "municipal_quality_citizen_survey_tour")
        answer = self._responses()
        self.assertEqual(len(answer), 1)
        self.assertEqual(answer.state, "done")
        self.assertEqual(answer.office_id, self.office)
        today = fields.Date.today()
        result = self.env["survey.survey"].quality_indicator(today, today, office=self.office)
        self.assertEqual(result["respondents"], 1)
        self.assertEqual(result["satisfied"], 1)
        self.assertEqual(result["rate"], 100.0)
        comfort = self.env["survey.survey"].quality_indicator(
            today, today, "comfort", office=self.office
        )
        self.assertEqual((comfort["respondents"], comfort["satisfied"]), (1, 0))
