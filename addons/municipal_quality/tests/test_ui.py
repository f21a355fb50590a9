from datetime import date

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestMunicipalQualityUi(HttpCase):
    def test_quality_officer_browses_services_and_regulations(self):
        new_test_user(
            self.env,
            login="mq_tour_officer",
            password="mq_tour_officer",
            groups="municipal_quality.group_quality_user",
        )
        category = self.env["municipal.service.category"].create({"name": "Tour direction"})
        service = self.env["municipal.service"].create(
            {
                "code": "TOUR-1",
                "name": "Tour service",
                "category_id": category.id,
                "office_ids": [Command.create({"name": "Tour office"})],
            }
        )
        regulation = self.env["municipal.regulation"].create(
            {
                "name": "Tour regulation v1",
                "service_id": service.id,
                "act_number": "1-p",
                "act_date": date(2014, 1, 1),
            }
        )
        regulation.action_put_in_force()
        self.start_tour("/odoo", "municipal_quality_services_tour", login="mq_tour_officer")

    def test_quality_officer_reads_dynamics_and_plans_a_monitoring(self):
        new_test_user(
            self.env,
            login="mq_tour_monitor",
            password="mq_tour_monitor",
            groups="municipal_quality.group_quality_user",
            tz="UTC",
        )
        company = self.env["res.company"].create({"name": "Tour town"})
        office = self.env["municipal.office"].create(
            {"name": "Tour hall", "company_id": company.id}
        )
        survey = self.env["survey.survey"].create(
            {
                "title": "Tour officer questionnaire",
                "is_quality_survey": True,
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": "Servant?",
                            "question_type": "simple_choice",
                            "quality_dimension": "staff",
                            "suggested_answer_ids": [
                                Command.create({"value": "Yes", "satisfaction": "positive"}),
                                Command.create({"value": "No", "satisfaction": "negative"}),
                            ],
                        }
                    )
                ],
            }
        )
        question = survey.question_ids
        for value in ("Yes", "Yes", "No"):
            response = survey._create_answer(office_id=office.id)
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
            response.write({"state": "done", "end_datetime": "2014-06-01 10:00:00"})
        user = self.env["res.users"].search([("login", "=", "mq_tour_monitor")])
        user.write({"company_ids": [Command.set(company.ids)], "company_id": company.id})
        self.start_tour("/odoo", "municipal_quality_officer_tour", login="mq_tour_monitor")
        monitoring = self.env["municipal.monitoring"].search([("name", "=", "Tour monitoring")])
        self.assertEqual(monitoring.state, "in_progress")
        self.assertEqual(monitoring.company_id, company)
        self.assertEqual(monitoring.respondents, 3)
        self.assertEqual(monitoring.satisfaction_rate, 66.67)
