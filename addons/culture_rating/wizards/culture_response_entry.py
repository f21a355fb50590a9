from odoo import fields, models
from odoo.exceptions import UserError


class CultureResponseEntry(models.TransientModel):
    """Type in a questionnaire received by the hotline, on paper or by phone."""

    _name = "culture.response.entry"
    _description = "Type In a Questionnaire"

    assessment_id = fields.Many2one("culture.assessment", required=True, string="Institution")
    channel = fields.Selection(
        [("hotline", "Hotline"), ("paper", "Paper form"), ("phone", "Phone call")],
        required=True,
        default="paper",
    )

    def _create_entry(self):
        self.ensure_one()
        campaign = self.assessment_id.campaign_id
        if campaign.state != "collecting":
            raise UserError(self.env._("The campaign does not collect answers any more."))
        if not campaign.survey_id:
            raise UserError(self.env._("The campaign has no questionnaire."))
        # the department's user fills the form in the citizen's stead: the survey binds the
        # answer to the user who opens it (culture_entered_by_id keeps who typed it in)
        return campaign.survey_id.sudo()._create_answer(
            user=self.env.user,
            check_attempts=False,
            culture_assessment_id=self.assessment_id.id,
            culture_channel=self.channel,
            culture_entered_by_id=self.env.uid,
        )

    def action_open_form(self):
        answer = self._create_entry()
        survey = answer.survey_id
        return {
            "type": "ir.actions.act_url",
            "url": f"/survey/start/{survey.access_token}?answer_token={answer.access_token}",
            "target": "new",
        }
