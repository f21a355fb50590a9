"""The Vinnytsia demo is a town hall of its own: its company, currency, language and people."""

from odoo.tests import Form, TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoVinnytsia(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vinnytsia = cls.env.ref("rating_console.company_vinnytsia")
        cls.offices = cls.env["municipal.office"].search(
            [("code", "in", ("VIN-PO", "VIN-VY", "VIN-ZA", "VIN-SM"))]
        )
        cls.head = cls.env.ref("rating_console.user_vin_head")

    def test_vinnytsia_is_its_own_company_in_hryvnia_and_ukrainian(self):
        company = self.vinnytsia
        self.assertEqual(company.name, "Вінницька міська рада")
        self.assertEqual(company.currency_id, self.env.ref("base.UAH"))
        self.assertEqual(company.partner_id.lang, "uk_UA")
        self.assertEqual(company.country_id, self.env.ref("base.ua"))
        self.assertNotEqual(company, self.env.ref("base.main_company"))
        self.assertEqual(len(self.offices), 4)
        records = (
            self.offices,
            self.env["municipal.workplace"].search([("office_id", "in", self.offices.ids)]),
            self.env["municipal.console"].search([("serial", "like", "RC-000")]),
            self.env["municipal.service"].search([("code", "like", "VIN-")]),
            self.env["hr.employee"].search([("barcode", "like", "VIN")]),
            self.env["municipal.console.vote"].search([("office_id", "in", self.offices.ids)]),
        )
        for recordset in records:
            self.assertTrue(recordset, recordset._name)
            self.assertEqual(recordset.company_id, company, recordset._name)
        for xmlid in ("user_vin_head", "user_vin_operator", "user_vin_it"):
            user = self.env.ref(f"rating_console.{xmlid}")
            self.assertEqual((user.lang, user.tz), ("uk_UA", "Europe/Kyiv"), xmlid)
            self.assertEqual(user.company_ids, company, xmlid)

    def test_the_centre_head_reports_on_his_centre_only(self):
        """The head of the Vinnytsia centre sees the Vinnytsia offices only (not Kaluga's),
        and the monthly report wizard proposes his centre."""
        visible = self.env["municipal.office"].with_user(self.head).search([])
        self.assertEqual(visible.company_id, self.vinnytsia)
        self.assertIn(self.env.ref("rating_console.office_vin_centre"), visible)
        wizard = Form(self.env["municipal.console.monthly.wizard"].with_user(self.head))
        self.assertEqual(wizard.centre_id, self.env.ref("rating_console.office_vin_centre"))
        kaluga_officer = self.env.ref("municipal_quality.user_quality_officer")
        seen = self.env["municipal.office"].with_user(kaluga_officer).search([])
        self.assertTrue(seen)
        self.assertFalse(seen & self.offices)
