"""Issue 12 item 6: the consoles' manager changes the consoles' settings without being an
administrator; an operator does not."""

from odoo.tests import tagged

from odoo.addons.municipal_quality.tests.rpc_common import MunicipalRpcCase, RpcRefused


@tagged("post_install", "-at_install")
class TestConsoleManagerSettings(MunicipalRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls.rpc_user("rc_settings_manager", "rating_console.group_rating_manager")
        cls.operator = cls.rpc_user("rc_settings_operator", "rating_console.group_rating_operator")
        cls.env["ir.config_parameter"].set_param("rating_console.delivery_window_hours", "72")

    def _save(self, user, values):
        wizard_id = self.call_json(user, "municipal.settings", "create", [values])
        return self.call_json(user, "municipal.settings", "action_apply", [[wizard_id]])

    def _window(self):
        return self.env["ir.config_parameter"].get_param("rating_console.delivery_window_hours")

    def test_the_manager_sets_the_delivery_window(self):
        self.assertFalse(self.manager.has_group("base.group_system"))
        defaults = self.call_json(
            self.manager,
            "municipal.settings",
            "default_get",
            [["rating_console_delivery_window_hours"]],
        )
        self.assertEqual(defaults["rating_console_delivery_window_hours"], 72)
        self._save(self.manager, {"rating_console_delivery_window_hours": 48})
        self.assertEqual(self._window(), "48")

    def test_out_of_range_and_other_roles_are_refused(self):
        with self.assertRaises(RpcRefused) as caught:
            self._save(self.manager, {"rating_console_delivery_window_hours": 0})
        self.assertEqual(caught.exception.name, "odoo.exceptions.ValidationError")
        with self.assertRaises(RpcRefused) as caught:
            self._save(self.operator, {"rating_console_delivery_window_hours": 9000})
        self.assertEqual(caught.exception.name, "odoo.exceptions.AccessError")
        self.assertEqual(self._window(), "72")
