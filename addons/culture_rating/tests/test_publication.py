import re

from odoo.tests import HttpCase, new_test_user, tagged

from .common import ALL_YES, CultureRatingCase


@tagged("post_install", "-at_install")
class TestPublicationAndPortal(CultureRatingCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = new_test_user(
            cls.env,
            login="cr_http_member",
            password="cr_http_member",
            groups="municipal_quality.group_public_council",
        )
        cls.outsider = new_test_user(
            cls.env, login="cr_http_portal", password="cr_http_portal", groups="base.group_portal"
        )
        cls.campaign = cls._campaign(cls.inst_a | cls.inst_b, year=2045)

    def _compute(self):
        self.respond(self.assessment_of(self.campaign, self.inst_a), ALL_YES)
        self.campaign.action_compute()

    def test_public_page_only_when_published(self):
        self._compute()
        self.assertEqual(self.url_open("/culture/rating/2045").status_code, 404)
        self.assertEqual(self.url_open("/culture/rating/2045/ranking.xlsx").status_code, 404)
        self.assertNotIn("T Library A", self.url_open("/culture/rating").text)
        self.campaign.action_approve()
        self.assertEqual(self.url_open("/culture/rating/2045").status_code, 404, "approved only")
        self.campaign.action_publish()
        page = self.url_open("/culture/rating/2045")
        self.assertEqual(page.status_code, 200)
        self.assertIn("T Library A", page.text)
        self.assertIn("T Museum B", page.text)
        self.assertIn(f"{self.assessment_of(self.campaign, self.inst_a).total:.2f}", page.text)
        self.assertIn("/culture/rating/2045", self.url_open("/culture/rating").text)
        xlsx = self.url_open("/culture/rating/2045/ranking.xlsx")
        self.assertEqual(xlsx.status_code, 200)
        self.assertEqual(xlsx.content[:2], b"PK")
        self.campaign.action_unpublish()
        self.assertEqual(self.url_open("/culture/rating/2045").status_code, 404)

    def test_portal_member_pages(self):
        self._compute()
        self.authenticate("cr_http_member", "cr_http_member")
        home = self.url_open("/my/culture")
        self.assertEqual(home.status_code, 200)
        self.assertIn(self.campaign.name, home.text)
        page = self.url_open(f"/my/culture/campaign/{self.campaign.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("not published yet", page.text)
        self.assertIn("Charter of the institution", page.text, "disclosure checks are shown")
        self.assertNotIn("o_culture_ranking", page.text)
        self.campaign.action_approve()
        self.campaign.action_publish()
        page = self.url_open(f"/my/culture/campaign/{self.campaign.id}")
        self.assertIn("o_culture_ranking", page.text)
        draft = self._campaign(self.inst_a, year=2046, start=False)
        self.assertEqual(self.url_open(f"/my/culture/campaign/{draft.id}").status_code, 404)
        # a proposal from the portal
        response = self.url_open(
            "/my/culture/proposal",
            data={
                "name": "Online voting",
                "description": "Add online voting to the procedure",
                "proposal_type": "procedure",
                "csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', home.text).group(1),
            },
        )
        self.assertEqual(response.status_code, 200)
        proposal = self.env["culture.proposal"].search([("name", "=", "Online voting")])
        self.assertEqual(proposal.author_id, self.member)
        self.assertEqual(proposal.proposal_type, "procedure")

    def test_portal_refuses_non_members(self):
        self._compute()
        self.campaign.action_approve()
        self.campaign.action_publish()
        self.authenticate("cr_http_portal", "cr_http_portal")
        self.assertEqual(self.url_open("/my/culture").status_code, 403)
        self.assertEqual(self.url_open(f"/my/culture/campaign/{self.campaign.id}").status_code, 403)
        response = self.url_open("/my/culture/proposal", data={"name": "x", "description": "y"})
        self.assertIn(response.status_code, (400, 403))
        self.assertFalse(self.env["culture.proposal"].search([("name", "=", "x")]))
        home = self.url_open("/my")
        self.assertNotIn("/my/culture", home.text)

    def test_portal_plans_and_minutes(self):
        self._compute()
        assessment = self.assessment_of(self.campaign, self.inst_a)
        plan = self.env["culture.improvement.plan"].create(
            {
                "assessment_id": assessment.id,
                "measure_ids": [
                    (0, 0, {"name": "Ramp at the entrance", "date_deadline": "2000-01-01"})
                ],
            }
        )
        meeting = self.env["culture.council.meeting"].create(
            {"name": "Results 2045", "minutes": "<p>Seven members present</p>"}
        )
        self.authenticate("cr_http_member", "cr_http_member")
        self.assertEqual(self.url_open(f"/my/culture/plan/{plan.id}").status_code, 404)
        self.assertEqual(self.url_open(f"/my/culture/meeting/{meeting.id}").status_code, 404)
        plan.action_approve()
        meeting.action_held()
        meeting.action_approve_minutes()
        page = self.url_open(f"/my/culture/plan/{plan.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Ramp at the entrance", page.text)
        self.assertIn("(overdue)", page.text)
        page = self.url_open(f"/my/culture/meeting/{meeting.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Seven members present", page.text)
        self.assertIn("Results 2045", self.url_open("/my/culture").text)
        self.authenticate("cr_http_portal", "cr_http_portal")
        self.assertEqual(self.url_open(f"/my/culture/plan/{plan.id}").status_code, 403)
        self.assertEqual(self.url_open(f"/my/culture/meeting/{meeting.id}").status_code, 403)
