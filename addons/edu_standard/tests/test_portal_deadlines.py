"""Issue 13 (parents): the portal warns of a late complaint to the head and offers the
department; the applicant takes the head's answer to the department from the portal."""

from datetime import date, timedelta

from odoo import Command, fields, http
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFilingWarning(TransactionCase):
    def test_cases(self):
        warning = self.env["edu.complaint"]._filing_warning
        violation = date(2026, 3, 1)
        # in time for the head (10 days) and for the department (30 days)
        self.assertEqual(warning("organization", violation, date(2026, 3, 11)), {})
        self.assertEqual(warning("department", violation, date(2026, 3, 31)), {})
        # the head's 10 days are over: the department's are still open
        late = warning("organization", violation, date(2026, 3, 12))
        self.assertEqual(late["case"], "head_late_department_open")
        self.assertEqual(late["head_deadline"], date(2026, 3, 11))
        self.assertEqual(late["department_deadline"], date(2026, 3, 31))
        # both are over
        self.assertEqual(warning("organization", violation, date(2026, 4, 1))["case"], "all_late")
        self.assertEqual(warning("department", violation, date(2026, 4, 1))["case"], "all_late")
        self.assertEqual(warning("court", violation, date(2026, 4, 1)), {})


class PortalCase(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.parent = new_test_user(
            cls.env,
            login="edu_late_parent",
            password="edu_late_parent",
            groups="base.group_portal",
            name="Late Parent",
        )
        cls.other_parent = new_test_user(
            cls.env,
            login="edu_late_other",
            password="edu_late_other",
            groups="base.group_portal",
            name="Other Parent",
        )
        cls.head = new_test_user(
            cls.env, login="edu_late_head", groups="edu_standard.group_edu_organization"
        )
        cls.department = new_test_user(
            cls.env, login="edu_late_department", groups="edu_standard.group_edu_user"
        )
        cls.env.company.edu_department_user_id = cls.department
        cls.organization = cls.env["edu.organization"].create(
            {
                "name": "Portal tour school",
                "head_user_id": cls.head.id,
                "user_ids": [Command.set(cls.head.ids)],
            }
        )
        cls.today = fields.Date.context_today(cls.parent.with_user(cls.parent))

    def _post_new(self, violation_days_ago, level="organization", **extra):
        return self.url_open(
            "/my/edu_complaints/new",
            data={
                "organization_id": self.organization.id,
                "level": level,
                "applicant_role": "parent",
                "pupil_name": "Late Pupil",
                "violation_date": (self.today - timedelta(days=violation_days_ago)).isoformat(),
                "description": "Classes cancelled without notice",
                "legal_capacity": "1",
                "csrf_token": http.Request.csrf_token(self),
                **extra,
            },
        )

    def _filed(self):
        return self.env["edu.complaint"].search(
            [("applicant_id", "=", self.parent.partner_id.id), ("pupil_name", "=", "Late Pupil")]
        )


@tagged("post_install", "-at_install")
class TestPortalLateFiling(PortalCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_phone_tour_warns_and_offers_the_department(self):
        self.start_tour(
            "/my/edu_complaints/new", "edu_standard_portal_late_tour", login="edu_late_parent"
        )
        complaint = self._filed()
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.level, "department")
        self.assertFalse(complaint.filed_late, "the department's 30 days were open")
        self.assertEqual(complaint.responsible_user_id, self.department)

    def test_late_complaint_to_the_head_is_not_filed_without_confirmation(self):
        self.authenticate("edu_late_parent", "edu_late_parent")
        response = self._post_new(15)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self._filed(), "nothing filed before the applicant confirms")
        self.assertIn("The 10 days for a complaint to the head of the organisation", response.text)
        self.assertIn("o_edu_to_department", response.text, "the department is offered")
        self.assertIn("o_edu_late_unconfirmed", response.text)
        # the alternative: the same complaint to the department is filed in time
        self._post_new(15, level="department")
        complaint = self._filed()
        self.assertEqual(complaint.level, "department")
        self.assertFalse(complaint.filed_late)

    def test_late_complaint_to_the_head_filed_once_confirmed(self):
        self.authenticate("edu_late_parent", "edu_late_parent")
        self._post_new(15, confirm_late="1")
        complaint = self._filed()
        self.assertEqual(complaint.level, "organization")
        self.assertTrue(complaint.filed_late)

    def test_after_both_deadlines_no_department_is_offered(self):
        self.authenticate("edu_late_parent", "edu_late_parent")
        response = self._post_new(40)
        self.assertFalse(self._filed())
        self.assertIn("are over too", response.text)
        # the department is not offered
        self.assertIn("o_edu_case_department_open d-none", response.text)

    def test_complaint_in_time_has_no_warning(self):
        self.authenticate("edu_late_parent", "edu_late_parent")
        self._post_new(3)
        complaint = self._filed()
        self.assertEqual(complaint.level, "organization")
        self.assertFalse(complaint.filed_late)


