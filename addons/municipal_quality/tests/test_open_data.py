"""Issue 17: the public aggregates as open data, read over HTTP without a login."""

import csv
import io
from datetime import datetime

from odoo.tests import HttpCase, tagged

from .quality_common import QualitySurveyCase

TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool}


@tagged("post_install", "-at_install")
class TestOpenData(HttpCase, QualitySurveyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.town = cls.env["res.company"].create(
            {"name": "Open town", "quality_portal_published": True, "quality_min_respondents": 5}
        )
        cls.hidden_town = cls.env["res.company"].create(
            {"name": "Closed town", "quality_portal_published": False}
        )
        cls.hall = cls.env["municipal.office"].create(
            {"name": "Open hall", "code": "OPEN-1", "company_id": cls.town.id}
        )
        cls.kiosk = cls.env["municipal.office"].create(
            {"name": "Small kiosk", "code": "OPEN-2", "company_id": cls.town.id}
        )
        cls.secret = cls.env["municipal.office"].create(
            {"name": "Closed hall", "code": "SHUT-1", "company_id": cls.hidden_town.id}
        )
        cls.town_servant = cls.env["hr.employee"].create(
            {"name": "Servant Of Open Town", "company_id": cls.town.id}
        )
        at = datetime(2031, 3, 1, 10, 0)
        for satisfaction in ("positive",) * 4 + ("negative",) * 2:
            cls._staff_cls(
                satisfaction,
                "positive",
                office_id=cls.hall.id,
                end=at,
                employee_id=cls.town_servant.id,
            )
        for _index in range(3):
            cls._staff_cls("positive", "positive", office_id=cls.kiosk.id, end=at)
        for _index in range(6):
            cls._staff_cls("positive", "positive", office_id=cls.secret.id, end=at)

    def _get(self, path):
        self.authenticate(None, None)
        return self.url_open(path)

    def _rows(self, **query):
        response = self._get("/open-data/v1/quality-indicator.json?year=2031")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Cache-Control"], "public, max-age=3600")
        return [row for row in response.json()["rows"] if row["company"] == "Open town"]

    def test_the_catalogue_describes_every_dataset(self):
        response = self._get("/open-data/v1")
        self.assertEqual(response.status_code, 200)
        catalogue = response.json()
        self.assertEqual(catalogue["version"], "1")
        names = [dataset["name"] for dataset in catalogue["datasets"]]
        self.assertIn("quality-indicator", names)
        for dataset in catalogue["datasets"]:
            self.assertTrue(all(f["type"] in TYPES for f in dataset["fields"]), dataset["name"])

    def test_rows_follow_the_schema_and_the_minimum_of_respondents(self):
        catalogue = self._get("/open-data/v1").json()
        [schema] = [d for d in catalogue["datasets"] if d["name"] == "quality-indicator"]
        rows = self._rows()
        for row in rows:
            self.assertEqual(list(row), [f["name"] for f in schema["fields"]])
            for field in schema["fields"]:
                value = row[field["name"]]
                if value is not None:
                    self.assertIsInstance(value, TYPES[field["type"]], field["name"])
        staff = {row["office_code"]: row for row in rows if row["dimension"] == "staff"}
        # 4 of 6 satisfied: 66.67%, shown (6 >= 5)
        self.assertEqual(
            (staff["OPEN-1"]["respondents"], staff["OPEN-1"]["satisfied"], staff["OPEN-1"]["rate"]),
            (6, 4, 66.67),
        )
        self.assertTrue(staff["OPEN-1"]["shown"])
        # 3 respondents: the count only, no figure
        self.assertEqual(
            (staff["OPEN-2"]["respondents"], staff["OPEN-2"]["rate"], staff["OPEN-2"]["shown"]),
            (3, None, False),
        )
        self.assertIsNone(staff["OPEN-2"]["satisfied"])

    def test_no_person_and_no_unpublished_town(self):
        response = self._get("/open-data/v1/quality-indicator.json")
        text = response.text
        self.assertNotIn("Servant Of Open Town", text)
        self.assertNotIn("Closed town", text)
        self.assertNotIn("SHUT-1", text)

    def test_csv_has_the_same_rows(self):
        response = self._get("/open-data/v1/quality-indicator.csv?year=2031")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("text/csv"))
        reader = list(csv.DictReader(io.StringIO(response.text)))
        ours = [row for row in reader if row["company"] == "Open town"]
        self.assertEqual(len(ours), len(self._rows()))
        kiosk = [r for r in ours if r["office_code"] == "OPEN-2" and r["dimension"] == "staff"]
        self.assertEqual((kiosk[0]["rate"], kiosk[0]["shown"]), ("", "false"))

    def test_bad_requests_answer_in_json(self):
        for path, status in (
            ("/open-data/v1/quality-indicator.json?year=20x1", 400),
            ("/open-data/v1/quality-indicator.json?year=1200", 400),
            ("/open-data/v1/quality-indicator.json?month=1", 400),
            ("/open-data/v1/quality-indicator.xml", 404),
            ("/open-data/v1/nothing.json", 404),
            ("/open-data/v1/quality-indicator.json?year=%00", 400),
        ):
            with self.subTest(path=path):
                response = self._get(path)
                self.assertEqual(response.status_code, status, response.text[:300])
                self.assertIn("reason", response.json())
