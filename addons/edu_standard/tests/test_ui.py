from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestEduStandardUi(HttpCase):
    def test_department_officer_reads_assessment_and_complaints(self):
        officer = new_test_user(
            self.env,
            login="edu_tour_officer",
            password="edu_tour_officer",
            groups="edu_standard.group_edu_user",
        )
        organization = self.env["edu.organization"].create(
            {"name": "Tour school", "user_ids": [Command.set(officer.ids)]}
        )
        self.env["edu.standard.assessment"].create(
            {
                "organization_id": organization.id,
                "year": 2030,
                "positions_total": 100,
                "positions_filled": 93,  # 7 points below: 93
                "teachers_total": 10,
                "teachers_higher_education": 10,
                "teachers_trained": 10,
                "pupils_start": 10,
                "pupils_retained": 10,
                "hours_planned": 10,
                "hours_delivered": 10,
            }
        )
        today = fields.Date.context_today(self.env.user)
        self.env["edu.complaint"].create(
            {
                "applicant_id": officer.partner_id.id,
                "organization_id": organization.id,
                "legal_capacity_confirmed": True,
                "description": "Tour complaint",
                "violation_date": today - timedelta(days=1),
                "date_filed": today,
            }
        )
        self.start_tour("/odoo", "edu_standard_tour", login="edu_tour_officer")
