from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

DEVIATION_TYPES = [
    ("deadline", "Deadline exceeded"),
    ("extra_documents", "Documents demanded beyond the regulation"),
    ("information", "Information not published or outdated"),
    ("other", "Other"),
]
OPEN_STATES = ("open", "in_progress")


class MunicipalMonitoringFinding(models.Model):
    """A deviation of the practice from the administrative regulation found by a monitoring,
    with the problem behind it, the recommendation to solve it and who does it by when."""

    _name = "municipal.monitoring.finding"
    _description = "Monitoring Finding"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.lock.mixin"]

    # a finding resolved or rejected is the record of what was done
    _lock_states = ("resolved", "rejected")
    _order = "deadline, id"
    _rec_name = "description"

    monitoring_id = fields.Many2one(
        "municipal.monitoring", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="monitoring_id.company_id", store=True, index=True)
    service_id = fields.Many2one(
        "municipal.service",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('company_id', '=', company_id)]",
    )
    regulation_id = fields.Many2one(
        "municipal.regulation",
        tracking=True,
        ondelete="restrict",
        domain="[('service_id', '=', service_id)]",
    )
    clause = fields.Char(help="Clause of the regulation that is not respected, e.g. '2.4.1'.")
    deviation_type = fields.Selection(DEVIATION_TYPES, required=True, tracking=True)
    review_issue = fields.Selection(
        [
            ("draft", "Quality of the draft"),
            ("actuality", "Actuality of the version"),
            ("publication", "Publication"),
        ],
        readonly=True,
        help="Set when the finding comes from the review of the regulation.",
    )
    description = fields.Text(required=True)
    problem = fields.Text(help="The problem found behind the deviation.")
    recommendation = fields.Text(help="Proposal or recommendation to solve the problem.")
    responsible_id = fields.Many2one(
        "res.users",
        required=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    deadline = fields.Date(tracking=True)
    state = fields.Selection(
        [
            ("open", "Open"),
            ("in_progress", "In progress"),
            ("resolved", "Resolved"),
            ("rejected", "Rejected"),
        ],
        required=True,
        default="open",
        tracking=True,
        index=True,
    )
    resolution = fields.Text(help="What was done, or why the finding is rejected.")
    is_open = fields.Boolean(compute="_compute_is_open")
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )

    @api.depends("state")
    def _compute_is_open(self):
        for finding in self:
            finding.is_open = finding.state in OPEN_STATES

    @api.depends("state", "deadline")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for finding in self:
            finding.is_overdue = bool(
                finding.state in OPEN_STATES and finding.deadline and finding.deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on 'overdue'."))
        domain = [
            ("state", "in", OPEN_STATES),
            ("deadline", "!=", False),
            ("deadline", "<", fields.Date.context_today(self)),
        ]
        return domain if (operator == "=") == value else ["!", "&", "&", *domain]

    @api.model_create_multi
    def create(self, vals_list):
        findings = super().create(vals_list)
        for finding in findings:
            if finding.monitoring_id.state == "done":
                raise UserError(self.env._("No finding can be added to a closed monitoring."))
        findings._schedule_responsible_activity()
        return findings

    def write(self, vals):
        result = super().write(vals)
        if "responsible_id" in vals or "deadline" in vals:
            open_findings = self.filtered("is_open")
            open_findings.activity_unlink(["mail.mail_activity_data_todo"])
            open_findings._schedule_responsible_activity()
        if vals.get("state") == "resolved":
            self.activity_feedback(
                ["mail.mail_activity_data_todo"], feedback=self.env._("Finding resolved.")
            )
        elif vals.get("state") == "rejected":
            self.activity_feedback(
                ["mail.mail_activity_data_todo"], feedback=self.env._("Finding rejected.")
            )
        return result

    def _schedule_responsible_activity(self):
        for finding in self:
            finding.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=finding.deadline or fields.Date.context_today(finding),
                summary=self.env._("Eliminate the deviation from the regulation"),
                note=finding.recommendation or finding.description,
                user_id=finding.responsible_id.id,
            )

    def _check_state(self, allowed, message):
        if any(finding.state not in allowed for finding in self):
            raise UserError(message)

    def _check_responsible_or_quality(self, action):
        """The responsible of a finding works on it; the quality service on any."""
        if self.env.su or self.env.user.has_group("municipal_quality.group_quality_user"):
            return
        for finding in self:
            if finding.responsible_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "%(action)s: only the responsible of the finding or the quality "
                        "service may do it.",
                        action=action,
                    )
                )

    def action_start(self):
        self._check_responsible_or_quality(self.env._("Starting a finding"))
        self._check_state(("open",), self.env._("Only an open finding can be started."))
        self._lock_write({"state": "in_progress"})
        return True

    def action_resolve(self):
        self._check_responsible_or_quality(self.env._("Resolving a finding"))
        self._check_state(OPEN_STATES, self.env._("Only an open finding can be resolved."))
        self._lock_write({"state": "resolved"})
        return True

    def action_reject(self):
        self._lock_check_groups(
            "municipal_quality.group_quality_user", action=self.env._("rejecting a finding")
        )
        self._check_state(OPEN_STATES, self.env._("Only an open finding can be rejected."))
        if any(not finding.resolution for finding in self):
            raise UserError(self.env._("Say in the resolution why the finding is rejected."))
        self._lock_write({"state": "rejected"})
        return True

    def action_reopen(self):
        self._lock_check_groups(
            "municipal_quality.group_quality_user", action=self.env._("reopening a finding")
        )
        self._check_state(
            ("resolved", "rejected"), self.env._("Only a closed finding can be reopened.")
        )
        self._lock_write({"state": "open"})
        self._schedule_responsible_activity()
        return True
