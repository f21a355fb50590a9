"""Issue 17: the confirmed results of the standard as open data, read without a login."""

from odoo.tests import HttpCase, tagged

from .common import EduStandardCase


@tagged("post_install", "-at_install")
class TestEduOpenData(EduStandardCase, HttpCase):
    def _rows(self):
        self.authenticate(None, None)
        response = self.url_open("/open-data/v1/edu-results.json?year=2061")
        self.assertEqual(response.status_code, 200)
        return [r for r in response.json()["rows"] if r["organisation"] == self.organization.name]

    def test_only_confirmed_results_are_open_data(self):
        assessment = self._assessment(year=2061, teachers_trained=10)
        self.assertEqual(self._rows(), [])
        assessment.with_user(self.department_user).action_confirm()
        [row] = self._rows()
        self.assertEqual(row["total_points"], assessment.total_points)
        self.assertEqual(row["training_points"], assessment.training_points)
        self.assertLess(row["training_points"], 20)
        self.assertEqual(row["band"], assessment.band)
        self.assertNotIn("Head One", self.url_open("/open-data/v1/edu-results.json").text)
