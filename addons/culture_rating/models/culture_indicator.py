from odoo import api, fields, models
from odoo.exceptions import ValidationError

LOCKED_FIELDS = {
    "criterion_id",
    "code",
    "weight",
    "max_points",
    "source",
    "formula",
    "points_per_unit",
    "question_code",
    "question_code_2",
}


class CultureIndicator(models.Model):
    """An indicator of a criterion: its formula, source, points and weight."""

    _name = "culture.indicator"
    _description = "Assessment Indicator"
    _inherit = ["municipal.lock.mixin"]
    _order = "method_id, criterion_sequence, sequence, id"

    # frozen with its adopted methodology (its wording apart)
    _lock_state_field = "method_state"
    _lock_states = ("adopted", "superseded")
    _lock_writable_fields = frozenset({"name", "description"})

    criterion_id = fields.Many2one(
        "culture.criterion", required=True, ondelete="cascade", index=True
    )
    method_id = fields.Many2one(
        related="criterion_id.method_id", store=True, index=True, string="Methodology"
    )
    method_state = fields.Selection(related="method_id.state", string="Methodology status")
    criterion_sequence = fields.Integer(
        related="criterion_id.sequence", store=True, string="Criterion sequence"
    )
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    source = fields.Selection(
        [
            ("questionnaire", "Questionnaire"),
            ("checklist", "Disclosure checklist"),
            ("expert", "Expert value"),
        ],
        required=True,
        default="questionnaire",
        help="Questionnaire: answers of the citizens; disclosure checklist: the items of plan "
        "item 3.1 checked on the stands and the website; expert value: entered by the culture "
        "department or the public council.",
    )
    formula = fields.Selection(
        [
            ("disclosure", "Information on stands and website: 0.5 x (stand + site) / norm x 100"),
            ("points_per_unit", "Points per condition or channel, capped"),
            ("share", "Satisfied respondents: U / Ch x 100"),
            ("share_pair", "Two groups of respondents: 0.5 x (U1 / Ch1 + U2 / Ch2) x 100"),
            ("direct", "Expert value in points"),
        ],
        required=True,
        default="share",
    )
    max_points = fields.Float(
        default=100.0, digits=(5, 2), aggregator=False, help="Maximum of the indicator."
    )
    points_per_unit = fields.Float(
        digits=(5, 2),
        aggregator=False,
        help="Points per condition or channel present (points per unit formula).",
    )
    weight = fields.Float(
        required=True,
        digits=(5, 2),
        help="Weight in its criterion; a criterion's weights add up to 1.",
    )
    question_code = fields.Char(
        help="Code of the questionnaire question (Culture code of a survey question) whose "
        "positive answers are the satisfied respondents."
    )
    question_code_2 = fields.Char(
        string="Second question code", help="Second group of respondents (two groups formula)."
    )
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_criterion_uniq", "unique(code, criterion_id)", "Indicator codes are unique."),
        ("weight_range", "CHECK(weight > 0 AND weight <= 1)", "A weight is between 0 and 1."),
        (
            "max_points_range",
            "CHECK(max_points > 0 AND max_points <= 100)",
            "The maximum of an indicator is between 0 and 100 points.",
        ),
    ]

    @api.constrains("source", "formula", "question_code", "question_code_2", "points_per_unit")
    def _check_formula(self):
        by_source = {
            "questionnaire": ("share", "share_pair"),
            "checklist": ("disclosure",),
            "expert": ("points_per_unit", "direct"),
        }
        for indicator in self:
            if indicator.formula not in by_source[indicator.source]:
                raise ValidationError(
                    self.env._(
                        "Indicator %s: this formula does not fit the source of the indicator.",
                        indicator.name,
                    )
                )
            if indicator.source == "questionnaire" and not indicator.question_code:
                raise ValidationError(
                    self.env._("Indicator %s needs the code of its question.", indicator.name)
                )
            if indicator.formula == "share_pair" and not indicator.question_code_2:
                raise ValidationError(
                    self.env._("Indicator %s needs a second question code.", indicator.name)
                )
            if indicator.formula == "points_per_unit" and indicator.points_per_unit <= 0:
                raise ValidationError(
                    self.env._("Indicator %s needs the points per unit.", indicator.name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        criteria = self.env["culture.criterion"].browse([v.get("criterion_id") for v in vals_list])
        criteria.method_id._check_draft()
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")  # the access rights answer first, then the lock
        if LOCKED_FIELDS & set(vals):
            self.method_id._check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_method_draft(self):
        self.method_id._check_draft()
