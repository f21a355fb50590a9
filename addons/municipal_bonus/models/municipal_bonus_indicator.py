from odoo import api, fields, models
from odoo.exceptions import ValidationError

from . import regulation, scoring
from .hr_employee import CATEGORY_SELECTION

TABLE_SELECTION = [(str(n), f"Table {n}") for n in range(1, 7)]


class MunicipalBonusIndicator(models.Model):
    """A negative indicator of section 3.1 of Положение 133-р and its percent of reduction."""

    _name = "municipal.bonus.indicator"
    _description = "Bonus Reduction Indicator"
    _inherit = ["mail.thread", "municipal.lock.mixin"]
    _order = "catalogue_id, table, row, id"
    _rec_names_search = ["code", "name"]

    # frozen with the catalogue of the act in force (or superseded): percents, wording and all;
    # a change is a new version of the catalogue tied to the amending act
    _lock_state_field = "catalogue_state"
    _lock_states = ("in_force", "superseded")

    catalogue_id = fields.Many2one(
        "municipal.bonus.catalogue",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self._default_catalogue(),
        help="The version of the catalogue, and the act, this indicator belongs to.",
    )
    catalogue_state = fields.Selection(
        related="catalogue_id.state", string="Catalogue status", store=True, index=True
    )
    code = fields.Char(
        required=True,
        tracking=True,
        help="<table>.<row> of section 3.1 of the regulation, e.g. 5.2.",
    )
    table = fields.Selection(TABLE_SELECTION, required=True, tracking=True)
    row = fields.Integer(required=True, tracking=True)
    name = fields.Text(
        string="Indicator",
        required=True,
        tracking=True,
        help="Wording of the negative indicator as the regulation states it.",
    )
    criterion_type = fields.Selection(
        [("qualitative", "Qualitative"), ("temporal", "Temporal")],
        compute="_compute_from_table",
        store=True,
        help="Tables 1, 3 and 5 hold the qualitative criterion, tables 2, 4 and 6 the "
        "temporal one.",
    )
    table_title = fields.Char(
        string="Table of section 3.1",
        compute="_compute_act_words",
        help="The caption of the table of section 3.1, in the words of the act.",
    )
    criterion_text = fields.Char(
        string="Criterion of section 3.1",
        compute="_compute_act_words",
        help="The criterion of section 3.1 the table holds, in the words of the act.",
    )
    category = fields.Selection(
        CATEGORY_SELECTION,
        compute="_compute_from_table",
        store=True,
        index=True,
        help="Position category the table applies to.",
    )
    reduction_percent = fields.Float(
        string="Reduction (%)",
        digits=(5, 2),
        required=True,
        default=5.0,
        tracking=True,
        help="Indicator of the regulation: percent by which the premium is reduced when the "
        "indicator is found. A change applies to draft reviews only.",
    )
    evidence_kind = fields.Selection(
        [
            ("complaint", "Confirmed complaints"),
            ("sanction", "Disciplinary sanctions"),
            ("overdue", "Overdue documents and assignments"),
        ],
        help="Source of the suggestions of this indicator from the data of Odoo.",
    )
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to use the indicator in every company.",
    )

    _sql_constraints = [
        (
            "reduction_percent_range",
            "CHECK(reduction_percent >= 0 AND reduction_percent <= 100)",
            "The reduction of an indicator is between 0 and 100%.",
        ),
    ]

    @api.depends("table")
    def _compute_act_words(self):
        for indicator in self:
            table = int(indicator.table) if indicator.table else 0
            indicator.table_title = regulation.TABLE_TITLES.get(table, False)
            indicator.criterion_text = (
                regulation.CRITERIA[scoring.criterion_type(table)] if table else False
            )

    @api.model
    def _default_catalogue(self):
        return self.env["municipal.bonus.catalogue"].search(
            [("state", "=", "draft")], order="version desc", limit=1
        )

    @api.depends("table")
    def _compute_from_table(self):
        for indicator in self:
            table = int(indicator.table) if indicator.table else 0
            indicator.criterion_type = scoring.criterion_type(table) if table else False
            indicator.category = scoring.table_category(table) if table else False

    @api.constrains("code", "table", "row", "company_id", "active")
    def _check_code(self):
        for indicator in self:
            expected = f"{indicator.table}.{indicator.row}"
            if indicator.code != expected:
                raise ValidationError(
                    self.env._(
                        "The code of an indicator is '<table>.<row>': expected %(code)s.",
                        code=expected,
                    )
                )
            duplicate = self.search_count(
                [
                    ("id", "!=", indicator.id),
                    ("catalogue_id", "=", indicator.catalogue_id.id),
                    ("code", "=", indicator.code),
                    ("company_id", "in", [indicator.company_id.id, False]),
                ]
            )
            if indicator.active and duplicate:
                raise ValidationError(
                    self.env._(
                        "Another active indicator already has the code %(code)s.",
                        code=indicator.code,
                    )
                )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for indicator in self:
            name = (indicator.name or "").strip()
            if len(name) > 90:
                name = name[:89].rstrip() + "…"
            indicator.display_name = f"{indicator.code} {name}" if indicator.code else name

    @api.model
    def _applicable_domain(self, category, company=None):
        company = company or self.env.company
        return [
            ("category", "=", category),
            ("catalogue_id.state", "=", "in_force"),
            ("company_id", "in", [False, company.id]),
        ]

    @api.model
    def applicable_to(self, employee):
        """The active indicators of the tables that apply to the employee's category."""
        category = employee.sudo().bonus_category
        if not category:
            return self.browse()
        company = employee.sudo().company_id or self.env.company
        return self.search(self._applicable_domain(category, company))

    @api.model_create_multi
    def create(self, vals_list):
        indicators = super().create(vals_list)
        indicators.catalogue_id._check_draft()
        return indicators

    def write(self, vals):
        self.check_access("write")  # the access rights answer first, then the lock
        res = super().write(vals)
        if "catalogue_id" in vals:
            self.catalogue_id._check_draft()
        if "reduction_percent" in vals:
            # Approved and submitted reviews keep the percent they were prepared with.
            findings = (
                self.env["municipal.bonus.finding"]
                .sudo()
                .search([("indicator_id", "in", self.ids), ("review_state", "=", "draft")])
            )
            for indicator in self:
                findings.filtered(lambda f, i=indicator: f.indicator_id == i).write(
                    {"indicator_percent": indicator.reduction_percent}
                )
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self.catalogue_id._check_draft()
