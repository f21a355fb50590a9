from odoo import fields, models


class MunicipalConsoleReason(models.Model):
    """A reason a tablet console offers after a Bad (or Good) press: "why?" (set per office).

    The client's choice travels with the vote (``reason`` of the event API), feeds the analysis
    of the votes and the quality case a Bad vote opens. A reason that was chosen is archived,
    not deleted (the votes keep it).
    """

    _name = "municipal.console.reason"
    _description = "Console Reason"
    _order = "office_id, sequence, id"

    name = fields.Char(string="Reason", required=True, translate=True)
    office_id = fields.Many2one(
        "municipal.office", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="office_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
