from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    rating_console_heartbeat_timeout = fields.Integer(
        string="Console silence before fault (minutes)",
        config_parameter="rating_console.heartbeat_timeout",
        default=10,
        help="A console that sends no heartbeat for this time is marked faulty; the head of "
        "the office and the IT department get an activity.",
    )
