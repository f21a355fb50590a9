from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class MunicipalMonitoring(models.Model):
    """Monitoring of the execution of the administrative regulations (part 2 of the assessment:
    analysis of the real practice against the requirements of the regulations; Kaluga resolution
    129-p of 24.05.2012)."""

    _name = "municipal.monitoring"
    _description = "Monitoring of Regulations"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.lock.mixin"]
    _order = "date_from desc, id desc"

    # Once a monitoring is closed, its scope and conclusions are the record of what was found.
    _lock_states = ("done",)
    _lock_workflow_fields = frozenset({"document_number", "document_date"})

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    date_from = fields.Date(string="Period from", required=True, tracking=True)
    date_to = fields.Date(string="Period to", required=True, tracking=True)
    service_ids = fields.Many2many(
        "municipal.service",
        string="Services",
        domain="[('company_id', '=', company_id)]",
        help="Services whose practice is checked; leave empty for every service.",
    )
    responsible_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("in_progress", "In progress"), ("done", "Closed")],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
    )
    finding_ids = fields.One2many(
        "municipal.monitoring.finding", "monitoring_id", string="Findings"
    )
    finding_count = fields.Integer(compute="_compute_finding_stats")
    open_finding_count = fields.Integer(compute="_compute_finding_stats", string="Open findings")
    overdue_finding_count = fields.Integer(
        compute="_compute_finding_stats", string="Overdue findings"
    )
    regulation_ids = fields.Many2many(
        "municipal.regulation",
        compute="_compute_regulation_ids",
        string="Regulations reviewed",
        help="Regulations in force of the monitored services: quality of the draft, actuality "
        "and publication, as their last review found them.",
    )
    conclusion = fields.Html()
    document_number = fields.Char(
        string="Report number",
        copy=False,
        readonly=True,
        help="Outgoing number of the monitoring report, given when the monitoring is closed "
        "for the first time (kept when it is reopened and closed again).",
    )
    document_date = fields.Date(
        string="Report date", copy=False, readonly=True, help="Date of the last closing."
    )
    # The indicator of the period (headline: the work of the municipal servants)
    respondents = fields.Integer(compute="_compute_indicator")
    satisfied = fields.Integer(compute="_compute_indicator")
    satisfaction_rate = fields.Float(
        string="Satisfaction (%)", digits=(5, 2), compute="_compute_indicator"
    )
    satisfaction_target = fields.Float(
        string="Target (%)", digits=(5, 2), compute="_compute_indicator"
    )
    target_met = fields.Boolean(compute="_compute_indicator")

    @api.depends("finding_ids.state", "finding_ids.deadline")
    def _compute_finding_stats(self):
        for monitoring in self:
            findings = monitoring.finding_ids
            monitoring.finding_count = len(findings)
            monitoring.open_finding_count = len(findings.filtered("is_open"))
            monitoring.overdue_finding_count = len(findings.filtered("is_overdue"))

    @api.depends("service_ids", "company_id")
    def _compute_regulation_ids(self):
        Regulation = self.env["municipal.regulation"]
        for monitoring in self:
            domain = [("state", "=", "in_force"), ("company_id", "=", monitoring.company_id.id)]
            if monitoring.service_ids:
                domain.append(("service_id", "in", monitoring.service_ids.ids))
            monitoring.regulation_ids = Regulation.search(domain)

    @api.depends("date_from", "date_to", "service_ids")
    def _compute_indicator(self):
        Survey = self.env["survey.survey"]
        for monitoring in self:
            values = {"respondents": 0, "satisfied": 0, "rate": 0.0, "met": False}
            values["target"] = monitoring.company_id.quality_target
            if monitoring.date_from and monitoring.date_to:
                values = Survey.with_company(monitoring.company_id).quality_indicator(
                    monitoring.date_from,
                    monitoring.date_to,
                    service=monitoring.service_ids or None,
                )
            monitoring.respondents = values["respondents"]
            monitoring.satisfied = values["satisfied"]
            monitoring.satisfaction_rate = values["rate"]
            monitoring.satisfaction_target = values["target"]
            monitoring.target_met = values["met"]

    def quality_indicators(self):
        """The indicator of the period for every dimension (used by the PDF report)."""
        self.ensure_one()
        Survey = self.env["survey.survey"].with_company(self.company_id)
        dimensions = dict(
            self.env["survey.question"]
            ._fields["quality_dimension"]
            ._description_selection(self.env)
        )
        return [
            (
                label,
                Survey.quality_indicator(
                    self.date_from, self.date_to, key, service=self.service_ids or None
                ),
            )
            for key, label in dimensions.items()
        ]

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for monitoring in self:
            if monitoring.date_from > monitoring.date_to:
                raise ValidationError(
                    self.env._("The monitoring period cannot end before it starts.")
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(monitoring.state != "draft" for monitoring in self):
            raise UserError(self.env._("Only a draft monitoring can be deleted."))

    def action_start(self):
        self._lock_check_groups(
            "municipal_quality.group_quality_user", action=self.env._("starting a monitoring")
        )
        if any(monitoring.state != "draft" for monitoring in self):
            raise UserError(self.env._("Only a draft monitoring can be started."))
        self._lock_write({"state": "in_progress"})
        return True

    def action_close(self):
        self._lock_check_groups(
            "municipal_quality.group_quality_user", action=self.env._("closing a monitoring")
        )
        if any(monitoring.state != "in_progress" for monitoring in self):
            raise UserError(self.env._("Only a monitoring in progress can be closed."))
        today = fields.Date.context_today(self)
        for monitoring in self:
            values = {"state": "done", "document_date": today}
            if not monitoring.document_number:
                values["document_number"] = (
                    self.env["ir.sequence"]
                    .with_company(monitoring.company_id)
                    .sudo()
                    .next_by_code("municipal.monitoring.report", sequence_date=today)
                )
            monitoring._lock_write(values)
        return True

    def _official_signatories(self):
        """The signature block of the report: the responsible of the monitoring."""
        self.ensure_one()
        user = self.responsible_id.sudo()
        employee = (
            user.employee_ids.filtered(lambda e: e.company_id == self.company_id)[:1]
            or (user.employee_ids[:1])
        )
        position = (
            employee.job_title
            or employee.job_id.name
            or self.env._("Responsible for the monitoring")
        )
        return [{"position": position, "name": employee.name or user.name}]

    def action_reopen(self):
        self._lock_check_groups(
            "municipal_quality.group_quality_manager", action=self.env._("reopening a monitoring")
        )
        if any(monitoring.state != "done" for monitoring in self):
            raise UserError(self.env._("Only a closed monitoring can be reopened."))
        self._lock_write({"state": "in_progress"})
        return True

    def action_findings_from_regulation_review(self):
        """Turn the review of the regulations of the monitored services into findings: a draft
        that must be reworked, an outdated version, an incomplete publication."""
        self.ensure_one()
        if self.state == "done":
            raise UserError(self.env._("The monitoring is closed."))
        Finding = self.env["municipal.monitoring.finding"]
        existing = {
            (finding.regulation_id.id, finding.review_issue)
            for finding in self.finding_ids
            if finding.review_issue
        }
        vals_list = []
        for regulation in self.regulation_ids:
            issues = []
            if regulation.draft_quality == "major":
                issues.append(
                    (
                        "draft",
                        "other",
                        self.env._("The draft of the regulation must be reworked."),
                    )
                )
            if not regulation.is_actual or regulation.review_overdue:
                issues.append(
                    (
                        "actuality",
                        "other",
                        self.env._("The current version of the regulation is not actual."),
                    )
                )
            if not regulation.publication_complete:
                issues.append(
                    (
                        "publication",
                        "information",
                        self.env._(
                            "The regulation is not published in every special information "
                            "system."
                        ),
                    )
                )
            for issue, deviation, description in issues:
                if (regulation.id, issue) in existing:
                    continue
                manager = regulation.department_id.manager_id.user_id
                vals_list.append(
                    {
                        "monitoring_id": self.id,
                        "service_id": regulation.service_id.id,
                        "regulation_id": regulation.id,
                        "deviation_type": deviation,
                        "review_issue": issue,
                        "description": description,
                        "responsible_id": (manager or self.responsible_id).id,
                    }
                )
        return Finding.create(vals_list)

    def action_view_findings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "municipal_quality.municipal_monitoring_finding_action"
        )
        action["domain"] = [("monitoring_id", "=", self.id)]
        action["context"] = {"default_monitoring_id": self.id}
        return action
