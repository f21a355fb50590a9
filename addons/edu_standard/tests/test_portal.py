from datetime import timedelta

from odoo import Command, fields, http
from odoo.tests import HttpCase, new_test_user, tagged

FULL_FIGURES = {
    "positions_total": 10,
    "positions_filled": 10,
    "teachers_total": 10,
    "teachers_higher_education": 10,
    "teachers_trained": 10,
    "pupils_start": 10,
    "pupils_retained": 10,
    "hours_planned": 10,
    "hours_delivered": 10,
}


@tagged("post_install", "-at_install")
class TestPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.parent = new_test_user(
            cls.env,
            login="edu_portal_one",
            password="edu_portal_one",
            groups="base.group_portal",
            name="Portal Parent One",
        )
        cls.other_parent = new_test_user(
            cls.env,
            login="edu_portal_two",
            password="edu_portal_two",
            groups="base.group_portal",
            name="Portal Parent Two",
        )
        cls.head = new_test_user(
            cls.env, login="edu_portal_head", groups="edu_standard.group_edu_organization"
        )
        cls.organization = cls.env["edu.organization"].create(
            {
                "name": "Portal test art school",
                "head_user_id": cls.head.id,
                "user_ids": [Command.set(cls.head.ids)],
            }
        )
        # the portal controller dates a complaint in the portal user's time zone
        cls.today = fields.Date.context_today(cls.parent.with_user(cls.parent))
        cls.own = cls._complaint(cls.parent, "Own complaint about the timetable")
        cls.foreign = cls._complaint(cls.other_parent, "Secret complaint of the other parent")

    @classmethod
    def _complaint(cls, user, description):
        return cls.env["edu.complaint"].create(
            {
                "applicant_id": user.partner_id.id,
                "organization_id": cls.organization.id,
                "legal_capacity_confirmed": True,
                "description": description,
                "violation_date": cls.today - timedelta(days=2),
                "date_filed": cls.today,
                "channel": "portal",
            }
        )

    def test_list_shows_own_complaints_only(self):
        self.authenticate("edu_portal_one", "edu_portal_one")
        response = self.url_open("/my/edu_complaints")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.own.name, response.text)
        self.assertNotIn(self.foreign.name, response.text)

    def test_own_complaint_is_shown(self):
        self.authenticate("edu_portal_one", "edu_portal_one")
        response = self.url_open(f"/my/edu_complaints/{self.own.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Own complaint about the timetable", response.text)

    def test_direct_url_of_another_parents_complaint_is_refused(self):
        self.authenticate("edu_portal_one", "edu_portal_one")
        response = self.url_open(f"/my/edu_complaints/{self.foreign.id}")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Secret complaint", response.text)
        response = self.url_open(f"/my/edu_complaints/{self.foreign.id}?report_type=pdf")
        self.assertEqual(response.status_code, 404)
        response = self.url_open("/my/edu_complaints/999999999")
        self.assertEqual(response.status_code, 404)

    def test_anonymous_visitor_is_refused(self):
        response = self.url_open(f"/my/edu_complaints/{self.own.id}")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Own complaint", response.text)
        # with the document's share token the applicant's link works without logging in
        response = self.url_open(self.own.get_portal_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn("Own complaint about the timetable", response.text)

    def test_answer_letter_only_once_answered(self):
        self.authenticate("edu_portal_one", "edu_portal_one")
        url = f"/my/edu_complaints/{self.own.id}?report_type=html"
        self.assertEqual(self.url_open(url).status_code, 404)
        self.own.action_refuse("not_standard", "The timetable is not a requirement here.")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("The timetable is not a requirement here.", response.text)

    def test_parent_files_a_complaint(self):
        self.authenticate("edu_portal_two", "edu_portal_two")
        response = self.url_open("/my/edu_complaints/new")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Portal test art school", response.text)
        self.assertIn('name="description"', response.text, "the description box is rendered")
        violation_date = self.today - timedelta(days=3)
        data = {
            "organization_id": self.organization.id,
            "level": "organization",
            "applicant_role": "parent",
            "pupil_name": "Pupil Two",
            "violation_date": violation_date.isoformat(),
            "description": "No medical permission was asked before the competition.",
            "csrf_token": http.Request.csrf_token(self),
        }
        domain = [
            ("applicant_id", "=", self.other_parent.partner_id.id),
            ("pupil_name", "=", "Pupil Two"),
        ]
        # without the confirmation of the legal capacity (2.6.3): nothing filed, and said why
        response = self.url_open("/my/edu_complaints/new", data=data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self.env["edu.complaint"].search(domain))
        self.assertIn("Confirm your legal capacity", response.text)
        response = self.url_open("/my/edu_complaints/new", data={**data, "legal_capacity": "1"})
        self.assertEqual(response.status_code, 200)
        complaint = self.env["edu.complaint"].search(domain)
        self.assertEqual(len(complaint), 1)
        self.assertTrue(complaint.legal_capacity_confirmed)
        self.assertEqual(complaint.channel, "portal")
        self.assertEqual(complaint.portal_user_id, self.other_parent)
        self.assertEqual(complaint.date_filed, self.today)
        self.assertEqual(complaint.responsible_user_id, self.head)
        self.assertEqual(complaint.answer_deadline, self.today + timedelta(days=30))
        self.assertIn(complaint.name, response.text)
        # the other parent does not see it
        self.authenticate("edu_portal_one", "edu_portal_one")
        self.assertEqual(self.url_open(f"/my/edu_complaints/{complaint.id}").status_code, 404)

    def test_bad_input_is_refused_with_a_message(self):
        self.authenticate("edu_portal_one", "edu_portal_one")
        before = self.env["edu.complaint"].search_count([])
        response = self.url_open(
            "/my/edu_complaints/new",
            data={
                "organization_id": "abc",
                "level": "court",
                "applicant_role": "parent",
                "violation_date": (self.today + timedelta(days=1)).isoformat(),
                "description": " ",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Choose the organisation.", response.text)
        self.assertIn("This day is still to come.", response.text)
        self.assertIn("Describe the violation.", response.text)
        self.assertIn('name="description"', response.text)
        self.assertEqual(self.env["edu.complaint"].search_count([]), before)

    def test_portal_home_counts_own_complaints(self):
        self.authenticate("edu_portal_one", "edu_portal_one")
        response = self.url_open("/my")
        self.assertEqual(response.status_code, 200)
        self.assertIn("/my/edu_complaints", response.text)
        result = self.make_jsonrpc_request("/my/counters", {"counters": ["edu_complaint_count"]})
        self.assertEqual(result["edu_complaint_count"], 1)


@tagged("post_install", "-at_install")
class TestPublicResults(HttpCase):
    def test_public_page_lists_the_band_of_each_organisation(self):
        Organization = self.env["edu.organization"]
        compliant = Organization.create({"name": "Public test school A"})
        weak = Organization.create({"name": "Public test school B"})
        hidden = Organization.create({"name": "Public test school C"})
        Assessment = self.env["edu.standard.assessment"]
        Assessment.create({"organization_id": compliant.id, "year": 2031, **FULL_FIGURES})
        Assessment.create(
            {"organization_id": weak.id, "year": 2031, **FULL_FIGURES, "positions_filled": 9}
        )
        Assessment.search([("year", "=", 2031)]).action_confirm()
        Assessment.create({"organization_id": hidden.id, "year": 2031, **FULL_FIGURES})  # draft

        response = self.url_open("/edu_standard/results?year=2031")
        self.assertEqual(response.status_code, 200)
        text = response.text
        self.assertIn("Public test school A", text)
        self.assertIn("Public test school B", text)
        self.assertNotIn("Public test school C", text, "drafts are not published")
        self.assertIn("Complies with the Standard", text)
        self.assertIn("Mostly complies with the Standard", text)
        self.assertLess(text.index("Public test school A"), text.index("Public test school B"))
        # a year without results, or no year at all, still answers
        self.assertEqual(self.url_open("/edu_standard/results?year=1999").status_code, 200)
        self.assertEqual(self.url_open("/edu_standard/results?year=abc").status_code, 200)

    def test_public_page_shows_the_lowest_total(self):
        organization = self.env["edu.organization"].create({"name": "Public test school Z"})
        assessment = self.env["edu.standard.assessment"].create(
            {
                "organization_id": organization.id,
                "year": 2032,
                **FULL_FIGURES,
                "positions_filled": 0,
                "teachers_higher_education": 0,
                "teachers_trained": 0,
                "pupils_retained": 0,
                "hours_delivered": 0,
            }
        )
        assessment.action_confirm()
        self.assertEqual(assessment.total_points, 11)
        text = self.url_open("/edu_standard/results?year=2032").text
        self.assertIn('<td class="text-end">11</td>', text)
        self.assertIn("Does not comply with the Standard", text)
