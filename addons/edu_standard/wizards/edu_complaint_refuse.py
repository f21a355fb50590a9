from odoo import api, fields, models

from ..models.edu_complaint import GROUNDS_BY_LEVEL, REFUSAL_GROUNDS


class EduComplaintRefuse(models.TransientModel):
    """Refusal of a complaint on one of the grounds of sections 2.6.5 and 2.6.6."""

    _name = "edu.complaint.refuse"
    _description = "Refuse a Complaint"

    complaint_id = fields.Many2one("edu.complaint", required=True, ondelete="cascade")
    level = fields.Selection(related="complaint_id.level")
    filed_late = fields.Boolean(related="complaint_id.filed_late")
    refusal_ground = fields.Selection(
        REFUSAL_GROUNDS,
        string="Ground",
        required=True,
        compute="_compute_refusal_ground",
        store=True,
        precompute=True,
        readonly=False,
    )
    allowed_grounds = fields.Char(compute="_compute_allowed_grounds")
    refusal_reason = fields.Text(
        string="Reasons", required=True, help="The argued reasons, printed in the answer letter."
    )

    @api.depends("complaint_id")
    def _compute_refusal_ground(self):
        for wizard in self:
            wizard.refusal_ground = "deadline_missed" if wizard.filed_late else False

    @api.depends("level")
    def _compute_allowed_grounds(self):
        for wizard in self:
            wizard.allowed_grounds = ",".join(GROUNDS_BY_LEVEL.get(wizard.level, ()))

    def action_refuse(self):
        self.ensure_one()
        self.complaint_id.action_refuse(self.refusal_ground, self.refusal_reason)
        return {"type": "ir.actions.act_window_close"}
