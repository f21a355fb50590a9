from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

REMINDER_DAYS = 7
HEAD_FIELDS = {"state", "result", "date_done"}


class CultureImprovementMeasure(models.Model):
    """A measure of an improvement plan, addressing a weak indicator."""

    _name = "culture.improvement.measure"
    _description = "Improvement Measure"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.lock.mixin"]
    _order = "date_deadline, id"

    # the measures of an approved plan are part of the decision: only their progress is still
    # reported; a plan done or cancelled freezes them
    _lock_state_field = "plan_state"
    _lock_states = {"approved": ("state", "result", "date_done"), "done": (), "cancelled": ()}

    plan_id = fields.Many2one(
        "culture.improvement.plan", required=True, ondelete="cascade", index=True
    )
    plan_state = fields.Selection(related="plan_id.state", string="Plan status")
    institution_id = fields.Many2one(
        related="plan_id.institution_id", store=True, index=True, string="Institution"
    )
    campaign_id = fields.Many2one(related="plan_id.campaign_id", store=True, string="Campaign")
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    name = fields.Char(string="Measure", required=True, tracking=True)
    indicator_id = fields.Many2one(
        "culture.indicator", string="Weak indicator", ondelete="restrict"
    )
    indicator_value = fields.Float(
        compute="_compute_indicator_value", digits=(5, 2), string="Indicator value"
    )
    user_id = fields.Many2one("res.users", string="Responsible", tracking=True)
    responsible_name = fields.Char(
        string="Responsible person", help="Name and position, when the person has no user."
    )
    date_deadline = fields.Date(string="Deadline", tracking=True)
    date_done = fields.Date(readonly=True)
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("in_progress", "In progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="planned",
        required=True,
        tracking=True,
    )
    result = fields.Text(help="What was done and its effect.")
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue", string="Overdue"
    )

    @api.depends("indicator_id", "plan_id.assessment_id.indicator_line_ids.value")
    def _compute_indicator_value(self):
        for measure in self:
            line = measure.plan_id.assessment_id.indicator_line_ids.filtered(
                lambda line, m=measure: line.indicator_id == m.indicator_id
            )[:1]
            measure.indicator_value = line.value

    @api.depends("date_deadline", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for measure in self:
            measure.is_overdue = bool(
                measure.date_deadline
                and measure.date_deadline < today
                and measure.state in ("planned", "in_progress")
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the overdue flag."))
        domain = [
            ("date_deadline", "<", fields.Date.context_today(self)),
            ("state", "in", ("planned", "in_progress")),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["culture.improvement.plan"].browse(
            [vals.get("plan_id") for vals in vals_list if vals.get("plan_id")]
        )
        locked = plans.filtered(lambda p: p._lock_is_locked()) - plans._lock_lifted()
        if locked:
            raise UserError(
                self.env._(
                    "%(plan)s is %(state)s: reset it to draft to add a measure.",
                    plan=locked[0].display_name,
                    state=locked[0]._lock_state_label(locked[0].state),
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")
        if not self.env.su and not self.env.user.has_group("culture_rating.group_culture_user"):
            # institution heads report on their measures; the plan itself is the department's
            if set(vals) - HEAD_FIELDS:
                raise UserError(
                    self.env._(
                        "The head of the institution reports the status and the result only."
                    )
                )
        if vals.get("state") == "done":
            vals.setdefault("date_done", fields.Date.context_today(self))
            if not vals.get("result") and self.filtered(lambda m: not m.result):
                raise UserError(self.env._("Describe the result of the measure before closing it."))
        return super().write(vals)

    def _check_reporter(self, action):
        self._lock_check_groups(
            "culture_rating.group_culture_user",
            "culture_rating.group_culture_institution_head",
            action=action,
        )

    def action_start(self):
        self._check_reporter(self.env._("starting a measure"))
        self.write({"state": "in_progress"})
        return True

    def action_done(self):
        self._check_reporter(self.env._("closing a measure"))
        self.write({"state": "done"})
        return True

    def action_cancel(self):
        self._lock_check_groups(
            "culture_rating.group_culture_user", action=self.env._("cancelling a measure")
        )
        self.write({"state": "cancelled"})
        return True

    def _schedule_deadline_activities(self):
        """A to-do for the responsible before the deadline, once per measure."""
        activity_type = self.env.ref("culture_rating.mail_activity_type_measure_deadline")
        for measure in self:
            if (
                measure.state not in ("planned", "in_progress")
                or not measure.user_id
                or not measure.date_deadline
                or measure.plan_id.state != "approved"
            ):
                continue
            existing = measure.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
            if existing:
                continue
            measure.activity_schedule(
                act_type_xmlid="culture_rating.mail_activity_type_measure_deadline",
                date_deadline=measure.date_deadline - timedelta(days=REMINDER_DAYS),
                summary=self.env._("Measure due on %s", measure.date_deadline),
                user_id=measure.user_id.id,
            )

    @api.model
    def _cron_deadline_activities(self):
        """Daily: reminders for measures due within the reminder window (any server)."""
        limit = fields.Date.context_today(self) + timedelta(days=REMINDER_DAYS)
        measures = self.search(
            [
                ("plan_id.state", "=", "approved"),
                ("state", "in", ("planned", "in_progress")),
                ("date_deadline", "<=", limit),
                ("user_id", "!=", False),
            ]
        )
        measures._schedule_deadline_activities()
