from odoo import api, fields, models
from odoo.exceptions import ValidationError

from . import scoring
from .hr_employee import CATEGORY_SELECTION
from .hr_job import POSITION_FUNCTION_SELECTION, POSITION_GROUP_SELECTION


class MunicipalBonusReviewLine(models.Model):
    """One servant in the table of Appendix 1: the indicators found and the reduction."""

    _name = "municipal.bonus.review.line"
    _description = "Bonus Review Line"
    _order = "review_id, employee_name, id"
    _rec_name = "employee_name"

    review_id = fields.Many2one(
        "municipal.bonus.review", required=True, index=True, ondelete="cascade"
    )
    review_state = fields.Selection(
        related="review_id.state", store=True, string="State", index=True
    )
    review_kind = fields.Selection(related="review_id.review_kind")
    period_id = fields.Many2one(related="review_id.period_id", store=True, index=True)
    department_id = fields.Many2one(
        related="review_id.department_id", store=True, index=True, string="Unit"
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True, index=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="restrict", string="Servant"
    )
    employee_user_id = fields.Many2one(
        "res.users",
        compute="_compute_employee_user_id",
        store=True,
        index=True,
        string="Servant's user",
    )
    # Snapshot of the servant at the time of the review (the position may change later)
    # The editable snapshot fields have their own compute: a value the form sends for one of
    # them must not keep the others of the same method (the category...) from being computed
    employee_name = fields.Char(
        string="Full name", compute="_compute_employee_name", store=True, readonly=False
    )
    identification_id = fields.Char(
        string="Personnel number", compute="_compute_snapshot", store=True
    )
    job_title = fields.Char(
        string="Position", compute="_compute_job_title", store=True, readonly=False
    )
    position_group = fields.Selection(
        POSITION_GROUP_SELECTION,
        string="Municipal-service group",
        compute="_compute_snapshot",
        store=True,
    )
    position_function = fields.Selection(
        POSITION_FUNCTION_SELECTION, string="Function", compute="_compute_snapshot", store=True
    )
    bonus_category = fields.Selection(
        CATEGORY_SELECTION, string="Category", compute="_compute_snapshot", store=True
    )
    finding_ids = fields.One2many("municipal.bonus.finding", "line_id", string="Findings")
    indicator_ids = fields.Many2many(
        "municipal.bonus.indicator",
        string="Indicators found",
        compute="_compute_indicator_ids",
        search="_search_indicator_ids",
    )
    indicator_codes = fields.Char(string="Indicators", compute="_compute_reduction", store=True)
    reduction_percent = fields.Float(
        string="Reduction (%)",
        digits=(5, 2),
        compute="_compute_reduction",
        store=True,
        aggregator="avg",
        help="Sum of the percents of the indicators found (each counted once), at most 100%.",
    )
    bonus_percent = fields.Float(
        string="Premium (%)",
        digits=(5, 2),
        compute="_compute_reduction",
        store=True,
        aggregator="avg",
        help="100% less the reduction.",
    )
    note = fields.Text()

    _sql_constraints = [
        (
            "review_employee_uniq",
            "unique(review_id, employee_id)",
            "A servant appears once in a bonus review.",
        ),
    ]

    @api.depends("employee_id.user_id")
    def _compute_employee_user_id(self):
        # who reads the line in "My bonus" follows the current user of the servant
        for line in self:
            line.employee_user_id = line.employee_id.sudo().user_id

    @api.depends("employee_id")
    def _compute_employee_name(self):
        for line in self:
            line.employee_name = line.employee_id.sudo().name

    @api.depends("employee_id")
    def _compute_job_title(self):
        for line in self:
            employee = line.employee_id.sudo()
            line.job_title = employee.job_title or employee.job_id.name

    @api.depends("employee_id")
    def _compute_snapshot(self):
        for line in self:
            employee = line.employee_id.sudo()
            line.identification_id = employee.identification_id
            line.position_group = employee.position_group
            line.position_function = employee.position_function
            line.bonus_category = employee.bonus_category

    @api.depends("finding_ids.state", "finding_ids.indicator_id", "finding_ids.indicator_percent")
    def _compute_reduction(self):
        for line in self:
            percents = {}
            for finding in line.finding_ids:
                if finding.state != "confirmed":
                    continue
                # "наличие": an indicator counts once, whatever the number of findings
                indicator = finding.indicator_id
                percents[indicator] = max(percents.get(indicator, 0.0), finding.indicator_percent)
            indicators = self.env["municipal.bonus.indicator"].union(*percents)
            line.indicator_codes = ", ".join(
                indicators.sorted(lambda i: (i.table, i.row)).mapped("code")
            )
            line.reduction_percent = scoring.reduction_percent(
                {indicator.id: percent for indicator, percent in percents.items()}
            )
            line.bonus_percent = scoring.bonus_percent(line.reduction_percent)

    def _indicator_wordings(self):
        """The wording of the indicators found (each once), in the order of the tables, as
        Appendix 1 and the order print them."""
        self.ensure_one()
        indicators = self.sudo().indicator_ids.sorted(lambda i: (i.table, i.row))
        return [" ".join((indicator.name or "").split()) for indicator in indicators]

    @api.depends("finding_ids.state", "finding_ids.indicator_id")
    def _compute_indicator_ids(self):
        for line in self:
            line.indicator_ids = line.finding_ids.filtered(
                lambda f: f.state == "confirmed"
            ).indicator_id

    def _search_indicator_ids(self, operator, value):
        return [
            (
                "finding_ids",
                "any",
                [("state", "=", "confirmed"), ("indicator_id", operator, value)],
            )
        ]

    @api.constrains("employee_id", "bonus_category")
    def _check_servant(self):
        for line in self:
            if not line.bonus_category:
                raise ValidationError(
                    self.env._(
                        "%(employee)s has no municipal-service category (group and function "
                        "of the position): the criteria of the regulation do not apply.",
                        employee=line.employee_name,
                    )
                )

    @api.constrains("employee_id", "review_id")
    def _check_employee_of_review(self):
        for line in self:
            review = line.review_id
            employee = line.employee_id.sudo()
            if review.review_kind == "highest":
                if line.bonus_category != "highest_head":
                    raise ValidationError(
                        self.env._(
                            "%(employee)s is not a head of the highest group: their information "
                            "is prepared by their superior head (section 3.4).",
                            employee=line.employee_name,
                        )
                    )
                continue
            if line.bonus_category == "highest_head":
                raise ValidationError(
                    self.env._(
                        "%(employee)s is a head of the highest group: their information is "
                        "prepared by the executor the head of administration appoints "
                        "(section 3.3).",
                        employee=line.employee_name,
                    )
                )
            unit = review.department_id.sudo()
            if not employee.department_id or not (
                employee.department_id == unit
                or employee.department_id.parent_path.startswith(unit.parent_path)
            ):
                raise ValidationError(
                    self.env._(
                        "%(employee)s does not work in the unit %(unit)s or its sub-units.",
                        employee=line.employee_name,
                        unit=unit.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self.env["municipal.bonus.review"].browse(
            {vals["review_id"] for vals in vals_list if vals.get("review_id")}
        )._check_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.review_id._check_editable()
        if "review_id" in vals:
            self.env["municipal.bonus.review"].browse(vals["review_id"])._check_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self.review_id._check_editable()

    def action_open_findings(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.employee_name,
            "res_model": "municipal.bonus.review.line",
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }
