from odoo import api, fields, models
from odoo.exceptions import ValidationError

QUALITY_DIMENSIONS = [
    ("comfort", "Comfort of the premises"),
    ("timing", "Timing"),
    ("information", "Information"),
    ("staff", "Work of the municipal servant"),
    ("overall", "Overall satisfaction"),
]
# Question types whose answers are suggested answers carrying a satisfaction.
CHOICE_QUESTION_TYPES = ("simple_choice", "multiple_choice", "matrix")


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    quality_dimension = fields.Selection(
        QUALITY_DIMENSIONS,
        index=True,
        help="Dimension of the quality of the municipal service this question measures. "
        "Only the answers to questions with a dimension count in the satisfaction indicator.",
    )

    @api.constrains("quality_dimension", "question_type", "is_page")
    def _check_quality_dimension_type(self):
        for question in self.filtered("quality_dimension"):
            if question.is_page or question.question_type not in CHOICE_QUESTION_TYPES:
                raise ValidationError(
                    self.env._(
                        "The question '%(question)s' measures a quality dimension: it must be a "
                        "multiple choice or a matrix question, whose suggested answers say "
                        "whether the citizen is satisfied.",
                        question=question.title,
                    )
                )
