"""The demo is a town hall: its own servants and names, users in the towns' languages."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoTown(TransactionCase):
    def test_odoo_hr_demo_people_are_not_the_towns(self):
        """Odoo's English HR demo (people, departments, positions) is archived: municipal
        lists, posters and reviews show the town's servants only."""
        data = self.env["ir.model.data"].search([("module", "=", "hr")])
        for model in ("hr.employee", "hr.department", "hr.job"):
            ids = data.filtered(lambda d, model=model: d.model == model).mapped("res_id")
            active = self.env[model].browse(ids).exists().filtered("active")
            if model == "hr.employee":
                self.assertEqual(active, self.env.ref("hr.employee_admin"), model)
            else:
                self.assertFalse(active, model)
        servants = self.env["hr.employee"].search(
            [("company_id", "=", self.env.ref("base.main_company").id)]
        )
        self.assertIn(self.env.ref("municipal_quality.employee_ivanova"), servants)
        self.assertNotIn("Mitchell Admin", servants.mapped("name"))
        self.assertNotIn("Mitchell Admin", self.env["res.partner"].search([]).mapped("name"))

    def test_demo_users_speak_russian_in_the_russian_town_hall(self):
        company = self.env.ref("base.main_company")
        self.assertEqual(company.currency_id, self.env.ref("base.RUB"))
        self.assertEqual(company.partner_id.lang, "ru_RU")
        for xmlid in (
            "base.user_admin",
            "municipal_quality.user_quality_officer",
            "municipal_quality.user_quality_manager",
            "municipal_quality.user_council_member",
        ):
            user = self.env.ref(xmlid)
            self.assertEqual(
                (user.lang, user.tz, user.company_id), ("ru_RU", "Europe/Moscow", company), xmlid
            )
