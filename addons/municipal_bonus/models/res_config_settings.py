from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    bonus_hr_check = fields.Boolean(related="company_id.bonus_hr_check", readonly=False)
