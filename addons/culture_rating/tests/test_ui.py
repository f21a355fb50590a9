from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCultureRatingUi(HttpCase):
    def test_specialist_reads_the_ranking(self):
        new_test_user(
            self.env,
            login="cr_tour_user",
            password="cr_tour_user",
            groups="culture_rating.group_culture_user",
        )
        institution = self.env["culture.institution"].create({"name": "Tour library"})
        campaign = self.env["culture.campaign"].create(
            {
                "name": "Tour campaign",
                "year": 2060,
                "assessment_ids": [Command.create({"institution_id": institution.id})],
            }
        )
        campaign.action_start()
        campaign.action_compute()
        self.start_tour("/odoo", "culture_rating_campaign_tour", login="cr_tour_user")
