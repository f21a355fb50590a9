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
