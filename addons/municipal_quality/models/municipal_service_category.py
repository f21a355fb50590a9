from odoo import api, fields, models


class MunicipalServiceCategory(models.Model):
    """A service direction: a group of municipal services (construction, land, housing...)."""

    _name = "municipal.service.category"
    _description = "Service Direction"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    color = fields.Integer()
    service_ids = fields.One2many("municipal.service", "category_id", string="Services")
    service_count = fields.Integer(compute="_compute_service_count")

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a service direction must be unique."),
    ]

    @api.depends("service_ids")
    def _compute_service_count(self):
        counts = dict(
            self.env["municipal.service"]._read_group(
                [("category_id", "in", self.ids)], ["category_id"], ["__count"]
            )
        )
        for category in self:
            category.service_count = counts.get(category, 0)
