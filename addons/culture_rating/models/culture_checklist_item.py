from odoo import fields, models


class CultureChecklistItem(models.Model):
    """An item of information an institution must disclose (plan item 3.1)."""

    _name = "culture.checklist.item"
    _description = "Disclosure Checklist Item"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    required_on_site = fields.Boolean(
        string="Required on the website",
        default=True,
        help="Counts in the website's norm of the information indicator of K1 (I_norm_site).",
    )
    required_on_stand = fields.Boolean(
        string="Required on the stand",
        default=True,
        help="Counts in the stands' norm of the information indicator of K1 (I_norm_stand).",
    )

    _sql_constraints = [("code_uniq", "unique(code)", "Checklist item codes are unique.")]
