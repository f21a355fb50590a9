from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    edu_department_user_id = fields.Many2one(
        "res.users",
        string="Head of the education department",
        domain="[('share', '=', False)]",
        help="Receives the complaints filed with the education department (section 2.6.6 of the "
        "Standard) and the alerts about overdue complaints.",
    )
