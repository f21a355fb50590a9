from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    quality_target = fields.Float(
        related="company_id.quality_target",
        readonly=False,
        digits=(5, 2),
    )
    quality_survey_id = fields.Many2one(related="company_id.quality_survey_id", readonly=False)
    quality_portal_published = fields.Boolean(
        related="company_id.quality_portal_published", readonly=False
    )
    quality_min_respondents = fields.Integer(
        related="company_id.quality_min_respondents", readonly=False
    )
    quality_voice_period_hours = fields.Integer(
        related="company_id.quality_voice_period_hours", readonly=False
    )
    quality_voice_address_limit = fields.Integer(
        related="company_id.quality_voice_address_limit", readonly=False
    )
    quality_kiosk_reset_seconds = fields.Integer(
        related="company_id.quality_kiosk_reset_seconds", readonly=False
    )
