from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from . import scoring


class MunicipalSpecialTask(models.Model):
    """An especially important and complex task (section 2 of Положение 133-р): its economic
    effect or other positive result (table of 2.2), its timeliness (2.3), the report on the
    result (2.4) and the decision on the premium, approved by the head of administration."""

    _name = "municipal.special.task"
    _description = "Special Task Premium"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.bonus.tier.mixin"]
    _order = "deadline desc, id desc"

    _state_from = ["reported"]
    _state_to = ["approved"]

    # municipal.lock.mixin: the report and the proposed premium are frozen once presented
    _lock_states = ("reported", "approved", "rejected")
    _lock_workflow_fields = frozenset(
        {
            "review_ids",
            "report_date",
            "reported_by_id",
            "approved_by_id",
            "approval_date",
            "decision_number",
        }
    )
    # who presented the report, and the assignees, never decide on the premium
    _tier_not_self_fields = ("reported_by_id", "assignee_user_ids")

    name = fields.Char(string="Task", required=True, tracking=True)
    description = fields.Html()
    assignee_ids = fields.Many2many("hr.employee", string="Assignees", required=True, tracking=True)
    assignee_user_ids = fields.Many2many(
        "res.users", string="Assignees' users", compute="_compute_assignee_user_ids"
    )
    department_id = fields.Many2one("hr.department", string="Unit", index=True, tracking=True)
    issued_by_id = fields.Many2one(
        "res.users", string="Issued by", default=lambda self: self.env.user, tracking=True
    )
    date_assigned = fields.Date(
        string="Assigned on", default=fields.Date.context_today, tracking=True
    )
    deadline = fields.Date(required=True, tracking=True)
    date_done = fields.Date(string="Completed on", tracking=True)
    is_timely = fields.Boolean(
        string="Done in time",
        compute="_compute_is_timely",
        store=True,
        help="Section 2.3: the task is completed by its deadline.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    budget_savings = fields.Monetary(
        string="Budget savings", tracking=True, help="Real savings of budget funds, in roubles."
    )
    additional_revenue = fields.Monetary(
        string="Additional budget revenue",
        tracking=True,
        help="Additional budget revenue received, in roubles.",
    )
    economic_effect = fields.Monetary(compute="_compute_economic_effect", store=True)
    kind_id = fields.Many2one(
        "municipal.special.task.kind",
        string="Indicator (table 2.2)",
        tracking=True,
        ondelete="restrict",
    )
    result_ids = fields.Many2many(
        "municipal.special.task.result",
        string="Positive results",
        domain="[('kind_id', '=', kind_id)]",
    )
    result_description = fields.Text(string="Other positive result")
    report = fields.Html(
        string="Report on the result",
        help="Section 2.4: the report on the result of the assignment, presented to the head "
        "of local self-government for the decision on the premium.",
    )
    report_date = fields.Date(string="Reported on", tracking=True, copy=False)
    reported_by_id = fields.Many2one(
        "res.users", string="Reported by", readonly=True, copy=False, tracking=True
    )
    report_attachment_ids = fields.Many2many("ir.attachment", string="Report attachments")
    premium_granted = fields.Boolean(tracking=True)
    premium_type = fields.Selection(
        [("amount", "Amount"), ("percent", "Percent of salary")],
        default="amount",
        tracking=True,
    )
    premium_amount = fields.Monetary(tracking=True)
    premium_percent = fields.Float(string="Premium (%)", digits=(5, 2), tracking=True)
    decision_note = fields.Text(string="Decision")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("assigned", "Assigned"),
            ("reported", "Reported"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
    )
    approved_by_id = fields.Many2one("res.users", string="Approved by", readonly=True, copy=False)
    approval_date = fields.Date(string="Decided on", readonly=True, copy=False)
    decision_number = fields.Char(
        readonly=True,
        copy=False,
        help="Outgoing number of the decision on the premium, given when it is approved.",
    )

    _sql_constraints = [
        (
            "effect_positive",
            "CHECK(coalesce(budget_savings, 0) >= 0 AND coalesce(additional_revenue, 0) >= 0)",
            "Budget savings and additional revenue cannot be negative.",
        ),
        (
            "premium_percent_range",
            "CHECK(coalesce(premium_percent, 0) >= 0 AND coalesce(premium_percent, 0) <= 100)",
            "The premium percent is between 0 and 100.",
        ),
    ]

    @api.depends("assignee_ids.user_id")
    def _compute_assignee_user_ids(self):
        for task in self:
            task.assignee_user_ids = task.sudo().assignee_ids.user_id

    @api.depends("deadline", "date_done")
    def _compute_is_timely(self):
        for task in self:
            task.is_timely = bool(scoring.is_timely(task.deadline, task.date_done))

    @api.depends("budget_savings", "additional_revenue")
    def _compute_economic_effect(self):
        for task in self:
            task.economic_effect = task.budget_savings + task.additional_revenue

    @api.constrains("result_ids", "kind_id")
    def _check_results(self):
        for task in self:
            if task.result_ids.filtered(lambda r, t=task: r.kind_id != t.kind_id):
                raise ValidationError(
                    self.env._("The positive results belong to the indicator of the task.")
                )

    @api.constrains("premium_granted", "premium_type", "premium_amount", "premium_percent")
    def _check_premium(self):
        for task in self.filtered("premium_granted"):
            value = task.premium_amount if task.premium_type == "amount" else (task.premium_percent)
            if value <= 0:
                raise ValidationError(
                    self.env._("A granted premium needs its amount or its percent.")
                )

    def _check_premium_conditions(self):
        """Section 2.1: a premium is granted only for a task with an economic effect or another
        positive result of the table of 2.2, done by its deadline (``scoring``)."""
        for task in self.filtered("premium_granted"):
            refusals = scoring.special_task_premium_refusals(
                task.economic_effect, len(task.result_ids), task.deadline, task.date_done
            )
            if not refusals:
                continue
            reasons = {
                scoring.NO_EFFECT: self.env._(
                    "it has neither an economic effect (budget savings or additional revenue) "
                    "nor another positive result of the table of section 2.2"
                ),
                scoring.NOT_TIMELY: self.env._(
                    "it was completed on %(done)s, after its deadline of %(deadline)s "
                    "(section 2.3)",
                    done=task.date_done,
                    deadline=task.deadline,
                ),
                scoring.NOT_DONE: self.env._("it has no completion date"),
            }
            raise UserError(
                self.env._(
                    "No premium can be granted for the task '%(task)s' (section 2.1): "
                    "%(reasons)s.",
                    task=task.name,
                    reasons="; ".join(reasons[refusal] for refusal in refusals),
                )
            )

    def action_assign(self):
        action = self.env._("the assignment")
        self._lock_check_groups("municipal_bonus.group_bonus_user", action=action)
        self._lock_transition(("draft",), {"state": "assigned"}, action=action)
        return True

    def action_report(self):
        """Present the report on the result (section 2.4) with the proposed decision."""
        action = self.env._("the report on the result")
        self._lock_check_groups("municipal_bonus.group_bonus_user", action=action)
        self._lock_check_state(("assigned",), action=action)
        for task in self:
            if not task.date_done:
                raise UserError(self.env._("Set the completion date before reporting."))
            if not task.report:
                raise UserError(self.env._("Write the report on the result (section 2.4)."))
        self._check_premium_conditions()
        self._lock_write(
            {
                "state": "reported",
                "report_date": fields.Date.context_today(self),
                "reported_by_id": self.env.user.id,
            }
        )
        self.invalidate_recordset(["need_validation"])
        with self._lock_lift():
            self.request_validation()
        return True

    def _approve(self):
        self._check_premium_conditions()
        for task in self:
            today = fields.Date.context_today(task)
            task._lock_write(
                {
                    "state": "approved",
                    "approved_by_id": self.env.user.id,
                    "approval_date": today,
                    "decision_number": task.decision_number
                    or self.env["ir.sequence"]
                    .with_company(task.company_id)
                    .next_by_code("municipal.special.task", sequence_date=today),
                }
            )

    def action_approve(self):
        """The decision on the premium without a configured tier (the tiers decide through
        validate_tier)."""
        action = self.env._("the decision on the premium")
        self._lock_check_groups("municipal_bonus.group_bonus_approver", action=action)
        self._lock_check_state(("reported",), action=action)
        self._lock_check_not_self(*self._tier_not_self_fields, action=action)
        for task in self:
            if task.review_ids or task.need_validation:
                raise UserError(
                    self.env._("A reported task without validation tiers can be approved.")
                )
        self._approve()
        return True

    def _on_tiers_validated(self):
        self._approve()

    def _on_tiers_rejected(self):
        self._lock_write({"state": "rejected"})

    def action_reset(self):
        action = self.env._("the reset")
        self._lock_check_groups("municipal_bonus.group_bonus_user", action=action)
        self._lock_check_state(("reported", "rejected"), action=action)
        self.sudo().review_ids.unlink()
        self._lock_write({"state": "assigned"})
        return True

    def _report_file_name(self):
        self.ensure_one()
        lang = self.company_id._municipal_document_lang()
        return self.with_context(lang=lang).env._("Report — %(task)s", task=self.name)

    def _official_signatories(self):
        """The signature block of the decision: who reported on the result, then the head of
        local self-government who decided."""
        self.ensure_one()

        def employee_of(user):
            user = user.sudo()
            return (
                user.employee_ids.filtered(lambda e: e.company_id == self.company_id)[:1]
                or user.employee_ids[:1]
            )

        reporter = employee_of(self.reported_by_id)
        head = employee_of(self.approved_by_id)
        return [
            {
                "position": reporter.job_title or reporter.job_id.name or self.env._("Reported by"),
                "name": reporter.name or self.reported_by_id.sudo().name or "",
            },
            {
                "position": self.env._("Head of local self-government"),
                "name": head.name or self.approved_by_id.sudo().name or "",
            },
        ]
