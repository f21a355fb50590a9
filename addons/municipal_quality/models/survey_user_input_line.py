from odoo import fields, models


class SurveyUserInputLine(models.Model):
    _inherit = "survey.user_input.line"

    # Stored so that the indicator and its report are one indexed SQL aggregation.
    quality_dimension = fields.Selection(
        related="question_id.quality_dimension", store=True, index="btree_not_null"
    )
    satisfaction = fields.Selection(related="suggested_answer_id.satisfaction", store=True)
