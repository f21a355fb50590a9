"""Issue 17: the published rating as open data, read without a login."""

from odoo.tests import HttpCase, tagged

from .common import ALL_YES, CultureRatingCase


@tagged("post_install", "-at_install")
class TestCultureOpenData(CultureRatingCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._campaign(cls.inst_a | cls.inst_b, year=2057)
        cls.a = cls.assessment_of(cls.campaign, cls.inst_a)
        cls.b = cls.assessment_of(cls.campaign, cls.inst_b)
        cls.respond(cls, cls.a, ALL_YES)
        cls.respond(cls, cls.b, {**ALL_YES, "comfort": False, "overall": False})
        cls.campaign.action_compute()
        cls.campaign.action_approve()

    def _rows(self):
        self.authenticate(None, None)
        response = self.url_open("/open-data/v1/culture-ranking.json?year=2057")
        self.assertEqual(response.status_code, 200)
        return response.json()["rows"]

    def test_only_a_published_rating_is_open_data(self):
        self.assertEqual(self._rows(), [])
        self.campaign.action_publish()
        rows = self._rows()
        self.assertEqual([row["institution"] for row in rows], [self.inst_a.name, self.inst_b.name])
        self.assertEqual([row["rank"] for row in rows], [1, 2])
        self.assertEqual(rows[0]["total"], round(self.a.total, 2))
        self.assertEqual(rows[0]["year"], 2057)
        self.assertGreater(rows[0]["total"], rows[1]["total"])

    def test_the_catalogue_lists_the_dataset(self):
        self.authenticate(None, None)
        catalogue = self.url_open("/open-data/v1").json()
        [dataset] = [d for d in catalogue["datasets"] if d["name"] == "culture-ranking"]
        self.assertEqual(
            [field["name"] for field in dataset["fields"]],
            ["company", "year", "institution", "institution_type", "rank", "total", "responses"],
        )
        csv_response = self.url_open("/open-data/v1/culture-ranking.csv?year=2057")
        self.assertTrue(csv_response.text.startswith("company,year,institution,"))
