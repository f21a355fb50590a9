from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    edu_department_user_id = fields.Many2one(
        related="company_id.edu_department_user_id", readonly=False
    )
