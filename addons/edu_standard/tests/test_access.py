from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import EduStandardCase


@tagged("post_install", "-at_install")
class TestAccess(EduStandardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own_complaint = cls._complaint()
        cls.other_complaint = cls._complaint(
            applicant=cls.other_parent_user.partner_id, organization=cls.other_organization
        )
        cls.foreign_user = new_test_user(
            cls.env,
            login="edu_foreign",
            groups="edu_standard.group_edu_manager",
            company_id=cls.other_company.id,
            company_ids=[cls.other_company.id],
        )

    def test_groups_imply_each_other(self):
        self.assertTrue(self.manager_user.has_group("edu_standard.group_edu_user"))
        self.assertTrue(self.department_user.has_group("edu_standard.group_edu_organization"))
        self.assertFalse(self.head_user.has_group("edu_standard.group_edu_user"))

    def test_portal_user_reads_only_own_complaints(self):
        Complaint = self.env["edu.complaint"].with_user(self.parent_user)
        self.assertEqual(Complaint.search([]), self.own_complaint)
        self.assertEqual(
            self.own_complaint.with_user(self.parent_user).description,
            "Classes moved to 20:00 without notice",
        )
        with self.assertRaises(AccessError):
            self.other_complaint.with_user(self.parent_user).read(["description"])
        OtherComplaint = self.env["edu.complaint"].with_user(self.other_parent_user)
        self.assertEqual(OtherComplaint.search([]), self.other_complaint)
        with self.assertRaises(AccessError):
            self.own_complaint.with_user(self.other_parent_user).read(["description"])

    def test_portal_user_cannot_write_or_create(self):
        with self.assertRaises(AccessError):
            self.own_complaint.with_user(self.parent_user).write({"description": "Changed"})
        with self.assertRaises(AccessError):
            self.env["edu.complaint"].with_user(self.parent_user).create(
                {
                    "applicant_id": self.parent_user.partner_id.id,
                    "organization_id": self.organization.id,
                    "description": "x",
                    "violation_date": "2024-03-01",
                }
            )
        with self.assertRaises(AccessError):
            self.env["edu.standard.assessment"].with_user(self.parent_user).search([])
        with self.assertRaises(AccessError):
            self.env["edu.complaint.violation"].with_user(self.parent_user).search([])

    def test_staff_see_their_organisation_only(self):
        Complaint = self.env["edu.complaint"].with_user(self.head_user)
        self.assertEqual(Complaint.search([]), self.own_complaint)
        with self.assertRaises(AccessError):
            self.other_complaint.with_user(self.head_user).read(["description"])
        Organization = self.env["edu.organization"].with_user(self.head_user)
        self.assertEqual(Organization.search([]), self.organization)
        with self.assertRaises(AccessError):
            Organization.create({"name": "New school"})

    def test_department_sees_every_organisation(self):
        Complaint = self.env["edu.complaint"].with_user(self.department_user)
        found = Complaint.search([("id", "in", (self.own_complaint | self.other_complaint).ids)])
        self.assertEqual(found, self.own_complaint | self.other_complaint)
        with self.assertRaises(AccessError):
            self.env["edu.organization"].with_user(self.department_user).create({"name": "X"})
        self.env["edu.organization"].with_user(self.manager_user).create({"name": "New school"})

    def test_other_company_sees_nothing(self):
        for record in (self.organization, self.own_complaint, self._assessment()):
            found = record.with_user(self.foreign_user).search([("id", "=", record.id)])
            self.assertFalse(found, record._name)

    def test_staff_cannot_change_who_has_access(self):
        organization = self.organization.with_user(self.head_user)
        organization.write({"head_name": "New head name", "note": "<p>Open 9-18</p>"})
        self.assertEqual(self.organization.head_name, "New head name")
        for vals in (
            {"user_ids": [(4, self.other_head_user.id)]},
            {"head_user_id": self.other_head_user.id},
            {"name": "Renamed"},
            {"active": False},
        ):
            with self.subTest(vals=vals), self.assertRaisesText(AccessError, "Only the education"):
                organization.write(vals)
        self.organization.with_user(self.department_user).write({"name": "Renamed"})
        self.assertEqual(self.organization.name, "Renamed")
