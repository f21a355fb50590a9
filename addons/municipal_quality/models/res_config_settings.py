from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    quality_target = fields.Float(
        related="company_id.quality_target",
        readonly=False,
        digits=(5, 2),
    )
