"""The indicator catalogue of the act in force is locked; a change is a new version tied to the
amending act (issue 15)."""

from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.municipal_quality.tests.rpc_common import MunicipalRpcCase, RpcRefused

from .common import MunicipalBonusCase

INDICATOR = "municipal.bonus.indicator"
CATALOGUE = "municipal.bonus.catalogue"


@tagged("post_install", "-at_install")
class TestCatalogueVersions(MunicipalBonusCase):
    def test_the_catalogue_in_force_is_locked(self):
        catalogue = self.env.ref("municipal_bonus.catalogue_133r")
        indicator = self.indicator("5.1")
        self.assertEqual(indicator.catalogue_id, catalogue)
        for user in (self.user_hr, self.user_chief):
            with self.subTest(user=user.login):
                for vals in (
                    {"reduction_percent": 10.0},
                    {"name": "Другая формулировка"},
                    {"active": False},
                ):
                    with self.assertRaises(UserError):
                        indicator.with_user(user).write(vals)
        with self.assertRaisesText(UserError, "can no longer be changed"):
            indicator.with_user(self.user_hr).write({"reduction_percent": 10.0})
        with self.assertRaisesText(UserError, "create a new version"):
            self.Indicator.with_user(self.user_hr).create(
                {
                    "catalogue_id": catalogue.id,
                    "code": "6.5",
                    "table": "6",
                    "row": 5,
                    "name": "Новый показатель",
                }
            )
        with self.assertRaises(UserError):
            indicator.with_user(self.user_hr).unlink()
        with self.assertRaisesText(UserError, "can no longer be changed"):
            catalogue.with_user(self.user_hr).write({"legal_act": "Forged"})
        self.assertEqual(indicator.reduction_percent, 5.0)

    def test_a_new_version_tied_to_the_amending_act(self):
        old = self.env.ref("municipal_bonus.catalogue_133r")
        review = self._review()
        self._find(review.line_ids, ["5.1", "5.3"])
        new = self.env[CATALOGUE].browse(old.with_user(self.user_hr).action_new_version()["res_id"])
        self.assertEqual((new.state, new.version, new.previous_id), ("draft", 2, old))
        self.assertEqual(len(new.indicator_ids), 33)
        with self.assertRaisesText(ValidationError, "comes with the amending act"):
            new.with_user(self.user_hr).action_put_in_force()
        new.with_user(self.user_hr).write(
            {"legal_act": "Распоряжение от 01.02.2031 № 12-р", "legal_act_date": date(2031, 2, 1)}
        )
        new_51 = new.indicator_ids.filtered(lambda i: i.code == "5.1")
        new_51.with_user(self.user_hr).reduction_percent = 10.0
        new.indicator_ids.filtered(lambda i: i.code == "5.3").with_user(self.user_hr).active = False
        added = self.Indicator.with_user(self.user_hr).create(
            {
                "catalogue_id": new.id,
                "code": "6.5",
                "table": "6",
                "row": 5,
                "name": "Новый показатель",
            }
        )
        with self.assertRaisesText(ValidationError, "expected 6.6"):
            self.Indicator.create(
                {"catalogue_id": new.id, "code": "6.7", "table": "6", "row": 6, "name": "x"}
            )
        with self.assertRaisesText(ValidationError, "already has the code 6.5"):
            self.Indicator.create(
                {"catalogue_id": new.id, "code": "6.5", "table": "6", "row": 5, "name": "x"}
            )
        # a draft version applies to nobody yet
        self.assertNotIn(added, self.Indicator.applicable_to(self.servant))
        new.with_user(self.user_hr).action_put_in_force()
        self.assertEqual((old.state, new.state), ("superseded", "in_force"))
        self.assertEqual(new.date_in_force, date(2031, 2, 1))
        applicable = self.Indicator.applicable_to(self.servant)
        self.assertEqual(applicable.catalogue_id, new)
        self.assertIn(added, applicable)
        self.assertNotIn("5.3", applicable.mapped("code"))
        # the draft review follows the version in force: 5.1 at 10%, the finding of 5.3 stays
        self.assertEqual(
            sorted(
                review.line_ids.finding_ids.mapped(
                    lambda f: (f.indicator_code, f.indicator_percent)
                )
            ),
            [("5.1", 10.0), ("5.3", 5.0)],
        )
        with self.assertRaisesText(UserError, "can no longer be changed"):
            new_51.with_user(self.user_hr).write({"reduction_percent": 15.0})
        with self.assertRaisesText(UserError, "can no longer be changed"):
            old.indicator_ids[0].with_user(self.user_hr).write({"reduction_percent": 15.0})


@tagged("post_install", "-at_install")
class TestCatalogueLockOverRpc(MunicipalRpcCase):
    def test_hr_and_managers_cannot_write_a_locked_indicator(self):
        hr = self.rpc_user("mbc_hr", "municipal_bonus.group_bonus_manager")
        chief = self.rpc_user("mbc_chief", "municipal_bonus.group_bonus_approver")
        admin_like = self.rpc_user(
            "mbc_both",
            "municipal_bonus.group_bonus_manager,municipal_bonus.group_bonus_approver,"
            "base.group_system",
        )
        catalogue = self.env.ref("municipal_bonus.catalogue_133r")
        indicator = catalogue.indicator_ids.filtered(lambda i: i.code == "1.1")
        before = self.snapshot(
            indicator | catalogue.indicator_ids.filtered(lambda i: i.code == "6.4")
        )
        forged = [
            {"reduction_percent": 0.0},
            {"name": "Forged"},
            {"active": False},
            {"catalogue_state": "draft"},
        ]
        for user in (hr, chief, admin_like):
            for vals in forged:
                self.assertRefused(user, INDICATOR, "write", [indicator.ids, vals])
            self.assertRefused(user, INDICATOR, "unlink", [indicator.ids])
            self.assertRefused(user, CATALOGUE, "write", [catalogue.ids, {"state": "draft"}])
            self.assertRefused(
                user,
                INDICATOR,
                "create",
                [
                    [
                        {
                            "catalogue_id": catalogue.id,
                            "code": "6.5",
                            "table": "6",
                            "row": 5,
                            "name": "Forged",
                        }
                    ]
                ],
            )
        # a version in force is not put in force again, nor by a chief alone
        with self.assertRaises(RpcRefused):
            self.call_json(chief, CATALOGUE, "action_new_version", [catalogue.ids])
        self.assertEqual(
            self.snapshot(indicator | catalogue.indicator_ids.filtered(lambda i: i.code == "6.4")),
            before,
        )
        self.assertEqual(catalogue.state, "in_force")
