from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from . import scoring

BANDS = [
    (scoring.COMPLIANT, "Complies with the Standard"),
    (scoring.MOSTLY_COMPLIANT, "Mostly complies with the Standard"),
    (scoring.VIOLATIONS, "Provided with violations of the Standard"),
    (scoring.NON_COMPLIANT, "Does not comply with the Standard"),
]

# (rate field, numerator, denominator) for the five indicators of section 2.11, in order
RATE_FIGURES = (
    ("staffing_rate", "positions_filled", "positions_total"),
    ("higher_education_rate", "teachers_higher_education", "teachers_total"),
    ("training_rate", "teachers_trained", "teachers_total"),
    ("retention_rate", "pupils_retained", "pupils_start"),
    ("completion_rate", "hours_delivered", "hours_planned"),
)
FIGURE_FIELDS = {name for _rate, *figures in RATE_FIGURES for name in figures}


class EduStandardAssessment(models.Model):
    """Yearly assessment of an organisation against the indicators of section 2.11."""

    _name = "edu.standard.assessment"
    _description = "Yearly Assessment of the Education Quality Standard"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.lock.mixin"]
    _order = "year desc, organization_id"

    # A confirmed assessment is locked (every stored field but the chatter's); the state and
    # who confirmed it change only through action_confirm / action_reset_to_draft.
    _lock_states = ("confirmed",)
    _lock_workflow_fields = frozenset({"confirmed_by_id", "confirmed_date"})

    name = fields.Char(compute="_compute_name", store=True)
    organization_id = fields.Many2one(
        "edu.organization",
        string="Organisation",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        default=lambda self: self._default_organization(),
        # No company filter: the company of an assessment is the organisation's own (a new
        # assessment has none yet, so a check_company domain would offer no organisation at
        # all); the record rules already limit the choice to the organisations the user may see
        # in his allowed companies (the staff of an organisation: their own).
        domain="[('active', '=', True)]",
    )
    company_id = fields.Many2one(
        related="organization_id.company_id", store=True, index=True, precompute=True
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year - 1,
        tracking=True,
        aggregator=False,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        required=True,
        default="draft",
        tracking=True,
        index=True,
        copy=False,
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    confirmed_date = fields.Date(readonly=True, copy=False)
    # Raw figures reported by the organisation
    positions_total = fields.Float(
        string="Positions in the staff schedule", digits=(10, 2), tracking=True
    )
    positions_filled = fields.Float(string="Positions filled", digits=(10, 2), tracking=True)
    teachers_total = fields.Integer(string="Teaching staff", tracking=True)
    # counts (the shares are the rates below): labelled as numbers, not as the indicators
    teachers_higher_education = fields.Integer(
        string="Number of teachers with higher education", tracking=True
    )
    teachers_trained = fields.Integer(
        string="Number of teachers with retraining or qualification upgrade", tracking=True
    )
    pupils_start = fields.Integer(string="Pupils at the start of the programmes", tracking=True)
    pupils_retained = fields.Integer(string="Pupils retained", tracking=True)
    hours_planned = fields.Float(string="Programme hours planned", digits=(10, 1), tracking=True)
    hours_delivered = fields.Float(
        string="Programme hours delivered", digits=(10, 1), tracking=True
    )
    # Indicators (section 2.11)
    staffing_rate = fields.Float(
        string="Staffing (%)",
        digits=(5, 2),
        compute="_compute_rates",
        store=True,
        aggregator="avg",
    )
    higher_education_rate = fields.Float(
        string="Higher education (%)",
        digits=(5, 2),
        compute="_compute_rates",
        store=True,
        aggregator="avg",
    )
    training_rate = fields.Float(
        string="Retraining / qualification upgrade (%)",
        digits=(5, 2),
        compute="_compute_rates",
        store=True,
        aggregator="avg",
    )
    retention_rate = fields.Float(
        string="Retention of pupils (%)",
        digits=(5, 2),
        compute="_compute_rates",
        store=True,
        aggregator="avg",
    )
    completion_rate = fields.Float(
        string="Completion of the programmes (%)",
        digits=(5, 2),
        compute="_compute_rates",
        store=True,
        aggregator="avg",
    )
    missing_figures = fields.Char(
        compute="_compute_missing_figures",
        help="Indicators whose base figure is zero: the assessment cannot be scored.",
    )
    staffing_points = fields.Integer(compute="_compute_score", store=True, aggregator="avg")
    higher_education_points = fields.Integer(compute="_compute_score", store=True, aggregator="avg")
    training_points = fields.Integer(compute="_compute_score", store=True, aggregator="avg")
    retention_points = fields.Integer(compute="_compute_score", store=True, aggregator="avg")
    completion_points = fields.Integer(compute="_compute_score", store=True, aggregator="avg")
    total_points = fields.Integer(
        string="Total points", compute="_compute_score", store=True, aggregator="avg"
    )
    band = fields.Selection(BANDS, compute="_compute_score", store=True, index=True)
    note = fields.Html()

    _sql_constraints = [
        (
            "organization_year_uniq",
            "unique(organization_id, year)",
            "An organisation has one assessment per year.",
        ),
        ("year_check", "CHECK(year BETWEEN 2000 AND 2100)", "The year must be a real year."),
    ]

    @api.model
    def _default_organization(self):
        """The organisation of a user on the staff of exactly one (the usual case of the head
        or a deputy entering the figures of his own organisation)."""
        organizations = self.env["edu.organization"].search(
            [("user_ids", "in", self.env.uid)], limit=2
        )
        return organizations if len(organizations) == 1 else False

    @api.depends("organization_id", "year")
    def _compute_name(self):
        for assessment in self:
            organization = assessment.organization_id
            assessment.name = (
                f"{organization.short_name or organization.name or ''} {assessment.year}".strip()
            )

    @api.depends(*FIGURE_FIELDS)
    def _compute_rates(self):
        for assessment in self:
            for rate_field, part, whole in RATE_FIGURES:
                try:
                    value = scoring.rate(assessment[part], assessment[whole], rate_field)
                except ValueError:
                    # zero base: reported by missing_figures and refused on confirmation;
                    # negative or excessive figures: refused by _check_figures
                    value = 0.0
                assessment[rate_field] = round(value, 2)

    @api.depends(*FIGURE_FIELDS)
    def _compute_missing_figures(self):
        labels = self._indicator_labels()
        for assessment in self:
            missing = [
                labels[rate_field]
                for rate_field, _part, whole in RATE_FIGURES
                if not assessment[whole]
            ]
            assessment.missing_figures = ", ".join(missing) or False

    def _has_all_bases(self):
        self.ensure_one()
        return all(self[whole] for _rate, _part, whole in RATE_FIGURES)

    def _official_lang(self):
        """Language of the official summary of these assessments: the issuing company's (its
        contact's language), whoever prints it; the user's when it is not installed."""
        company = self.company_id[:1] or self.env.company
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        lang = company.partner_id.lang
        return lang if lang in installed else self.env.lang

    def _indicator_labels(self):
        """Names of the indicators of section 2.11, by rate field, in the user's language."""
        return {
            "staffing_rate": self.env._("Staffing"),
            "higher_education_rate": self.env._("Teachers with higher education"),
            "training_rate": self.env._("Teachers with retraining or qualification upgrade"),
            "retention_rate": self.env._("Retention of pupils"),
            "completion_rate": self.env._("Completion of the programmes"),
        }

    @api.depends(
        "staffing_rate",
        "higher_education_rate",
        "training_rate",
        "retention_rate",
        "completion_rate",
        *FIGURE_FIELDS,
    )
    def _compute_score(self):
        for assessment in self:
            if assessment._has_all_bases():
                result = scoring.score_standard(*assessment._rates())
            else:
                result = {"points": [0] * 5, "total": 0, "band": False}
            (
                assessment.staffing_points,
                assessment.higher_education_points,
                assessment.training_points,
                assessment.retention_points,
                assessment.completion_points,
            ) = result["points"]
            assessment.total_points = result["total"]
            assessment.band = result["band"]

    def _rates(self):
        self.ensure_one()
        return [self[rate_field] for rate_field, _part, _whole in RATE_FIGURES]

    @api.constrains(*FIGURE_FIELDS)
    def _check_figures(self):
        labels = self._indicator_labels()
        for assessment in self:
            for rate_field, part, whole in RATE_FIGURES:
                part_value, whole_value = assessment[part], assessment[whole]
                if part_value < 0 or whole_value < 0:
                    raise ValidationError(
                        self.env._(
                            "%(assessment)s, %(indicator)s: the figures cannot be negative.",
                            assessment=assessment.name,
                            indicator=labels[rate_field],
                        )
                    )
                if part_value > whole_value:
                    raise ValidationError(
                        self.env._(
                            "%(assessment)s, %(indicator)s: %(part)s (%(part_value)s) cannot "
                            "exceed %(whole)s (%(whole_value)s).",
                            assessment=assessment.name,
                            indicator=labels[rate_field],
                            part=assessment._fields[part].get_description(self.env)["string"],
                            part_value=part_value,
                            whole=assessment._fields[whole].get_description(self.env)["string"],
                            whole_value=whole_value,
                        )
                    )

    def _check_department(self, action):
        """Only the education department confirms or reopens an assessment, and nobody on the
        staff of the organisation assessed (separation of duties: an organisation never
        confirms its own figures, even when its user also belongs to the department)."""
        self._lock_check_groups("edu_standard.group_edu_user", action=action)
        user = self.env.user
        for assessment in self:
            organization = assessment.sudo().organization_id
            if user in organization.user_ids or user == organization.head_user_id:
                raise AccessError(
                    self.env._(
                        "The assessment %(name)s: you are on the staff of %(organization)s, so "
                        "%(action)s belongs to another specialist of the education department.",
                        name=assessment.name,
                        organization=organization.display_name,
                        action=action,
                    )
                )

    def action_confirm(self):
        action = self.env._("the confirmation of an assessment")
        self._check_department(action)
        self._lock_check_state(("draft",), action=action)
        for assessment in self:
            if not assessment._has_all_bases():
                raise UserError(
                    self.env._(
                        "The assessment %(name)s cannot be scored: the base figure of "
                        "%(indicators)s is zero. Enter the figures the organisation reported.",
                        name=assessment.name,
                        indicators=assessment.missing_figures,
                    )
                )
        self._lock_write(
            {
                "state": "confirmed",
                "confirmed_by_id": self.env.uid,
                "confirmed_date": fields.Date.context_today(self),
            }
        )
        return True

    def action_reset_to_draft(self):
        action = self.env._("the reopening of a confirmed assessment")
        self._lock_check_groups("edu_standard.group_edu_manager", action=action)
        self._check_department(action)
        self._lock_transition(
            ("confirmed",),
            {"state": "draft", "confirmed_by_id": False, "confirmed_date": False},
            action=action,
        )
        return True
