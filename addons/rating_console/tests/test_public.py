import re
from datetime import datetime

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import RatingConsoleMixin


@tagged("post_install", "-at_install")
class TestPublicPages(RatingConsoleMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_rating_data()
        now = datetime.now().replace(microsecond=0, day=1, hour=9)
        cls.vote(cls.served_ticket("P001", now), "excellent")
        cls.vote(cls.served_ticket("P002", now.replace(hour=10)), "bad")

    def test_results_page_shows_aggregates_without_operator_names(self):
        response = self.url_open("/rating_console/results")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("Transparent office", page)
        self.assertIn("Residence registration", page)
        self.assertIn("50.00", page, "share of Excellent of the centre")
        self.assertNotIn("Operator One", page)
        self.assertNotIn("Operator Two", page)

    def test_results_page_on_a_phone(self):
        """Issue 13: the results were 646-733 px wide on a 390 px screen."""
        self.browser_size = "390x844"
        self.start_tour("/rating_console/results", "rating_console_results_phone")

    def test_faulty_console_points_to_the_complaints_book(self):
        ok = self.url_open(f"/rating_console/workplace/{self.workplace.code}").text
        self.assertNotIn("o_rating_console_faulty", ok)
        self.console._open_fault("error", code="E03")
        page = self.url_open(f"/rating_console/workplace/{self.workplace.code}").text
        self.assertIn("o_rating_console_faulty", page)
        self.assertIn(
            f"/rating_console/book/{self.centre.code}?workplace={self.workplace.code}", page
        )
        self.assertEqual(self.url_open("/rating_console/workplace/NOPE").status_code, 404)

    def test_complaints_book_records_feedback_against_office_and_operator(self):
        self.console._open_fault("error", code="E03")
        url = f"/rating_console/book/{self.centre.code}?workplace={self.workplace.code}"
        form = self.url_open(url).text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        post = {
            "csrf_token": csrf,
            "workplace": self.workplace.code,
            "kind": "complaint",
            "name": "Vasyl",
            "contact": "+380",
            "body": "The console did not light up.",
        }
        self.assertIn('maxlength="5000" class="form-control "></textarea>', form, "a text box")
        empty = self.url_open(url, data=dict(post, body=" "))
        self.assertEqual(empty.status_code, 422)
        self.assertIn("Please write your complaint, suggestion or thanks.", empty.text)
        self.assertIn('value="Vasyl"', empty.text, "what was typed is kept")
        too_long = self.url_open(url, data=dict(post, body="x" * 5001))
        self.assertEqual(too_long.status_code, 422)
        self.assertIn("5001 characters: please keep it under 5000.", too_long.text)
        self.assertIn("x" * 5001 + "</textarea>", too_long.text, "nothing cut silently")
        self.assertFalse(self.env["municipal.complaint"].search([("name", "=", "Vasyl")]))
        done = self.url_open(url, data=post)
        self.assertEqual(done.status_code, 200)
        self.assertIn("o_rating_console_book_thanks", done.text)
        entry = self.env["municipal.complaint"].search([("name", "=", "Vasyl")])
        self.assertRegex(entry.number, r"^\d{4}-\d{5}$")
        self.assertIn(f'o_rating_console_book_number">{entry.number}<', done.text)
        self.assertEqual(entry.office_id, self.centre)
        self.assertEqual(entry.employee_id, self.operator)
        self.assertTrue(entry.console_fault)
        self.assertEqual(entry.body, "The console did not light up.")
        # issue 16: a complaint in the book opens a quality case for the head of the office
        case = self.env["municipal.quality.case"].search([("complaint_id", "=", entry.id)])
        self.assertEqual((case.source, case.office_id), ("book", self.centre))
        self.assertEqual(case.description, "The console did not light up.")
        self.assertEqual(case.owner_id, self.head_user)
        thanks = self.url_open(url, data=dict(post, kind="thanks", name="Olena")).status_code
        self.assertEqual(thanks, 200)
        olena = self.env["municipal.complaint"].search([("name", "=", "Olena")])
        self.assertFalse(
            self.env["municipal.quality.case"].search([("complaint_id", "=", olena.id)])
        )

    def test_citizen_fills_the_book_on_a_phone(self):
        self.browser_size = "390x844"
        self.start_tour(f"/rating_console/book/{self.centre.code}", "rating_console_book_tour")
        entry = self.env["municipal.complaint"].search([("name", "=", "Vasyl Tour")])
        self.assertEqual(entry.kind, "suggestion")
        self.assertEqual(entry.body, "Please add a second window on Saturdays.")
        self.assertEqual(entry.office_id, self.centre)

    def test_only_the_head_handles_the_entries(self):
        entry = self.env["municipal.complaint"].create(
            {"name": "Olha", "body": "Long queue", "office_id": self.centre.id}
        )
        with self.assertRaises(AccessError):
            entry.with_user(self.operator_user).action_answered()
        self.assertEqual(entry.state, "new")
        entry.with_user(self.head_user).action_start()
        entry.with_user(self.head_user).action_answered()
        self.assertEqual(entry.state, "answered")
