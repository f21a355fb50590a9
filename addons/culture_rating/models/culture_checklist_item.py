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

    _sql_constraints = [("code_uniq", "unique(code)", "Checklist item codes are unique.")]
