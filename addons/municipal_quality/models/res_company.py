from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    quality_target = fields.Float(
        string="Satisfaction target (%)",
        digits=(5, 2),
        default=80.0,
        help="Target value of the indicator 'citizens satisfied with the quality of the work of "
        "municipal servants who provide municipal services' (not less than 80%).",
    )
    quality_survey_id = fields.Many2one(
        "survey.survey",
        string="Citizen questionnaire",
        domain="[('is_quality_survey', '=', True)]",
        help="Questionnaire opened by the public links and QR posters of the offices, services "
        "and servants of this company.",
    )
    quality_portal_published = fields.Boolean(
        string="Publish the indicator on the portal",
        help="Members of the public council read the yearly indicator (without any servant's "
        "name) on their portal.",
    )

    quality_case_sla_questionnaire = fields.Integer(
        string="Days to resolve a case from a questionnaire answer",
        default=2,
        help="A case opened by an unsatisfied answer with a comment is due this many days later.",
    )
    quality_case_sla_alert = fields.Integer(
        string="Days to resolve a case from an alert", default=1
    )
    quality_case_sla_manual = fields.Integer(
        string="Days to resolve a case opened by hand", default=5
    )
    quality_min_respondents = fields.Integer(
        string="Minimum respondents to publish a servant's figure",
        default=5,
        help="A servant's indicator is shown on the public and council pages and on the bonus "
        'lines only from this number of respondents; below it they read "too few answers" '
        "(a few voices would identify the citizens and swing the rate).",
    )
    quality_voice_period_hours = fields.Integer(
        string="One response per device per (hours)",
        default=24,
        help="A phone or computer answers a given questionnaire link once in this period; a "
        "second response is refused with a message, and counted as a suppressed duplicate.",
    )
    quality_voice_address_limit = fields.Integer(
        string="Responses per link and client address in the period",
        default=10,
        help="Above this number of responses to one link from one client address in the "
        "period, further responses are refused (a script clearing its cookies). The address is "
        "kept only as a salted hash, erased at the end of the period. 0: no limit. Kiosk "
        "links of the offices are not limited (one tablet serves every citizen).",
    )
    quality_kiosk_reset_seconds = fields.Integer(
        string="Kiosk: new questionnaire after (seconds)",
        default=8,
        help="On an office tablet (kiosk link), the thank-you page returns to a fresh "
        "questionnaire after this delay.",
    )

    @api.constrains("quality_min_respondents")
    def _check_quality_min_respondents(self):
        for company in self:
            if company.quality_min_respondents < 1:
                raise ValidationError(
                    self.env._(
                        "The minimum number of respondents to publish a figure is 1 or more."
                    )
                )

    @api.constrains(
        "quality_voice_period_hours", "quality_voice_address_limit", "quality_kiosk_reset_seconds"
    )
    def _check_quality_voice_settings(self):
        for company in self:
            if company.quality_voice_period_hours < 1 or company.quality_voice_address_limit < 0:
                raise ValidationError(
                    self.env._(
                        "The period of one response per device is at least one hour, and the "
                        "limit per client address is zero (none) or more."
                    )
                )
            if not 1 <= company.quality_kiosk_reset_seconds <= 600:
                raise ValidationError(
                    self.env._("The kiosk returns to a new questionnaire after 1 to 600 seconds.")
                )

    @api.constrains("quality_target")
    def _check_quality_target(self):
        for company in self:
            if not 0.0 <= company.quality_target <= 100.0:
                raise ValidationError(
                    self.env._(
                        "The satisfaction target must be between 0 and 100%%, not %(value)s.",
                        value=company.quality_target,
                    )
                )

    def _municipal_document_lang(self, recipient=None):
        """Language of an official document issued by this company: the recipient's when he
        chose one of the installed languages other than the default English, else the
        company's own (the language of its contact), else the user's."""
        self.ensure_one()
        active = {code for code, _name in self.env["res.lang"].get_installed()}
        recipient_lang = recipient and recipient.sudo().lang
        if recipient_lang and recipient_lang != "en_US" and recipient_lang in active:
            return recipient_lang
        company_lang = self.sudo().partner_id.lang
        if company_lang and company_lang in active:
            return company_lang
        return self.env.lang or "en_US"
