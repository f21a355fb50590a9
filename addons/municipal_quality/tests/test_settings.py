from odoo.tests import tagged

from .rpc_common import MunicipalRpcCase, RpcRefused


@tagged("post_install", "-at_install")
class TestManagerSettings(MunicipalRpcCase):
    """Issue 12, item 6: each addon's managers change their settings without being
    administrators, over the door they use, and nobody else does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.manager = cls.rpc_user("mq_settings_manager", "municipal_quality.group_quality_manager")
        cls.officer = cls.rpc_user("mq_settings_officer", "municipal_quality.group_quality_user")
        cls.company.quality_min_respondents = 5

    def _save(self, user, values):
        wizard_id = self.call_json(user, "municipal.settings", "create", [values])
        return self.call_json(user, "municipal.settings", "action_apply", [[wizard_id]])

    def test_the_quality_manager_changes_his_company_settings(self):
        self.assertFalse(self.manager.has_group("base.group_system"))
        defaults = self.call_json(
            self.manager, "municipal.settings", "default_get", [["quality_min_respondents"]]
        )
        self.assertEqual(defaults, {"quality_min_respondents": 5})
        answer = self._save(self.manager, {"quality_min_respondents": 7})
        self.assertEqual(answer["tag"], "display_notification")
        self.assertEqual(self.company.quality_min_respondents, 7)

    def test_an_officer_cannot_change_them(self):
        defaults = self.call_json(
            self.officer, "municipal.settings", "default_get", [["quality_min_respondents"]]
        )
        self.assertNotIn("quality_min_respondents", defaults)
        with self.assertRaises(RpcRefused) as caught:
            self._save(self.officer, {"quality_min_respondents": 1})
        self.assertEqual(caught.exception.name, "odoo.exceptions.AccessError")
        self.assertIn(
            "You may not change these settings: Minimum respondents", caught.exception.message
        )
        # a write after a harmless create is refused the same way
        wizard_id = self.call_json(self.officer, "municipal.settings", "create", [{}])
        with self.assertRaises(RpcRefused):
            self.call_json(
                self.officer,
                "municipal.settings",
                "write",
                [[wizard_id], {"quality_min_respondents": 1}],
            )
        self.call_json(self.officer, "municipal.settings", "action_apply", [[wizard_id]])
        self.assertEqual(self.company.quality_min_respondents, 5)

    def test_a_bad_value_is_refused_in_words_and_nothing_is_written(self):
        with self.assertRaises(RpcRefused) as caught:
            self._save(self.manager, {"quality_target": 150.0, "quality_min_respondents": 9})
        self.assertEqual(caught.exception.name, "odoo.exceptions.ValidationError")
        self.assertEqual(self.company.quality_min_respondents, 5)

    def test_the_settings_menu_opens_the_managers_dialog(self):
        menu = self.env.ref("municipal_quality.menu_settings")
        self.assertEqual(menu.action, self.env.ref("municipal_quality.municipal_settings_action"))
        visible = self.env["ir.ui.menu"].with_user(self.manager)._visible_menu_ids()
        self.assertIn(menu.id, visible)
