from odoo import fields, models


class MunicipalComplaint(models.Model):
    """An entry of the complaints and suggestions book of an office (order 3.4)."""

    _name = "municipal.complaint"
    _description = "Complaints and Suggestions Book Entry"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"

    name = fields.Char(string="Author", required=True, tracking=True)
    contact = fields.Char(help="Phone or e-mail for the answer (optional).")
    kind = fields.Selection(
        [("complaint", "Complaint"), ("suggestion", "Suggestion"), ("thanks", "Thanks")],
        required=True,
        default="complaint",
        tracking=True,
    )
    office_id = fields.Many2one(
        "municipal.office", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="office_id.company_id", store=True, index=True)
    workplace_id = fields.Many2one("municipal.workplace", ondelete="set null")
    employee_id = fields.Many2one("hr.employee", string="Operator", ondelete="set null")
    body = fields.Text(string="Text", required=True)
    console_fault = fields.Boolean(
        help="Written because the rating console of the workplace did not work."
    )
    state = fields.Selection(
        [("new", "New"), ("in_progress", "In progress"), ("answered", "Answered")],
        default="new",
        required=True,
        tracking=True,
    )
    answer = fields.Text()

    def action_start(self):
        self.state = "in_progress"

    def action_answered(self):
        self.state = "answered"
