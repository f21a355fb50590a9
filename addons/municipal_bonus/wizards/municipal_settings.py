from odoo import api, fields, models


class MunicipalSettings(models.TransientModel):
    _inherit = "municipal.settings"

    bonus_hr_check = fields.Boolean(
        string="Check by the HR service",
        help="The HR service checks each bonus review before the head of administration "
        "approves it.",
    )

    @api.model
    def _municipal_settings(self):
        return dict(
            super()._municipal_settings(),
            bonus_hr_check=("municipal_bonus.group_bonus_manager", "company"),
        )