@tagged("post_install", "-at_install")
class TestPortalEscalation(PortalCase):
    @classmethod
    def _answered(cls, user, violation_days_ago=5, filed_days_ago=3):
        complaint = cls.env["edu.complaint"].create(
            {
                "applicant_id": user.partner_id.id,
                "organization_id": cls.organization.id,
                "legal_capacity_confirmed": True,
                "description": f"Complaint of {user.name}",
                "violation_date": cls.today - timedelta(days=violation_days_ago),
                "date_filed": cls.today - timedelta(days=filed_days_ago),
                "channel": "portal",
            }
        )
        complaint.action_refuse("unfounded", "No violation was found.")
        return complaint

    def _escalate(self, complaint):
        return self.url_open(
            f"/my/edu_complaints/{complaint.id}/escalate",
            data={"csrf_token": http.Request.csrf_token(self)},
        )

    def test_phone_tour_takes_the_answer_to_the_department(self):
        complaint = self._answered(self.parent)
        self.browser_size = "390x844"
        self.start_tour(
            complaint.get_portal_url(),
            "edu_standard_portal_escalation_tour",
            login="edu_late_parent",
        )
        escalated = complaint.escalated_to_id
        self.assertEqual(escalated.level, "department")
        self.assertEqual(escalated.date_filed, self.today)
        self.assertTrue(escalated.legal_capacity_confirmed)

    def test_applicant_takes_the_answer_to_the_department(self):
        complaint = self._answered(self.parent)
        self.authenticate("edu_late_parent", "edu_late_parent")
        page = self.url_open(f"/my/edu_complaints/{complaint.id}").text
        self.assertIn("Take it to the education department", page)
        response = self._escalate(complaint)
        self.assertEqual(response.status_code, 200)
        escalated = complaint.escalated_to_id
        self.assertTrue(escalated)
        self.assertEqual(escalated.level, "department")
        self.assertEqual(escalated.escalated_from_id, complaint)
        self.assertEqual(escalated.applicant_id, self.parent.partner_id)
        self.assertEqual(escalated.date_filed, self.today, "registered on the day of filing")
        self.assertEqual(escalated.channel, "portal")
        self.assertEqual(escalated.responsible_user_id, self.department)
        self.assertFalse(escalated.filed_late)
        self.assertEqual(complaint.state, "closed")
        self.assertIn(escalated.name, response.text, "the parent lands on the new complaint")
        # once only
        page = self.url_open(f"/my/edu_complaints/{complaint.id}").text
        self.assertNotIn("Take it to the education department", page)
        self.assertIn(escalated.name, page)
        response = self._escalate(complaint)
        self.assertIn("already taken to the education department", response.text)
        self.assertEqual(
            self.env["edu.complaint"].search_count([("escalated_from_id", "=", complaint.id)]), 1
        )

    def test_another_parents_complaint_is_refused(self):
        complaint = self._answered(self.parent)
        self.authenticate("edu_late_other", "edu_late_other")
        before = self.env["edu.complaint"].search_count([])
        response = self._escalate(complaint)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Complaint of Late Parent", response.text)
        complaint.invalidate_recordset()
        self.assertFalse(complaint.escalated_to_id)
        self.assertEqual(complaint.state, "answered")
        self.assertEqual(self.env["edu.complaint"].search_count([]), before)
        # nor through the model's own check
        self.assertTrue(complaint._applicant_escalation_error(self.other_parent))

    def test_not_before_the_answer(self):
        complaint = self.env["edu.complaint"].create(
            {
                "applicant_id": self.parent.partner_id.id,
                "organization_id": self.organization.id,
                "legal_capacity_confirmed": True,
                "description": "Open complaint",
                "violation_date": self.today - timedelta(days=2),
                "date_filed": self.today,
            }
        )
        self.authenticate("edu_late_parent", "edu_late_parent")
        self.assertNotIn(
            "Take it to the education department",
            self.url_open(f"/my/edu_complaints/{complaint.id}").text,
        )
        response = self._escalate(complaint)
        self.assertIn("has not answered the complaint", response.text)
        self.assertFalse(complaint.escalated_to_id)

    def test_not_after_the_departments_30_days(self):
        complaint = self._answered(self.parent, violation_days_ago=40, filed_days_ago=35)
        self.authenticate("edu_late_parent", "edu_late_parent")
        page = self.url_open(f"/my/edu_complaints/{complaint.id}").text
        self.assertNotIn("Take it to the education department", page)
        self.assertIn("apply to a court", page)
        response = self._escalate(complaint)
        self.assertIn(
            "The 30 days for a complaint to the education department ended", response.text
        )
        self.assertFalse(complaint.escalated_to_id)

    def test_visitor_with_the_link_sees_no_escalation(self):
        complaint = self._answered(self.parent)
        page = self.url_open(complaint.get_portal_url()).text
        self.assertIn("Complaint of Late Parent", page)
        self.assertNotIn("Take it to the education department", page)

    def test_an_error_text_in_the_url_is_not_shown(self):
        complaint = self._answered(self.parent)
        self.authenticate("edu_late_parent", "edu_late_parent")
        page = self.url_open(
            f"/my/edu_complaints/{complaint.id}?escalation_error=Call+0900+to+appeal"
        ).text
        self.assertNotIn("Call 0900", page)
