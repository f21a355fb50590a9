from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import MunicipalQualityCase


@tagged("post_install", "-at_install")
class TestMunicipalQualityAccess(MunicipalQualityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.in_force = cls._regulation(act_number="1-p", act_date=date(2014, 1, 1))
        cls.in_force.action_put_in_force()
        cls.draft = cls._regulation(version=2)
        cls.employee_user = new_test_user(cls.env, login="mq_employee", groups="base.group_user")
        cls.quality_user = new_test_user(
            cls.env, login="mq_quality_user", groups="municipal_quality.group_quality_user"
        )
        cls.quality_manager = new_test_user(
            cls.env, login="mq_quality_manager", groups="municipal_quality.group_quality_manager"
        )
        cls.council_member = new_test_user(
            cls.env, login="mq_council", groups="municipal_quality.group_public_council"
        )
        cls.foreign_user = new_test_user(
            cls.env,
            login="mq_foreign",
            groups="municipal_quality.group_quality_manager",
            company_id=cls.other_company.id,
            company_ids=[cls.other_company.id],
        )

    def test_groups_imply_each_other(self):
        self.assertTrue(self.quality_manager.has_group("municipal_quality.group_quality_user"))
        self.assertTrue(self.council_member.has_group("base.group_portal"))
        self.assertTrue(self.council_member.share)
        self.assertFalse(self.quality_user.has_group("municipal_quality.group_quality_manager"))

    def test_employee_reads_but_does_not_change(self):
        Service = self.env["municipal.service"].with_user(self.employee_user)
        self.assertIn(self.service, Service.search([]))
        with self.assertRaises(AccessError):
            Service.create({"code": "X", "name": "X", "category_id": self.category.id})
        with self.assertRaises(AccessError):
            self.in_force.with_user(self.employee_user).write({"publication_url": "https://x"})

    def test_quality_user_reviews_regulations_but_does_not_configure(self):
        regulation = self.in_force.with_user(self.quality_user)
        regulation.action_confirm_actual()
        regulation.write({"published_regional_portal": True})
        self.assertTrue(self.in_force.published_regional_portal)
        with self.assertRaises(AccessError):
            self.draft.with_user(self.quality_user).unlink()
        with self.assertRaises(AccessError):
            self.env["municipal.office"].with_user(self.quality_user).create({"name": "New"})
        with self.assertRaises(AccessError):
            self.service.with_user(self.quality_user).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.category.with_user(self.quality_user).write({"name": "Renamed"})

    def test_only_a_manager_changes_the_status_of_a_regulation(self):
        with self.assertRaises(AccessError):
            self.draft.with_user(self.quality_user).action_put_in_force()
        with self.assertRaises(AccessError):
            self.in_force.with_user(self.quality_user).action_supersede()
        with self.assertRaises(UserError):
            self.in_force.with_user(self.quality_user).write({"state": "superseded"})
        with self.assertRaises(UserError):
            self.in_force.with_user(self.quality_manager).write({"state": "superseded"})
        Regulation = self.env["municipal.regulation"].with_user(self.quality_user)
        values = self.draft.copy_data()[0]
        with self.assertRaises(UserError):
            Regulation.create(dict(values, state="in_force"))
        self.assertEqual(Regulation.create(values).state, "draft", "drafts stay open to them")
        self.assertEqual((self.draft.state, self.in_force.state), ("draft", "in_force"))
        self.draft.write({"act_number": "2-p", "act_date": date(2015, 1, 1)})
        self.draft.with_user(self.quality_manager).action_put_in_force()
        self.assertEqual((self.draft.state, self.in_force.state), ("in_force", "superseded"))
        with self.assertRaises(AccessError):
            self.in_force.with_user(self.quality_user).action_reset_to_draft()

    def test_quality_manager_configures(self):
        office = (
            self.env["municipal.office"]
            .with_user(self.quality_manager)
            .create({"name": "South branch", "parent_id": self.centre.id, "office_type": "branch"})
        )
        self.assertEqual(office.parent_id, self.centre)
        self.service.with_user(self.quality_manager).write({"name": "Renamed"})
        self.draft.with_user(self.quality_manager).unlink()
        self.assertFalse(self.draft.exists())

    def test_public_council_reads_published_data_only(self):
        Regulation = self.env["municipal.regulation"].with_user(self.council_member)
        visible = Regulation.search([("service_id", "=", self.service.id)])
        self.assertEqual(visible, self.in_force, "drafts are not shown to the public council")
        service = self.service.with_user(self.council_member)
        self.assertEqual(service.name, "Construction permit")
        with self.assertRaises(AccessError):
            service.read(["employee_ids"])  # no servant names on the portal
        with self.assertRaises(AccessError):
            service.write({"name": "Changed"})
        with self.assertRaises(AccessError):
            self.in_force.with_user(self.council_member).write({"is_actual": False})
        with self.assertRaises(AccessError):
            self.env["hr.employee"].with_user(self.council_member).search([])

    def test_other_company_sees_nothing(self):
        for record in (self.centre, self.service, self.in_force):
            found = record.with_user(self.foreign_user).search([("id", "=", record.id)])
            self.assertFalse(found, record._name)
        with self.assertRaises(AccessError):
            self.service.with_user(self.foreign_user).read(["name"])

    def test_servant_lists_his_services(self):
        self.assertEqual(self.servant.municipal_service_ids, self.service)


class TestQualityTarget(MunicipalQualityCase):
    def test_default_target_is_80_percent(self):
        company = self.env["res.company"].create({"name": "New town"})
        self.assertEqual(company.quality_target, 80.0)

    def test_target_within_0_and_100(self):
        with self.assertRaisesText(ValidationError, "between 0 and 100"):
            self.company.quality_target = 100.5
        with self.assertRaisesText(ValidationError, "between 0 and 100"):
            self.company.quality_target = -1
        self.company.quality_target = 85
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.quality_target, 85)
