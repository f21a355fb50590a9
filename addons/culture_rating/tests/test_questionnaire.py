import re

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

    # ------------------------------------------------------------------ helpers
    def _responses(self, assessment):
        return self.env["survey.user_input"].search([("culture_assessment_id", "=", assessment.id)])

    def _voices(self):
        return self.env["municipal.quality.voice"].search([("link_kind", "=", "culture")])

    def _csrf(self, page):
        match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        self.assertTrue(match, "the page of the link has the Start form")
        return match.group(1)

    def _start(self, path, expect=303):
        """Open the link's page as a browser does, then press Start (a POST)."""
        page = self.url_open(path)
        self.assertEqual(page.status_code, 200, path)
        response = self.url_open(path, data={"csrf_token": self._csrf(page)}, allow_redirects=False)
        self.assertEqual(response.status_code, expect, response.text[:300])
        return response

    def assertNotFound(self, path):
        before = self.env["survey.user_input"].search_count([])
        response = self.url_open(path, allow_redirects=False)
        self.assertEqual(response.status_code, 404, path)
        self.assertNotIn("Traceback", response.text)
        self.assertEqual(self.env["survey.user_input"].search_count([]), before, "nothing stored")

    # ------------------------------------------------------------------ the base's link
    def test_one_link_per_institution_through_the_base_mechanism(self):
        path_a, path_b = self.a._quality_link_path(), self.b._quality_link_path()
        self.assertTrue(path_a.startswith(f"/quality/survey/culture/{self.a.id}/"))
        self.assertNotEqual(path_a.rsplit("/", 1)[1], path_b.rsplit("/", 1)[1])
        self.assertTrue(self.a.survey_url.endswith(path_a))
        self.assertEqual(self.a.quality_survey_url, self.a.survey_url)
        # the page of the link (previews, crawlers, a visitor who looks): nothing stored
        for _visit in range(3):
            page = self.url_open(path_a, allow_redirects=False)
            self.assertEqual(page.status_code, 200)
        self.assertIn("The questionnaire is anonymous", page.text)
        self.assertIn("Rate the quality of the services of the culture institution", page.text)
        self.assertIn("T Library A", page.text)
        self.assertFalse(self._responses(self.a))
        self.assertFalse(
            self.env["municipal.quality.voice"].search([("link_kind", "=", "culture")])
        )
        # Start: one anonymous response, tagged with the institution, online
        response = self._start(path_a)
        answer = self._responses(self.a)
        self.assertEqual(len(answer), 1)
        self.assertEqual(answer.survey_id, self.survey, "the campaign's questionnaire")
        self.assertEqual(answer.quality_link_kind, "culture")
        self.assertEqual(answer.culture_channel, "online")
        self.assertEqual(answer.state, "in_progress")
        self.assertFalse(answer.partner_id or answer.email or answer.nickname)
        self.assertEqual(answer.create_uid, self.env.ref("base.public_user"))
        self.assertTrue(
            response.headers["Location"].endswith(
                f"/survey/{self.survey.access_token}/{answer.access_token}"
            )
        )
        self.assertIn(f"msq_voice_culture_{self.a.id}=", response.headers["Set-Cookie"])
        voice = self.env["municipal.quality.voice"].search([("answer_id", "=", answer.id)])
        self.assertEqual((voice.link_kind, voice.link_res_id), ("culture", self.a.id))
        self.assertEqual(len(voice.address_hash), 32)
        self.assertNotIn("127.0.0.1", voice.address_hash)
        page = self.url_open(response.headers["Location"])
        self.assertEqual(page.status_code, 200)
        self.assertIn("Did you use the information stands", page.text)
        # a tampered signature, another institution's signature: not found, nothing stored
        self.assertNotFound(f"/quality/survey/culture/{self.a.id}/{'0' * 24}")
        tampered = self.url_open(f"/quality/survey/culture/{self.a.id}/{'0' * 24}")
        self.assertIn("questionnaire of a culture institution", tampered.text)
        self.assertNotFound(f"/quality/survey/culture/{self.a.id}/{path_b.rsplit('/', 1)[1]}")
        self.assertNotFound(f"/quality/survey/culture/999999999/{path_a.rsplit('/', 1)[1]}")
        # New link: the printed QR codes stop working
        self.a.action_regenerate_token()
        self.assertNotEqual(self.a._quality_link_path(), path_a)
        self.assertNotFound(path_a)

    def test_the_first_posters_address_leads_to_the_base_link(self):
        old = f"/culture/q/{self.campaign.id}/{self.a.access_token}"
        response = self.url_open(old, allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith(self.a._quality_link_path()))
        self.assertFalse(self._responses(self.a), "a GET stores nothing")
        self.assertEqual(self.url_open(f"/culture/q/{self.campaign.id}/nope").status_code, 404)
        other = self._campaign(self.inst_a, year=2049)
        self.assertEqual(
            self.url_open(f"/culture/q/{other.id}/{self.a.access_token}").status_code, 404
        )
        self.assertFalse(
            self.env["survey.user_input"].search([("culture_campaign_id", "=", other.id)])
        )

    def test_closed_campaign(self):
        path = self.a._quality_link_path()
        csrf = self._csrf(self.url_open(path))  # the page was opened while collecting
        self.campaign.action_compute()
        self.campaign.action_approve()
        for data in (None, {"csrf_token": csrf}):
            response = self.url_open(path, data=data, allow_redirects=False)
            self.assertEqual(response.status_code, 200)
            self.assertIn("The questionnaire is closed", response.text)
        self.assertFalse(self._responses(self.a))
        self.assertFalse(
            self.env["municipal.quality.voice"].search([("link_kind", "=", "culture")])
        )

    def test_one_voice_per_device_and_period(self):
        path = self.a._quality_link_path()
        self._start(path)
        answer = self._responses(self.a)
        # the same device comes back before finishing: the same response goes on
        resumed = self._start(path)
        self.assertIn(answer.access_token, resumed.headers["Location"])
        self.assertEqual(len(self._responses(self.a)), 1)
        # the same browser at another institution's poster starts a response for it
        self._start(self.b._quality_link_path())
        self.assertEqual(len(self._responses(self.b)), 1)
        # finished: a second answer from the device is refused, counted as suppressed
        csrf = self._csrf(self.url_open(path))
        answer.sudo()._mark_done()
        page = self.url_open(path)
        self.assertEqual(page.status_code, 429)
        self.assertIn("your opinion is already recorded", page.text)
        refused = self.url_open(path, data={"csrf_token": csrf}, allow_redirects=False)
        self.assertEqual(refused.status_code, 429)
        self.assertEqual(len(self._responses(self.a)), 1)
        suppressed = self.env["municipal.quality.voice"].search(
            [
                ("link_kind", "=", "culture"),
                ("link_res_id", "=", self.a.id),
                ("suppressed", "=", "device"),
            ]
        )
        self.assertEqual(len(suppressed), 1)

    def test_responses_per_address_are_limited(self):
        self.env.company.quality_voice_address_limit = 2
        path = self.a._quality_link_path()
        for _device in range(2):
            self.opener.cookies.clear()  # another phone behind the same address
            self._start(path)
        self.opener.cookies.clear()
        refused = self._start(path, expect=429)
        self.assertIn("Too many answers", refused.text)
        self.assertEqual(len(self._responses(self.a)), 2)

    def test_logged_in_portal_user_answers_anonymously(self):
        user = new_test_user(
            self.env,
            login="cr_visitor",
            password="cr_visitor",
            groups="base.group_portal",
            email="visitor@example.org",
        )
        self.authenticate("cr_visitor", "cr_visitor")
        path = self.a._quality_link_path()
        page = self.url_open(path)
        self.assertIn("You are logged in on this device", page.text)
        response = self._start(path)
        answer = self._responses(self.a)
        self.assertEqual(len(answer), 1)
        self.assertFalse(answer.partner_id)
        self.assertFalse(answer.email)
        self.assertFalse(answer.nickname)
        self.assertNotEqual(answer.create_uid, user)
        self.assertEqual(answer.create_uid, self.env.ref("base.public_user"))
        survey_page = self.url_open(response.headers["Location"])
        self.assertEqual(survey_page.status_code, 200)
        self.assertIn("Did you use the information stands", survey_page.text)
        self.assertNotIn("visitor@example.org", survey_page.text)

    def test_logged_in_portal_user_answers_on_a_phone(self):
        self.browser_size = "390x844"
        new_test_user(
            self.env,
            login="cr_tour_visitor",
            groups="base.group_portal",
            email="tour.visitor@example.org",
        )
        self.start_tour(
            self.a._quality_link_path(),
            "culture_rating_anonymous_questionnaire_tour",
            login="cr_tour_visitor",
        )
        answer = self._responses(self.a)
        self.assertEqual((len(answer), answer.state), (1, "done"))
        self.assertFalse(answer.partner_id or answer.email or answer.nickname)
        self.assertEqual(set(answer.user_input_line_ids.create_uid.mapped("login")), {"public"})
        self.assertEqual(answer.culture_channel, "online")
        self.campaign.action_compute()
        self.assertEqual(self.a.response_count, 1, "the anonymous answer counts")

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
