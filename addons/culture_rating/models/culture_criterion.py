from odoo import api, fields, models
from odoo.exceptions import ValidationError

LOCKED_FIELDS = {"name", "code", "weight", "method_id", "sequence"}


class CultureCriterion(models.Model):
    """A general criterion of the assessment, scored 0-100."""

    _name = "culture.criterion"
    _description = "Assessment Criterion"
    _inherit = ["municipal.lock.mixin"]
    _order = "method_id, sequence, id"

    # frozen with its adopted methodology (the explanation apart)
    _lock_state_field = "method_state"
    _lock_states = ("adopted", "superseded")
    _lock_writable_fields = frozenset({"description"})

    method_id = fields.Many2one("culture.method", required=True, ondelete="cascade", index=True)
    method_state = fields.Selection(related="method_id.state", string="Methodology status")
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, help="Short code, e.g. K1.")
    name = fields.Char(required=True, translate=True)
    weight = fields.Float(
        default=1.0,
        digits=(5, 2),
        help="Weight of the criterion in the institution's score; with equal weights the "
        "score is the mean of the criteria.",
    )
    creative_applicable = fields.Boolean(
        string="Applies to creative organisations",
        help="Organisations that create, perform or show works of art are assessed on the "
        "criteria ticked here only.",
    )
    indicator_ids = fields.One2many("culture.indicator", "criterion_id", string="Indicators")
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_method_uniq", "unique(code, method_id)", "Criterion codes are unique per method."),
        ("weight_positive", "CHECK(weight > 0)", "The weight of a criterion must be positive."),
    ]

    @api.constrains("code")
    def _check_code(self):
        for criterion in self:
            if not criterion.code.strip():
                raise ValidationError(self.env._("The criterion code cannot be empty."))

    @api.model_create_multi
    def create(self, vals_list):
        methods = self.env["culture.method"].browse([v.get("method_id") for v in vals_list])
        methods._check_draft()
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")  # the access rights answer first, then the lock
        if LOCKED_FIELDS & set(vals) or "indicator_ids" in vals:
            self.method_id._check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_method_draft(self):
        self.method_id._check_draft()
