from odoo import api, fields, models
from odoo.exceptions import UserError


class EduControlCheckLine(models.Model):
    """A complaint of the period examined by a control check, and whether measures were taken."""

    _name = "edu.control.check.line"
    _description = "Complaint Examined by a Control Check"
    _order = "check_id, id"

    check_id = fields.Many2one("edu.control.check", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(
        related="check_id.company_id", store=True, index=True, precompute=True
    )
    complaint_id = fields.Many2one("edu.complaint", required=True, ondelete="restrict")
    date_filed = fields.Date(related="complaint_id.date_filed")
    complaint_state = fields.Selection(related="complaint_id.state", string="Complaint stage")
    outcome = fields.Selection(related="complaint_id.outcome")
    measures_taken = fields.Boolean(
        help="The complaint was answered: refused with its reasons, or every violation it "
        "established was remedied."
    )
    note = fields.Char()

    @api.model
    def _measures_taken(self, complaint):
        if complaint.state not in ("answered", "closed"):
            return False
        if complaint.outcome == "refused":
            return True
        established = complaint.violation_ids.filtered("established")
        return all(established.mapped("remedied"))

    def _check_open(self):
        if any(line.check_id.state == "done" for line in self):
            raise UserError(self.env._("The check is done: its complaints cannot change."))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_open()
        return lines

    def write(self, vals):
        self._check_open()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_open(self):
        self._check_open()
