from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MunicipalSettings(models.TransientModel):
    _inherit = "municipal.settings"

    rating_console_heartbeat_timeout = fields.Integer(
        string="Console silence before fault (minutes)",
        default=10,
        help="A console that sends no heartbeat for this time is marked faulty; the head of "
        "the office and the IT department get an activity (order 3.3).",
    )

    rating_console_delivery_window_hours = fields.Integer(
        string="Delivery window of a press (hours)",
        default=72,
        help="A press delivered later than this after its press time is refused by the event "
        "API (1 hour to 1 year; 72 hours by default).",
    )

    @api.constrains("rating_console_heartbeat_timeout", "rating_console_delivery_window_hours")
    def _check_rating_console_settings(self):
        for settings in self:
            if settings.rating_console_heartbeat_timeout < 1:
                raise ValidationError(self.env._("The console silence is at least 1 minute."))
            if not 1 <= settings.rating_console_delivery_window_hours <= 8760:
                raise ValidationError(
                    self.env._("The delivery window is from 1 hour to 1 year (8,760 hours).")
                )

    @api.model
    def _municipal_settings(self):
        return dict(
            super()._municipal_settings(),
            rating_console_heartbeat_timeout=(
                "rating_console.group_rating_manager",
                "rating_console.heartbeat_timeout",
            ),
            rating_console_delivery_window_hours=(
                "rating_console.group_rating_manager",
                "rating_console.delivery_window_hours",
            ),
        )

    def action_rating_queue_api_key(self):
        """A new API key of the queue scope for the queue system user, shown once."""
        return self.env["res.config.settings"].action_rating_queue_api_key()
