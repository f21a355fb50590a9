from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    municipal_bonus_department_ids = fields.Many2many(
        "hr.department",
        string="Managed units",
        compute="_compute_municipal_bonus_department_ids",
        help="Units whose manager is one of the user's employees: the user prepares their "
        "bonus reviews (their sub-units are included by the record rules).",
    )

    @api.depends_context("uid")
    def _compute_municipal_bonus_department_ids(self):
        Department = self.env["hr.department"].sudo().with_context(active_test=False)
        for user in self:
            user.municipal_bonus_department_ids = Department.search(
                [("manager_id.user_id", "=", user.id)]
            ).ids
