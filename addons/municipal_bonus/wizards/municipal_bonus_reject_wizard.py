from odoo import fields, models


class MunicipalBonusRejectWizard(models.TransientModel):
    _name = "municipal.bonus.reject.wizard"
    _description = "Reject a Bonus Review"

    review_id = fields.Many2one("municipal.bonus.review", required=True)
    reason = fields.Text(required=True)

    def action_reject(self):
        self.ensure_one()
        self.review_id.action_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
