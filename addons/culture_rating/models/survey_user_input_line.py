from odoo import api, fields, models


class SurveyUserInputLine(models.Model):
    _inherit = "survey.user_input.line"

    # Stored copies so that the campaign computation groups lines by indexed columns
    # (_read_group cannot group by a dotted path).
    culture_assessment_id = fields.Many2one(
        related="user_input_id.culture_assessment_id", store=True, index=True
    )
    culture_campaign_id = fields.Many2one(
        related="user_input_id.culture_campaign_id", store=True, index=True
    )
    culture_done = fields.Boolean(compute="_compute_culture_done", store=True)

    @api.depends("user_input_id.state")
    def _compute_culture_done(self):
        for line in self:
            line.culture_done = line.user_input_id.state == "done"
