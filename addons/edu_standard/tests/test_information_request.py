"""Section 2.7.2: a request for information is its own kind, not a complaint."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import EduStandardCase


@tagged("post_install", "-at_install")
class TestInformationRequest(EduStandardCase):
    def _request(self, user=None, **vals):
        Request = self.env["edu.information.request"]
        if user:
            Request = Request.with_user(user)
        return Request.create(
            {
                "subject": "Timetable of the robotics club",
                "applicant_id": self.parent_user.partner_id.id,
                "organization_id": self.organization.id,
                "channel": "oral",
                "question": "When do the classes of the robotics club take place?",
                **vals,
            }
        )

    def test_a_request_is_not_a_complaint(self):
        complaints = self.env["edu.complaint"].search_count([])
        request = self._request(user=self.department_user)
        self.assertEqual(self.env["edu.complaint"].search_count([]), complaints)
        self.assertNotIn("violation_date", request._fields, "no violation, no filing term")
        self.assertNotIn("level", request._fields)
        self.assertEqual(
            dict(request._fields["channel"].selection), {"written": "Written", "oral": "Oral"}
        )

    def test_answered_by_the_department_then_locked(self):
        request = self._request(user=self.department_user)
        with self.assertRaisesText(UserError, "Write the information given"):
            request.action_answer()
        request.answer = "On Tuesdays and Thursdays at 16:00."
        request.with_user(self.department_user).action_answer()
        self.assertEqual(request.state, "answered")
        self.assertTrue(request.answer_date)
        with self.assertRaisesText(UserError, "can no longer be changed"):
            request.with_user(self.department_user).answer = "Changed"
        with self.assertRaisesText(UserError, "already answered"):
            request.with_user(self.department_user).action_answer()

    def test_addressed_to_the_department_only(self):
        with self.assertRaises(AccessError):
            self._request(user=self.head_user)
        request = self._request(answer="x")
        with self.assertRaises(AccessError):
            request.with_user(self.head_user).action_answer()
        with self.assertRaises(AccessError):
            request.with_user(self.parent_user).read(["question"])

    def test_state_only_through_the_button(self):
        request = self._request(user=self.department_user)
        with self.assertRaisesText(UserError, "only through the buttons"):
            request.with_user(self.department_user).write({"state": "answered"})
