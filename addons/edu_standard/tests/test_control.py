from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import EduStandardCase


@tagged("post_install", "-at_install")
class TestControlCheck(EduStandardCase):
    def _check(self, **vals):
        return self.env["edu.control.check"].create(
            {
                "organization_id": self.organization.id,
                "check_type": "complaints_book",
                "date_from": date(2024, 3, 1),
                "date_to": date(2024, 3, 31),
                **vals,
            }
        )

    def test_complaints_book_lists_the_complaints_of_the_period(self):
        remedied = self._complaint(date_filed=date(2024, 3, 5))
        remedied.action_start_investigation()
        self._violation(remedied, remedy="Fixed", remedied=True)
        remedied.action_answer_remedied()
        refused = self._complaint(date_filed=date(2024, 3, 10))
        refused.action_refuse("not_standard", "Not about the Standard.")
        pending = self._complaint(date_filed=date(2024, 3, 31))
        self._complaint(violation_date=date(2024, 4, 1), date_filed=date(2024, 4, 1))
        self._complaint(organization=self.other_organization, date_filed=date(2024, 3, 6))

        check = self._check()
        self.assertTrue(check.name.startswith("EDU-K/"))
        check.action_load_complaints()
        self.assertEqual(check.line_ids.complaint_id, remedied | refused | pending)
        taken = {line.complaint_id: line.measures_taken for line in check.line_ids}
        self.assertEqual(taken, {remedied: True, refused: True, pending: False})
        self.assertEqual(check.complaint_count, 3)
        self.assertEqual(check.without_measures_count, 1)
        # listing again replaces the lines
        check.action_load_complaints()
        self.assertEqual(len(check.line_ids), 3)

    def test_period_is_required_and_consistent(self):
        check = self._check(date_from=False, date_to=False)
        with self.assertRaisesText(UserError, "Set the period"):
            check.action_load_complaints()
        with self.assertRaisesText(ValidationError, "cannot end before it starts"):
            self._check(date_from=date(2024, 3, 31), date_to=date(2024, 3, 1))

    def test_done_check_is_locked(self):
        check = self._check()
        with self.assertRaisesText(UserError, "Record the findings"):
            check.action_done()
        check.findings = "<p>The book is kept.</p>"
        check.action_done()
        with self.assertRaisesText(UserError, "'Measures' can no longer be changed"):
            check.write({"measures": "<p>Other</p>"})
        with self.assertRaisesText(UserError, "cannot be deleted"):
            check.unlink()
        with self.assertRaisesText(UserError, "is done"):
            check.action_load_complaints()
        with self.assertRaisesText(AccessError, "Head of the education department"):
            check.with_user(self.department_user).action_reset_to_draft()
        check.with_user(self.manager_user).action_reset_to_draft()
        check.write({"measures": "<p>Other</p>"})
        with self.assertRaisesText(UserError, "changes only through the buttons"):
            check.write({"state": "done"})

    def test_staff_record_internal_checks_only(self):
        Check = self.env["edu.control.check"].with_user(self.head_user)
        internal = Check.create(
            {
                "organization_id": self.organization.id,
                "control_kind": "internal",
                "check_type": "inspection",
            }
        )
        self.assertEqual(internal.control_kind, "internal")
        with self.assertRaisesText(
            ValidationError, "External control is carried out by the founder"
        ):
            Check.create(
                {
                    "organization_id": self.organization.id,
                    "control_kind": "external",
                    "check_type": "inspection",
                }
            )
        external = (
            self.env["edu.control.check"]
            .with_user(self.department_user)
            .create({"organization_id": self.organization.id, "check_type": "monitoring"})
        )
        self.assertEqual(external.control_kind, "external")

    def test_lines_of_a_done_check_are_locked(self):
        self._complaint(date_filed=date(2024, 3, 5))
        check = self._check(findings="<p>The book is kept.</p>")
        check.action_load_complaints()
        check.with_user(self.department_user).action_done()
        line = check.line_ids
        self.assertEqual(len(line), 1)
        with self.assertRaisesText(UserError, "'Note' can no longer be changed"):
            line.write({"note": "forged"})
        with self.assertRaisesText(UserError, "cannot be deleted"):
            line.unlink()
        with self.assertRaisesText(UserError, "is done"):
            self.env["edu.control.check.line"].create(
                {"check_id": check.id, "complaint_id": line.complaint_id.id}
            )
        self.assertFalse(line.note)

    def test_who_closes_a_check(self):
        """External checks are the department's (2.8.4); internal checks the staff of that
        organisation (2.8.2) or the department."""
        external = self._check(findings="<p>Checked.</p>")
        self.assertEqual(external.control_kind, "external")
        with self.assertRaisesText(AccessError, "belongs to the education department"):
            external.with_user(self.head_user).action_done()
        with self.assertRaisesText(AccessError, "belongs to the education department"):
            external.with_user(self.head_user).write({"control_kind": "internal"})
        with self.assertRaisesText(AccessError, "belongs to the education department"):
            external.with_user(self.head_user).write({"findings": "<p>Forged.</p>"})
        self.assertEqual(external.state, "draft")
        self.assertEqual(external.control_kind, "external")
        internal = (
            self.env["edu.control.check"]
            .with_user(self.head_user)
            .create(
                {
                    "organization_id": self.organization.id,
                    "control_kind": "internal",
                    "check_type": "inspection",
                    "findings": "<p>Internal check.</p>",
                }
            )
        )
        foreign = self._check(
            organization_id=self.other_organization.id,
            control_kind="internal",
            findings="<p>Internal check.</p>",
        )
        with self.assertRaises(AccessError):  # another organisation's: not even readable
            foreign.with_user(self.head_user).action_done()
        self.assertEqual(foreign.state, "draft")
        internal.with_user(self.head_user).action_done()
        self.assertEqual(internal.state, "done")
        with self.assertRaisesText(AccessError, "Head of the education department"):
            internal.with_user(self.head_user).action_reset_to_draft()
        external.with_user(self.department_user).action_done()
        self.assertEqual(external.state, "done")
        external.with_user(self.manager_user).action_reset_to_draft()
        self.assertEqual(external.state, "draft")


