from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .event_rules import CODE_PATTERN, CODE_RULE

OPEN_FAULT_INDEX = "municipal_console_fault_one_open_per_code_idx"
# Who reports a fault of any console (an operator reports the console of his own workplace).
ANY_CONSOLE_GROUPS = ("rating_console.group_rating_head", "rating_console.group_rating_it")


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

    def init(self):
        # at most one open fault per console, reason and code (a flood of one code is one fault)
        self.env.cr.execute(
            """
            SELECT 1 FROM municipal_console_fault WHERE closed_at IS NULL
             GROUP BY console_id, reason, COALESCE(code, '') HAVING count(*) > 1 LIMIT 1
            """
        )
        if not self.env.cr.fetchone():
            self.env.cr.execute(  # the name is OPEN_FAULT_INDEX
                """
                CREATE UNIQUE INDEX IF NOT EXISTS municipal_console_fault_one_open_per_code_idx
                    ON municipal_console_fault (console_id, reason, COALESCE(code, ''))
                 WHERE closed_at IS NULL
                """
            )

    @api.constrains("code")
    def _check_code(self):
        for fault in self:
            if fault.code and not CODE_PATTERN.fullmatch(fault.code):
                raise ValidationError(
                    self.env._("A fault code is short and printable: %(rule)s.", rule=CODE_RULE)
                )

    def _check_reporter(self, consoles):
        """An operator reports only the console of his own workplace."""
        if self.env.su or any(self.env.user.has_group(xmlid) for xmlid in ANY_CONSOLE_GROUPS):
            return
        for console in consoles.sudo():
            if console.workplace_id.employee_id.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "You report only the console of your own workplace; %(console)s is not "
                        "yours.",
                        console=console.serial,
                    )
                )

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
        self._check_reporter(
            self.env["municipal.console"].browse(
                [vals["console_id"] for vals in vals_list if vals.get("console_id")]
            )
        )
        for vals in vals_list:
            if vals.get("console_id") and not vals.get("closed_at"):
                open_fault = self.sudo().search(
                    [
                        ("console_id", "=", vals["console_id"]),
                        ("reason", "=", vals.get("reason") or "manual"),
                        ("code", "=", vals.get("code") or False),
                        ("closed_at", "=", False),
                    ],
                    limit=1,
                )
                if open_fault:
                    raise ValidationError(
                        self.env._(
                            "This fault of console %(console)s is already open since "
                            "%(opened)s: add to its note instead.",
                            console=open_fault.console_id.serial,
                            opened=open_fault.opened_at,
                        )
                    )
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
