from odoo import fields, models


class SurveyQuestionAnswer(models.Model):
    _inherit = "survey.question.answer"

    satisfaction = fields.Selection(
        [
            ("positive", "Satisfied"),
            ("negative", "Not satisfied"),
            ("neutral", "Hard to say"),
        ],
        help="Part of the scale this suggested answer belongs to. A respondent is satisfied on a "
        "dimension when all his answers of that dimension are positive; 'hard to say' counts "
        "as a respondent who is not satisfied.",
    )
