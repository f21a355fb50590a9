from odoo import api, fields, models


class MunicipalConsoleFault(models.Model):
    """The fault log of a console (order 3.3): opened on ERR or silence, closed when repaired."""

    _name = "municipal.console.fault"
    _description = "Console Fault"
    _order = "opened_at desc, id desc"

    console_id = fields.Many2one(
        "municipal.console", required=True, index=True, ondelete="cascade"
    )
    workplace_id = fields.Many2one(
        "municipal.workplace", index=True, readonly=True, ondelete="set null"
    )
    office_id = fields.Many2one(related="console_id.office_id", store=True)
    company_id = fields.Many2one(related="console_id.company_id", store=True, index=True)
    reason = fields.Selection(
        [
            ("error", "Error reported by the console"),
            ("no_heartbeat", "No heartbeat"),
            ("manual", "Reported by staff"),
        ],
        required=True,
        default="manual",
    )
    code = fields.Char(string="Fault code")
    opened_at = fields.Datetime(required=True, default=fields.Datetime.now)
    closed_at = fields.Datetime()
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")], compute="_compute_state", store=True
    )
    duration_hours = fields.Float(compute="_compute_duration_hours", digits=(10, 2))
    event_id = fields.Char(index=True, readonly=True, copy=False)
    note = fields.Text()

    _sql_constraints = [
        ("event_uniq", "unique(event_id)", "This console event was already recorded."),
        ("dates_check", "CHECK(closed_at IS NULL OR closed_at >= opened_at)",
         "A fault cannot be closed before it was opened."),
    ]

    @api.depends("closed_at")
    def _compute_state(self):
        for fault in self:
            fault.state = "closed" if fault.closed_at else "open"

    @api.depends("opened_at", "closed_at")
    def _compute_duration_hours(self):
        now = fields.Datetime.now()
        for fault in self:
            end = fault.closed_at or now
            fault.duration_hours = (
                (end - fault.opened_at).total_seconds() / 3600 if fault.opened_at else 0.0
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("console_id") and "workplace_id" not in vals:
                console = self.env["municipal.console"].browse(vals["console_id"])
                vals["workplace_id"] = console.workplace_id.id
        faults = super().create(vals_list)
        # whoever logs the fault (the console, the heartbeat cron or an operator, order 3.3),
        # the console is faulty and the head of the office and the IT department are told
        for fault in faults.filtered(lambda f: not f.closed_at):
            console = fault.console_id.sudo()
            console.state = "faulty"
            console._schedule_fault_activities(fault)
        return faults

    def _describe(self):
        self.ensure_one()
        reason = dict(self._fields["reason"]._description_selection(self.env))[self.reason]
        parts = [reason]
        if self.code:
            parts.append(self.code)
        if self.workplace_id:
            parts.append(self.workplace_id.display_name)
        return " - ".join(parts)

    def _close(self, at=None):
        at = at or fields.Datetime.now()
        for fault in self.filtered(lambda f: not f.closed_at):
            fault.closed_at = max(at, fault.opened_at)
        for console in self.console_id:
            if console.state == "faulty" and not console.open_fault_count:
                console.sudo().state = "active"
                console.sudo().activity_ids.filtered(
                    lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_todo")
                ).action_feedback(feedback=self.env._("The console works again."))

    def action_close(self):
        self._close()
        return True
