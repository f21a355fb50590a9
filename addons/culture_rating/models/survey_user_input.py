from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    culture_assessment_id = fields.Many2one(
        "culture.assessment",
        string="Culture institution assessment",
        index=True,
        ondelete="restrict",
        readonly=True,
    )
    culture_campaign_id = fields.Many2one(
        related="culture_assessment_id.campaign_id", store=True, index=True, string="Campaign"
    )
    culture_institution_id = fields.Many2one(
        related="culture_assessment_id.institution_id", store=True, string="Institution"
    )
    culture_channel = fields.Selection(
        [
            ("online", "Online (link or QR code)"),
            ("hotline", "Hotline"),
            ("paper", "Paper form"),
            ("phone", "Phone call"),
        ],
        string="Channel",
        readonly=True,
        help="How the answer reached the department: typed in entries are marked by channel.",
    )
    culture_entered_by_id = fields.Many2one("res.users", string="Typed in by", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # a response started by the institution's public link (the base's mechanism)
            if vals.get("culture_assessment_id") and vals.get("quality_link_kind"):
                vals.setdefault("culture_channel", "online")
        return super().create(vals_list)

    @api.constrains("culture_assessment_id", "survey_id")
    def _check_culture_survey(self):
        for answer in self:
            campaign = answer.culture_assessment_id.campaign_id
            if campaign and campaign.survey_id != answer.survey_id:
                raise ValidationError(
                    self.env._("The answer is not on the questionnaire of the campaign.")
                )
