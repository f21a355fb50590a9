from odoo import fields, models


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    culture_code = fields.Char(
        string="Culture code",
        index=True,
        help="Code the indicators of the culture methodology use to find this question; "
        "its answers marked positive count the satisfied respondents.",
    )
