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
    quality_survey_id = fields.Many2one(
        "survey.survey",
        string="Citizen questionnaire",
        domain="[('is_quality_survey', '=', True)]",
        help="Questionnaire opened by the public links and QR posters of the offices, services "
        "and servants of this company.",
    )
    quality_portal_published = fields.Boolean(
        string="Publish the indicator on the portal",
        help="Members of the public council read the yearly indicator (without any servant's "
        "name) on their portal.",
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
