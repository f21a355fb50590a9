from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    bonus_hr_check = fields.Boolean(
        string="HR check of bonus reviews",
        help="Bonus reviews are checked by the HR service before the head of administration "
        "approves them.",
    )
