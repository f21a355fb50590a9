from odoo import api, fields, models
from odoo.exceptions import UserError

from . import cases

CAUSES = [
    ("regulation", "A clause of the administrative regulation"),
    ("staff", "Staff"),
    ("premises", "Premises"),
    ("queue", "Queue"),
    ("information", "Information"),
    ("procedure", "Procedure"),
]
OPEN_STATES = ("new", "in_progress")


class MunicipalQualityCase(models.Model):
    """A case opened by a negative voice (an unsatisfied answer with a comment, an alert...) or
    by hand: an owner, a deadline, a root cause, the measure taken. Nothing changes that."""

    _name = "municipal.quality.case"
    _description = "Quality Case"
    _inherit = ["municipal.lock.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "state_sequence, deadline, id desc"

    _lock_states = ("closed",)
    _lock_workflow_fields = frozenset(
        {
            "name",
            "source",
            "user_input_id",
            "alert_id",
            "opened_on",
            "deadline",
            "closed_on",
            "escalated",
            "finding_id",
        }
    )

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    office_id = fields.Many2one(
        "municipal.office",
        index=True,
        tracking=True,
        domain="[('company_id', 'in', (company_id, False))]",
    )
    service_id = fields.Many2one(
        "municipal.service", tracking=True, domain="[('company_id', 'in', (company_id, False))]"
    )
    source = fields.Selection(
        [
            ("manual", "By hand"),
            ("questionnaire", "Questionnaire answer"),
            ("alert", "Alert"),
        ],
        required=True,
        default="manual",
        readonly=True,
    )
    user_input_id = fields.Many2one("survey.user_input", string="Response", readonly=True)
    alert_id = fields.Many2one("municipal.quality.alert", readonly=True)
    description = fields.Text(
        required=True,
        help="What the citizens said (never published: the public page shows only the cause "
        "and the measure).",
    )
    owner_id = fields.Many2one(
        "res.users",
        tracking=True,
        domain="[('share', '=', False)]",
        help="Who resolves the case: by default the head of the office.",
    )
    state = fields.Selection(
        [("new", "New"), ("in_progress", "In progress"), ("closed", "Closed")],
        default="new",
        required=True,
        readonly=True,
        tracking=True,
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    opened_on = fields.Date(readonly=True, default=fields.Date.context_today)
    deadline = fields.Date(readonly=True, tracking=True)
    closed_on = fields.Date(readonly=True)
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    escalated = fields.Boolean(readonly=True, help="Overdue, sent to the head above.")
    cause = fields.Selection(CAUSES, string="Root cause", tracking=True)
    regulation_id = fields.Many2one(
        "municipal.regulation",
        tracking=True,
        domain="[('service_id', '=?', service_id)]",
    )
    clause = fields.Char(help="Clause of the regulation, e.g. '2.4.1'.")
    measure = fields.Text(string="Measure taken", tracking=True)
    finding_id = fields.Many2one("municipal.monitoring.finding", readonly=True)

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {"new": 1, "in_progress": 2, "closed": 3}
        for case in self:
            case.state_sequence = order.get(case.state, 9)

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for case in self:
            case.is_overdue = cases.is_overdue(case.deadline, today, case.state == "closed")

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue cases."))
        overdue = [
            ("state", "in", OPEN_STATES),
            ("deadline", "<", fields.Date.context_today(self)),
        ]
        return overdue if (operator == "=") == value else ["!", *overdue]

    # ------------------------------------------------------------------ creation
    @api.model
    def _case_sla_days(self, company, source):
        field = f"quality_case_sla_{source}"
        if field in company._fields:
            return company[field]
        return cases.DEFAULT_SLA_DAYS.get(source, cases.DEFAULT_SLA_DAYS["manual"])

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for case in records:
            company = case.company_id.sudo()
            values = {}
            if case.name in (False, "/"):
                values["name"] = (
                    self.env["ir.sequence"]
                    .sudo()
                    .with_company(company)
                    .next_by_code("municipal.quality.case")
                    or "/"
                )
            if not case.deadline:
                values["deadline"] = cases.deadline(
                    case.opened_on or fields.Date.context_today(case),
                    self._case_sla_days(company, case.source),
                )
            if not case.owner_id and case.office_id.manager_id.user_id:
                values["owner_id"] = case.office_id.manager_id.user_id.id
            if values:
                case._lock_write(values)
            if case.state != "closed":
                case._case_assign()
        return records

    def _case_assign(self):
        for case in self.filtered("owner_id"):
            case.activity_schedule(
                "municipal_quality.mail_activity_quality_case",
                user_id=case.owner_id.id,
                date_deadline=case.deadline,
                summary=case.name,
            )

    @api.model
    def _case_open(self, source, description, **values):
        """Open a case from a voice (server code: the voice's door already checked)."""
        return self.sudo()._lock_create([dict(values, source=source, description=description)])

    # ------------------------------------------------------------------ transitions
    def _case_check_actor(self, action):
        if self.env.su or self.env.user.has_group("municipal_quality.group_quality_user"):
            return
        for case in self:
            if case.owner_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Case %(name)s: %(action)s is for its owner or a quality officer.",
                        name=case.name,
                        action=action,
                    )
                )

    def action_start(self):
        action = self.env._("taking the case")
        self.check_access("write")
        self._case_check_actor(action)
        self._lock_check_state(("new",), action)
        self._lock_write({"state": "in_progress"})
        return True

    def action_close(self):
        action = self.env._("closing the case")
        self.check_access("write")
        self._case_check_actor(action)
        self._lock_check_state(OPEN_STATES, action)
        for case in self:
            if not case.cause:
                raise UserError(self.env._("Choose the root cause before closing the case."))
            if not (case.measure or "").strip():
                raise UserError(self.env._("Write the measure taken before closing the case."))
            if case.cause == "regulation" and not (case.regulation_id and case.service_id):
                raise UserError(
                    self.env._(
                        "A case caused by the regulation names the service and its regulation."
                    )
                )
        for case in self:
            values = {"state": "closed", "closed_on": fields.Date.context_today(case)}
            if case.cause == "regulation":
                values["finding_id"] = case._case_finding().id
            case._lock_write(values)
        self.activity_feedback(
            ["municipal_quality.mail_activity_quality_case"],
            feedback=self.env._("Case closed."),
        )
        return True

    def _case_finding(self):
        """The monitoring finding on the regulation (Kaluga part 2), in the company's monitoring
        in progress that covers the day the case was opened."""
        self.ensure_one()
        Monitoring = self.env["municipal.monitoring"].sudo()
        monitoring = Monitoring.search(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "=", "in_progress"),
                ("date_from", "<=", self.opened_on),
                ("date_to", ">=", self.opened_on),
            ],
            limit=1,
        )
        if not monitoring:
            raise UserError(
                self.env._(
                    "A case caused by the regulation becomes a finding of the monitoring in "
                    "progress: start the monitoring of the period that includes %(day)s first.",
                    day=self.opened_on,
                )
            )
        return (
            self.env["municipal.monitoring.finding"]
            .sudo()
            .create(
                {
                    "monitoring_id": monitoring.id,
                    "service_id": self.service_id.id,
                    "regulation_id": self.regulation_id.id,
                    "clause": self.clause,
                    "deviation_type": "other",
                    "description": self.env._(
                        "Case %(name)s: %(measure)s", name=self.name, measure=self.measure
                    ),
                    "responsible_id": (self.owner_id or monitoring.responsible_id).id,
                }
            )
        )

    # ------------------------------------------------------------------ overdue
    @api.model
    def _cron_escalate_overdue(self):
        """Overdue cases go to the head above: the head of the parent office (else the quality
        managers see them in the overdue filter)."""
        overdue = self.sudo().search([("is_overdue", "=", True), ("escalated", "=", False)])
        for case in overdue:
            above = case.office_id.parent_id.manager_id.user_id
            if above:
                case.activity_schedule(
                    "municipal_quality.mail_activity_quality_case",
                    user_id=above.id,
                    summary=self.env._("Overdue: %(name)s", name=case.name),
                )
            case._lock_write({"escalated": True})
        return overdue

    # ------------------------------------------------------------------ public
    @api.model
    def _you_said_we_did(self, office, limit_months=12):
        """Closed cases of ``office`` (and branches) by month: cause and measure only."""
        closed = self.sudo().search(
            [("office_id", "child_of", office.id), ("state", "=", "closed")],
            order="closed_on desc, id desc",
            limit=200,
        )
        causes = dict(self._fields["cause"]._description_selection(self.env))
        months = {}
        for case in closed:
            key = case.closed_on.replace(day=1)
            months.setdefault(key, []).append(
                {"cause": causes.get(case.cause, ""), "measure": case.measure}
            )
        return sorted(months.items(), reverse=True)[:limit_months]
