from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    quality_target = fields.Float(
        string="Satisfaction target (%)",
        digits=(5, 2),
        default=80.0,
        help="Target value of the indicator 'citizens satisfied with the quality of the work of "
        "municipal servants who provide municipal services' (not less than 80%).",
    )

    @api.constrains("quality_target")
    def _check_quality_target(self):
        for company in self:
            if not 0.0 <= company.quality_target <= 100.0:
                raise ValidationError(
                    self.env._(
                        "The satisfaction target must be between 0 and 100%%, not %(value)s.",
                        value=company.quality_target,
                    )
                )
