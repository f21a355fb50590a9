from odoo import fields, models


class MunicipalBonusSanction(models.Model):
    """A disciplinary sanction (Labour Code of the RF, art. 192), recorded with its date and
    act: the evidence of the indicator "Наличие дисциплинарных взысканий"."""

    _name = "municipal.bonus.sanction"
    _description = "Disciplinary Sanction"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, ondelete="restrict"
    )
    department_id = fields.Many2one(related="employee_id.department_id", store=True, string="Unit")
    kind = fields.Selection(
        [("remark", "Remark"), ("reprimand", "Reprimand"), ("dismissal", "Dismissal")],
        required=True,
        default="remark",
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    act_number = fields.Char(
        string="Act number", required=True, tracking=True, help="Number of the order imposing it."
    )
    act_date = fields.Date(string="Act date", tracking=True)
    description = fields.Text(string="Misconduct", required=True)
    date_lifted = fields.Date(
        string="Lifted on", tracking=True, help="Date the sanction was lifted early, if any."
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for sanction in self:
            sanction.display_name = f"{kinds.get(sanction.kind, '')} №{sanction.act_number or ''}"
