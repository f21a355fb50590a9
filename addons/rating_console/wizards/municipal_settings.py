from odoo import api, fields, models


class MunicipalSettings(models.TransientModel):
    _inherit = "municipal.settings"

    rating_console_heartbeat_timeout = fields.Integer(
        string="Console silence before fault (minutes)",
        default=10,
        help="A console that sends no heartbeat for this time is marked faulty; the head of "
        "the office and the IT department get an activity (order 3.3).",
    )

    @api.model
    def _municipal_settings(self):
        return dict(
            super()._municipal_settings(),
            rating_console_heartbeat_timeout=(
                "rating_console.group_rating_manager",
                "rating_console.heartbeat_timeout",
            ),
        )

    def action_rating_queue_api_key(self):
        """A new API key of the queue scope for the queue system user, shown once."""
        return self.env["res.config.settings"].action_rating_queue_api_key()
