from odoo import fields, models


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    is_culture_questionnaire = fields.Boolean(
        string="Culture questionnaire",
        help="Questionnaire of the independent assessment of culture institutions: its "
        "questions carry a culture code that the indicators of the methodology refer to.",
    )