@tagged("post_install", "-at_install")
class TestOrganizationDocuments(EduStandardCase):
    def test_expiry_states_and_reminder(self):
        today = fields.Date.context_today(self.env.user)
        Document = self.env["edu.organization.document"]
        valid = Document.create(
            {
                "organization_id": self.organization.id,
                "name": "Licence 1",
                "document_type": "licence",
            }
        )
        expiring = Document.create(
            {
                "organization_id": self.organization.id,
                "name": "Accreditation 2",
                "document_type": "accreditation",
                "expiry_date": today + timedelta(days=60),
            }
        )
        later = Document.create(
            {
                "organization_id": self.organization.id,
                "name": "Accreditation 3",
                "document_type": "accreditation",
                "expiry_date": today + timedelta(days=61),
            }
        )
        expired = Document.create(
            {
                "organization_id": self.other_organization.id,
                "name": "Licence 4",
                "expiry_date": today - timedelta(days=1),
            }
        )
        self.assertEqual(
            [valid.state, expiring.state, later.state, expired.state],
            ["valid", "expiring", "valid", "expired"],
        )
        self.assertTrue(self.organization.document_alert)
        with self.assertRaisesText(ValidationError, "cannot expire before it was issued"):
            later.write({"issue_date": today + timedelta(days=100)})

        Document._cron_remind_expiry()
        self.assertTrue(expiring.expiry_reminded)
        self.assertTrue(expired.expiry_reminded)
        self.assertFalse(later.expiry_reminded)
        activity = self.organization.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.head_user)
        self.assertEqual(activity.date_deadline, expiring.expiry_date)
        Document._cron_remind_expiry()
        self.assertEqual(len(self.organization.activity_ids), 1, "reminded once")
        expiring.expiry_date = today + timedelta(days=30)
        self.assertFalse(expiring.expiry_reminded, "a new expiry date is reminded again")
