from odoo import fields, models


class SurveyQuestionAnswer(models.Model):
    _inherit = "survey.question.answer"

    culture_positive = fields.Boolean(
        string="Satisfied",
        help="Choosing this answer counts the respondent as satisfied for the culture rating.",
    )
