from odoo import api, fields, models

# context key set by the culture controller, after it checked the link's signature
CULTURE_LINK_CONTEXT = "culture_link_assessment_id"


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    is_culture_questionnaire = fields.Boolean(
        string="Culture questionnaire",
        help="Questionnaire of the independent assessment of culture institutions: its "
        "questions carry a culture code that the indicators of the methodology refer to.",
    )

    @api.model
    def _quality_default_survey(self, company):
        """The public link of an institution opens the questionnaire of its campaign, not the
        company's questionnaire of the municipal services."""
        assessment_id = self.env.context.get(CULTURE_LINK_CONTEXT)
        if assessment_id:
            assessment = self.env["culture.assessment"].sudo().browse(int(assessment_id)).exists()
            return assessment.campaign_id.survey_id.sudo()
        return super()._quality_default_survey(company)
