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
# Longest free-text answer a citizen may give ("what should we improve?").
TEXT_ANSWER_LIMIT = 2000


def _ids(values):
    """The integers of ``values`` (ids posted by a browser), or None when one is not an id."""
    result = set()
    for value in values:
        if isinstance(value, bool) or not str(value).strip().isdigit():
            return None
        result.add(int(value))
    return result


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

    def validate_question(self, answer, comment=None):
        """On a citizen questionnaire, an answer must be one of the question's own suggested
        answers (and rows, for a matrix): an id of another question or questionnaire, or no id
        at all, is refused with a message and nothing is stored. Free text is limited."""
        errors = super().validate_question(answer, comment)
        if errors or not self.survey_id.is_quality_survey:
            return errors
        invalid = {self.id: self.env._("This answer does not belong to this question.")}
        if self.question_type in ("simple_choice", "multiple_choice") and answer:
            values = answer if isinstance(answer, list) else [answer]
            chosen = _ids(values)
            if chosen is None or not chosen <= set(self.suggested_answer_ids.ids):
                return invalid
        elif self.question_type == "matrix" and answer:
            if not isinstance(answer, dict):
                return invalid
            rows = _ids(answer.keys())
            columns = _ids(
                value
                for values in answer.values()
                for value in (values if isinstance(values, list) else [values])
            )
            if (
                rows is None
                or columns is None
                or not rows <= set(self.matrix_row_ids.ids)
                or not columns <= set(self.suggested_answer_ids.ids)
            ):
                return invalid
        texts = [answer if self.question_type in ("char_box", "text_box") else None, comment]
        if any(isinstance(text, str) and len(text) > TEXT_ANSWER_LIMIT for text in texts):
            return {
                self.id: self.env._(
                    "Please keep your answer under %(limit)s characters.", limit=TEXT_ANSWER_LIMIT
                )
            }
        return {}
