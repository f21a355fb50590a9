"""Section 2.6.1: the organisation's charter, licence and programmes shown to parents on the
portal (documents in force of active organisations only)."""

import base64
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortalDocuments(HttpCase):
    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_test_user(
            cls.env,
            login="edu_docs_parent",
            password="edu_docs_parent",
            groups="base.group_portal",
        )
        cls.organization = cls.env["edu.organization"].create({"name": "Documents art school"})
        cls.closed = cls.env["edu.organization"].create(
            {"name": "Closed music school", "active": False}
        )
        today = fields.Date.context_today(cls.env.user)
        Document = cls.env["edu.organization.document"]
        cls.charter = Document.create(
            {
                "organization_id": cls.organization.id,
                "document_type": "charter",
                "name": "Charter of 12.05.2015",
                "attachment": base64.b64encode(b"%PDF-1.4 charter"),
                "attachment_name": "charter.pdf",
            }
        )
        cls.licence = Document.create(
            {
                "organization_id": cls.organization.id,
                "document_type": "licence",
                "name": "Licence No. 8123",
                "expiry_date": today,
            }
        )
        cls.programme = Document.create(
            {
                "organization_id": cls.organization.id,
                "document_type": "programme",
                "name": "Programme: children's choir",
            }
        )
        cls.expired = Document.create(
            {
                "organization_id": cls.organization.id,
                "document_type": "licence",
                "name": "Licence No. 4000 (old)",
                "issue_date": today - timedelta(days=400),
                "expiry_date": today - timedelta(days=1),
                "attachment": base64.b64encode(b"old"),
                "attachment_name": "old.pdf",
            }
        )
        cls.hidden = Document.create(
            {
                "organization_id": cls.closed.id,
                "document_type": "charter",
                "name": "Charter of the closed school",
                "attachment": base64.b64encode(b"closed"),
                "attachment_name": "closed.pdf",
            }
        )

    def test_parents_see_the_documents_in_force(self):
        self.authenticate("edu_docs_parent", "edu_docs_parent")
        page = self.url_open("/my/edu_documents").text
        for text in (
            "Documents art school",
            "Charter of 12.05.2015",
            "Licence No. 8123",
            "Programme: children&#39;s choir",
            "Licence for educational activity",
            "Educational programme",
        ):
            self.assertIn(text, page)
        self.assertNotIn("Licence No. 4000", page, "an expired licence is not shown as in force")
        self.assertNotIn("Closed music school", page)
        response = self.url_open(f"/my/edu_documents/{self.charter.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"%PDF-1.4 charter")

    def test_documents_not_shown_cannot_be_downloaded(self):
        self.authenticate("edu_docs_parent", "edu_docs_parent")
        for document in (self.expired, self.hidden, self.licence):
            with self.subTest(document=document.name):
                self.assertEqual(self.url_open(f"/my/edu_documents/{document.id}").status_code, 404)
        self.assertEqual(self.url_open("/my/edu_documents/999999999").status_code, 404)

    def test_the_complaint_form_links_the_documents(self):
        self.authenticate("edu_docs_parent", "edu_docs_parent")
        self.assertIn('href="/my/edu_documents"', self.url_open("/my/edu_complaints/new").text)

    def test_visitors_are_sent_to_log_in(self):
        response = self.url_open("/my/edu_documents", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))

    def test_phone_tour(self):
        self.start_tour(
            "/my/edu_documents", "edu_standard_portal_documents_tour", login="edu_docs_parent"
        )
