"""Issue 17: the consoles' public results (order 4.4) as open data, without a login."""

from odoo.tests import HttpCase, tagged

from .common import RatingConsoleMixin


@tagged("post_install", "-at_install")
class TestConsoleOpenData(RatingConsoleMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_rating_data()
        for number, value in (
            ("OD1", "bad"),
            ("OD2", "good"),
            ("OD3", "excellent"),
            ("OD4", "good"),
        ):
            ticket = cls.served_ticket(number, cls.utc(2062, 5, 4, 9, int(number[-1]) * 12))
            cls.vote(ticket, value)

    def test_a_month_of_a_branch_and_direction(self):
        self.authenticate(None, None)
        response = self.url_open("/open-data/v1/console-results.json?year=2062")
        self.assertEqual(response.status_code, 200)
        [row] = [r for r in response.json()["rows"] if r["office_code"] == "T-RC-C"]
        self.assertEqual(row["month"], "2062-05")
        self.assertEqual(row["direction"], "Residence registration")
        self.assertEqual((row["votes"], row["bad"], row["good"], row["excellent"]), (4, 1, 2, 1))
        self.assertEqual(row["good_or_better_share"], 75.0)
        self.assertEqual(row["excellent_share"], 25.0)
        self.assertEqual((row["served"], row["votes_per_hundred"]), (4, 100.0))
        self.assertNotIn("Operator One", response.text)
        csv_text = self.url_open("/open-data/v1/console-results.csv?year=2062").text
        self.assertTrue(csv_text.startswith("company,office_code,office,direction,month,"))
