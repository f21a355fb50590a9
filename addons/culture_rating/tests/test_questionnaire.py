from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CultureRatingCase


@tagged("post_install", "-at_install")
class TestQuestionnaire(CultureRatingCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._campaign(cls.inst_a | cls.inst_b, year=2048)
        cls.a = cls.assessment_of(cls.campaign, cls.inst_a)
        cls.b = cls.assessment_of(cls.campaign, cls.inst_b)

    def test_one_link_per_institution(self):
        self.assertNotEqual(self.a.access_token, self.b.access_token)
        self.assertTrue(
            self.a.survey_url.endswith(f"/culture/q/{self.campaign.id}/{self.a.access_token}")
        )
        response = self.url_open(
            f"/culture/q/{self.campaign.id}/{self.a.access_token}", allow_redirects=False
        )
        self.assertIn(response.status_code, (302, 303))
        answer = self.env["survey.user_input"].search([("culture_assessment_id", "=", self.a.id)])
        self.assertEqual(len(answer), 1)
        self.assertEqual(answer.culture_channel, "online")
        self.assertIn(answer.access_token, response.headers["Location"])
        # a wrong token or another campaign's id: not found
        self.assertEqual(self.url_open(f"/culture/q/{self.campaign.id}/nope").status_code, 404)
        other = self._campaign(self.inst_a, year=2049)
        self.assertEqual(
            self.url_open(f"/culture/q/{other.id}/{self.a.access_token}").status_code, 404
        )
        page = self.url_open(f"/culture/q/{self.campaign.id}/{self.a.access_token}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Quality of the culture institutions: questionnaire", page.text)
        old_token = self.a.access_token
        self.a.action_regenerate_token()
        self.assertEqual(
            self.url_open(f"/culture/q/{self.campaign.id}/{old_token}").status_code, 404
        )

    def test_closed_campaign(self):
        self.campaign.action_compute()
        self.campaign.action_approve()
        response = self.url_open(f"/culture/q/{self.campaign.id}/{self.a.access_token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("closed", response.text)
        self.assertFalse(
            self.env["survey.user_input"].search([("culture_assessment_id", "=", self.a.id)])
        )

    def test_typed_in_entries_marked_by_channel(self):
        clerk = new_test_user(
            self.env,
            login="cr_clerk",
            password="cr_clerk",
            groups="culture_rating.group_culture_user",
        )
        wizard = (
            self.env["culture.response.entry"]
            .with_user(clerk)
            .create({"assessment_id": self.b.id, "channel": "phone"})
        )
        action = wizard.action_open_form()
        answer = self.env["survey.user_input"].search([("culture_assessment_id", "=", self.b.id)])
        self.assertEqual(answer.culture_channel, "phone")
        self.assertEqual(answer.culture_entered_by_id, clerk)
        self.assertIn(answer.access_token, action["url"])
        self.authenticate("cr_clerk", "cr_clerk")
        page = self.url_open(action["url"])
        self.assertEqual(page.status_code, 200)
        self.assertIn(f'data-answer-token="{answer.access_token}"', page.text)
        self.campaign.action_compute()
        self.assertEqual(self.b.response_count, 0, "counted once submitted")
        self.respond(self.b, {"comfort": True}, channel="hotline")
        self.campaign.action_compute()
        self.assertEqual(self.b.response_count, 1)
        self.assertEqual(self.scores(self.b)["2.3"], 100.0)
        self.campaign.action_compute()
        self.campaign.action_approve()
        with self.assertRaisesText(UserError, "does not collect"):
            self.env["culture.response.entry"].create(
                {"assessment_id": self.b.id, "channel": "paper"}
            ).action_open_form()

    def test_reload_resumes_the_unfinished_answer(self):
        url = f"/culture/q/{self.campaign.id}/{self.a.access_token}"
        self.url_open(url, allow_redirects=False)
        answer = self.env["survey.user_input"].search([("culture_assessment_id", "=", self.a.id)])
        self.opener.cookies.set(f"survey_{self.survey.access_token}", answer.access_token)
        response = self.url_open(url, allow_redirects=False)
        self.assertIn(answer.access_token, response.headers["Location"])
        self.assertEqual(
            self.env["survey.user_input"].search_count([("culture_assessment_id", "=", self.a.id)]),
            1,
        )
        # the same browser at another institution's poster starts a new answer for it
        self.url_open(f"/culture/q/{self.campaign.id}/{self.b.access_token}", allow_redirects=False)
        other = self.env["survey.user_input"].search([("culture_assessment_id", "=", self.b.id)])
        self.assertEqual(len(other), 1)
        # a finished answer is not resumed
        answer.state = "done"
        self.url_open(url, allow_redirects=False)
        self.assertEqual(
            self.env["survey.user_input"].search_count([("culture_assessment_id", "=", self.a.id)]),
            2,
        )
