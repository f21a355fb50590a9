from odoo import fields, models
from odoo.exceptions import AccessError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    rating_console_heartbeat_timeout = fields.Integer(
        string="Console silence before fault (minutes)",
        config_parameter="rating_console.heartbeat_timeout",
        default=10,
        help="A console that sends no heartbeat for this time is marked faulty; the head of "
        "the office and the IT department get an activity.",
    )

    rating_console_delivery_window_hours = fields.Integer(
        string="Delivery window of a press (hours)",
        config_parameter="rating_console.delivery_window_hours",
        default=72,
        help="A press delivered later than this after its press time is refused by the event "
        "API (1 hour to 1 year; 72 hours by default).",
    )

    def action_rating_queue_api_key(self):
        """A new API key of the queue scope for the queue system user, shown once."""
        if not self.env.user.has_group("rating_console.group_rating_manager"):
            raise AccessError(
                self.env._("Only a manager of the rating consoles gives the queue system a key.")
            )
        user = self.env.ref("rating_console.user_queue_system")
        key = self.env["res.users.apikeys"]._generate_queue_key(user)
        return self.env["municipal.console.token.wizard"]._show_once(
            key, self.env._("Queue system API key"), user_id=user.id
        )
