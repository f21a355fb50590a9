from odoo import api, fields, models


class MunicipalSettings(models.TransientModel):
    _inherit = "municipal.settings"

    edu_department_user_id = fields.Many2one(
        "res.users",
        string="Head of the education department",
        domain="[('share', '=', False)]",
        help="Answers the complaints addressed to the education department and is alerted of "
        "overdue complaints.",
    )

    @api.model
    def _municipal_settings(self):
        return dict(
            super()._municipal_settings(),
            edu_department_user_id=("edu_standard.group_edu_manager", "company"),
        )
