from odoo import fields, models


class MunicipalSpecialTaskResult(models.Model):
    """A positive result of the table of section 2.2 for a kind of special task."""

    _name = "municipal.special.task.result"
    _description = "Special Task Positive Result"
    _order = "kind_id, sequence, id"

    kind_id = fields.Many2one(
        "municipal.special.task.kind", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True)
    name = fields.Text(string="Positive result", required=True)
    is_economic = fields.Boolean(
        string="Economic effect",
        help="The result is the economic effect: budget savings or additional revenue.",
    )
    active = fields.Boolean(default=True)
