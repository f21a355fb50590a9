from odoo import fields, models


class MunicipalSpecialTaskKind(models.Model):
    """A row of the table of section 2.2: the kind of especially important and complex task."""

    _name = "municipal.special.task.kind"
    _description = "Special Task Indicator"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True)
    name = fields.Text(string="Indicator", required=True)
    result_ids = fields.One2many(
        "municipal.special.task.result", "kind_id", string="Positive results"
    )
    active = fields.Boolean(default=True)

    def _compute_display_name(self):
        for kind in self:
            name = (kind.name or "").strip()
            if len(name) > 90:
                name = name[:89].rstrip() + "…"
            kind.display_name = f"{kind.code}. {name}"
