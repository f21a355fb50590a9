from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from .common import MunicipalQualityCase


class TestMunicipalOffice(MunicipalQualityCase):
    def test_branch_complete_name(self):
        self.assertEqual(self.branch.complete_name, "Service centre / North branch")
        self.centre.name = "Central office"
        self.assertEqual(self.branch.complete_name, "Central office / North branch")

    def test_branches_found_under_their_centre(self):
        sub_branch = self.env["municipal.office"].create(
            {"name": "Kiosk", "office_type": "branch", "parent_id": self.branch.id}
        )
        found = self.env["municipal.office"].search([("id", "child_of", self.centre.id)])
        self.assertEqual(found, self.centre | self.branch | sub_branch)
        self.assertEqual(self.centre.child_ids, self.branch)

    def test_branch_cannot_be_its_own_ancestor(self):
        with self.assertRaisesText(ValidationError, "own ancestor"):
            self.centre.parent_id = self.branch
        with self.assertRaisesText(ValidationError, "own ancestor"):
            self.branch.parent_id = self.branch

    def test_deep_loop_refused(self):
        sub_branch = self.env["municipal.office"].create(
            {"name": "Kiosk", "office_type": "branch", "parent_id": self.branch.id}
        )
        with self.assertRaisesText(ValidationError, "own ancestor"):
            self.centre.parent_id = sub_branch
        self.assertFalse(self.centre.parent_id)

    def test_branch_of_another_company_refused(self):
        with self.assertRaisesText(ValidationError, "same company"):
            self.env["municipal.office"].create(
                {
                    "name": "Foreign branch",
                    "company_id": self.other_company.id,
                    "parent_id": self.centre.id,
                }
            )

    def test_office_code_unique_per_company(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["municipal.office"].create({"name": "Duplicate", "code": "T-C"})
            self.env.flush_all()

    def test_office_code_reusable_in_other_company(self):
        office = self.env["municipal.office"].create(
            {"name": "Other centre", "code": "T-C", "company_id": self.other_company.id}
        )
        self.assertEqual(office.code, "T-C")

    def test_office_lists_its_services(self):
        self.assertEqual(self.centre.service_ids, self.service)
        self.assertEqual(self.branch.service_count, 1)
        action = self.centre.action_view_services()
        self.assertEqual(self.env["municipal.service"].search(action["domain"]), self.service)
