import uuid

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import hmac

from odoo.addons.municipal_quality.models.municipal_quality_link_mixin import (
    LINK_KINDS,
    LINK_SCOPE,
    SIGNATURE_LENGTH,
    qr_png_base64,
)

# The questionnaire link of an institution is a public link of the base (one mechanism for
# every citizen questionnaire): the response is created on the first POST, anonymous, one per
# device and period, limited per client address (salted hash), tagged with the assessment.
CULTURE_LINK_KIND = "culture"
LINK_KINDS.setdefault(CULTURE_LINK_KIND, ("culture.assessment", "culture_assessment_id"))

SCORE_FIELDS = {"total", "rank", "response_count", "no_responses", "checklist_missing"}
HEAD_FIELDS = {"head_conclusion", "head_note"}
# the evaluation of the head is personal data: the department and the heads, never the council
HEAD_EVALUATION_GROUPS = (
    "culture_rating.group_culture_user,culture_rating.group_culture_institution_head"
)


class CultureAssessment(models.Model):
    """One institution in one campaign: its questionnaire link, checklist, expert values,
    indicator values, criterion scores, total and rank."""

    _name = "culture.assessment"
    _description = "Institution Assessment"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "municipal.lock.mixin",
        "municipal.quality.link.mixin",
    ]
    _order = "year desc, rank, institution_name, id"
    _quality_link_kind = CULTURE_LINK_KIND
    _rec_name = "institution_id"

    # locked with its campaign's results; the scores are written only by the computation of
    # the campaign (a server step), the evaluation of the head stays open
    _lock_state_field = "campaign_state"
    _lock_states = ("approved", "published")
    _lock_writable_fields = frozenset(HEAD_FIELDS)
    _lock_workflow_fields = frozenset(SCORE_FIELDS)

    campaign_id = fields.Many2one("culture.campaign", required=True, ondelete="cascade", index=True)
    institution_id = fields.Many2one(
        "culture.institution", required=True, ondelete="restrict", index=True
    )
    institution_name = fields.Char(related="institution_id.name", store=True, string="Name")
    institution_type = fields.Selection(related="institution_id.institution_type", store=True)
    year = fields.Integer(related="campaign_id.year", store=True, aggregator=False)
    # grouping by the integer year would print it as a number with thousands ("2 025") in the
    # group rows of the lists: the lists group by this text
    year_label = fields.Char(
        compute="_compute_year_label", store=True, string="Campaign year", index=True
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    campaign_state = fields.Selection(related="campaign_id.state", string="Campaign status")
    published = fields.Boolean(related="campaign_id.is_published", store=True, index=True)
    method_id = fields.Many2one(related="campaign_id.method_id")
    access_token = fields.Char(
        required=True,
        copy=False,
        default=lambda self: uuid.uuid4().hex,
        readonly=True,
        help="Secret of the institution's questionnaire link and QR code.",
    )
    survey_url = fields.Char(
        compute="_compute_survey_url", string="Link of the institution's questionnaire"
    )
    survey_qr_src = fields.Char(compute="_compute_survey_qr_src", string="QR code image")
    line_ids = fields.One2many("culture.assessment.line", "assessment_id", string="Scores")
    criterion_line_ids = fields.One2many(
        "culture.assessment.line",
        "assessment_id",
        domain=[("indicator_id", "=", False)],
        string="Criterion scores",
    )
    indicator_line_ids = fields.One2many(
        "culture.assessment.line",
        "assessment_id",
        domain=[("indicator_id", "!=", False)],
        string="Indicator values",
    )
    checklist_line_ids = fields.One2many(
        "culture.checklist.line", "assessment_id", string="Disclosure checklist"
    )
    expert_value_ids = fields.One2many(
        "culture.expert.value", "assessment_id", string="Expert values"
    )
    plan_ids = fields.One2many("culture.improvement.plan", "assessment_id", string="Plans")
    total = fields.Float(
        digits=(5, 2),
        readonly=True,
        aggregator="avg",
        help="Mean of the criterion scores, 0-100.",
    )
    rank = fields.Integer(readonly=True, aggregator=False, help="Equal totals share a rank.")
    response_count = fields.Integer(string="Responses", readonly=True)
    no_responses = fields.Boolean(
        readonly=True, help="Some questionnaire indicators had no respondent: they score 0."
    )
    checklist_missing = fields.Boolean(
        readonly=True, help="The disclosure checklist was not checked: the indicator scores 0."
    )
    checklist_published_count = fields.Integer(
        compute="_compute_checklist_stats", string="Items published"
    )
    checklist_rate = fields.Float(
        compute="_compute_checklist_stats", digits=(5, 2), string="Disclosure (%)"
    )
    head_name = fields.Char(
        string="Head", help="Head of the institution at the time of the campaign."
    )
    head_conclusion = fields.Selection(
        [
            ("meets", "Meets the position"),
            ("partly", "Meets the position with recommendations"),
            ("not_meets", "Does not meet the position"),
        ],
        tracking=True,
        groups=HEAD_EVALUATION_GROUPS,
        help="Yearly evaluation of the head of the institution (plan item 1.1).",
    )
    head_note = fields.Text(string="Evaluation of the head", groups=HEAD_EVALUATION_GROUPS)

    _sql_constraints = [
        (
            "campaign_institution_uniq",
            "unique(campaign_id, institution_id)",
            "The institution is already in this campaign.",
        ),
    ]

    @api.depends("institution_id.name", "year")
    def _compute_display_name(self):
        for assessment in self:
            assessment.display_name = f"{assessment.institution_id.name} ({assessment.year})"

    @api.depends("year")
    def _compute_year_label(self):
        for assessment in self:
            assessment.year_label = str(assessment.year) if assessment.year else False

    @api.depends("survey_url")
    def _compute_survey_qr_src(self):
        for assessment in self:
            assessment.survey_qr_src = (
                "data:image/png;base64," + qr_png_base64(assessment.survey_url)
                if assessment.survey_url
                else False
            )

    @api.depends("access_token", "campaign_id")
    def _compute_survey_url(self):
        for assessment in self:
            assessment.survey_url = (
                assessment.get_base_url() + assessment._quality_link_path()
                if assessment.id and assessment.access_token
                else False
            )

    @api.depends("access_token")
    def _compute_quality_survey_url(self):
        self._compute_survey_url()
        for assessment in self:
            assessment.quality_survey_url = assessment.survey_url

    @api.model
    def _quality_link_signature(self, kind, res_id):
        """The base's signature of the link, with the secret of the assessment: the button
        New link (a new access token) invalidates the printed QR codes."""
        token = self.sudo().browse(int(res_id)).exists().access_token or ""
        message = f"{kind}:{int(res_id)}:{token}"
        return hmac(self.env(su=True), LINK_SCOPE, message)[:SIGNATURE_LENGTH]

    def action_print_quality_poster(self):
        """The base's poster button prints the culture poster of the institution."""
        report = self.env.ref("culture_rating.action_report_culture_poster")
        # the poster has no letterhead: no need to configure the document layout first
        return report.with_context(discard_logo_check=True).report_action(self)

    def _quality_link_open(self):
        """Whether the questionnaire of the institution collects answers now."""
        self.ensure_one()
        campaign = self.campaign_id
        return campaign.state == "collecting" and bool(campaign.survey_id.active)

    @api.depends("checklist_line_ids.state")
    def _compute_checklist_stats(self):
        for assessment in self:
            lines = assessment.checklist_line_ids
            published = len(lines.filtered(lambda line: line.state == "published"))
            assessment.checklist_published_count = published
            assessment.checklist_rate = published / len(lines) * 100 if lines else 0.0

    @api.model_create_multi
    def create(self, vals_list):
        campaigns = self.env["culture.campaign"].browse([v.get("campaign_id") for v in vals_list])
        if campaigns.filtered(lambda c: c.state in ("approved", "published")):
            raise UserError(self.env._("The campaign is approved: its institutions are locked."))
        for vals in vals_list:
            if not vals.get("head_name") and vals.get("institution_id"):
                institution = self.env["culture.institution"].browse(vals["institution_id"])
                vals["head_name"] = institution.head_name
        assessments = super().create(vals_list)
        assessments.filtered(lambda a: a.campaign_id.state != "draft")._create_checklist_lines()
        return assessments

    def write(self, vals):
        self.check_access("write")
        forced = self - self._lock_lifted()
        if forced and SCORE_FIELDS & set(vals):
            raise UserError(self.env._("Scores and ranks are computed, not typed in."))
        if forced and "access_token" in vals:
            raise UserError(
                self.env._("The questionnaire link changes only with the button New link.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_campaign_draft(self):
        if self.filtered(lambda a: a.campaign_id.state != "draft"):
            raise UserError(self.env._("An institution cannot leave a campaign that started."))

    def _create_checklist_lines(self):
        items = self.env["culture.checklist.item"].search([("active", "=", True)])
        vals_list = []
        for assessment in self:
            present = assessment.checklist_line_ids.item_id
            vals_list += [
                {"assessment_id": assessment.id, "item_id": item.id}
                for item in items
                if item not in present
            ]
        self.env["culture.checklist.line"].with_context(
            mail_create_nolog=True, tracking_disable=True
        ).create(vals_list)

    def action_regenerate_token(self):
        self._lock_check_groups(
            "culture_rating.group_culture_user", action=self.env._("a new questionnaire link")
        )
        for assessment in self:
            if assessment.campaign_id.state in ("approved", "published"):
                raise UserError(self.env._("The campaign is closed."))
            assessment._lock_write({"access_token": uuid.uuid4().hex})
        return True

    def action_create_plan(self):
        """An improvement plan with one measure per indicator below the company's target."""
        self.ensure_one()
        self._lock_check_groups(
            "culture_rating.group_culture_user", action=self.env._("creating an improvement plan")
        )
        target = self.company_id.quality_target or 80.0
        weak = self.indicator_line_ids.filtered(lambda line: line.value < target)
        plan = self.env["culture.improvement.plan"].create(
            {
                "assessment_id": self.id,
                "measure_ids": [
                    Command.create(
                        {
                            "indicator_id": line.indicator_id.id,
                            "name": self.env._(
                                "Improve: %(indicator)s (%(value)s points)",
                                indicator=line.indicator_id.name,
                                value=line.value,
                            ),
                            "user_id": self.institution_id.head_user_id.id,
                        }
                    )
                    for line in weak.sorted("value")
                ],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "culture.improvement.plan",
            "res_id": plan.id,
            "view_mode": "form",
        }

    def action_enter_response(self):
        self.ensure_one()
        self._lock_check_groups(
            "culture_rating.group_culture_user", action=self.env._("typing in a questionnaire")
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "culture.response.entry",
            "view_mode": "form",
            "target": "new",
            "context": {"default_assessment_id": self.id},
        }

    def action_view_responses(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Responses"),
            "res_model": "survey.user_input",
            "view_mode": "list,form",
            "domain": [("culture_assessment_id", "=", self.id)],
        }
