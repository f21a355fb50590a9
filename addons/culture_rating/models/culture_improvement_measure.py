import logging
from datetime import timedelta

import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

REMINDER_DAYS = 7
# what the reminder is about: a change of these sends a new reminder
REMINDER_FIELDS = {"user_id", "date_deadline"}
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
    reminded_on = fields.Date(
        readonly=True,
        copy=False,
        help="Day the responsible was reminded of the deadline. Written when the reminder is "
        "claimed, in the same transaction that sends it: a reminder goes out once, even when "
        "two servers run the reminder job at the same time. A new responsible or a new "
        "deadline clears it.",
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
        if "reminded_on" in vals and not self.env.su:
            raise UserError(self.env._("The reminder date is set by the reminders only."))
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
        watched = REMINDER_FIELDS & set(vals)
        before = {m.id: tuple(m[f] for f in sorted(watched)) for m in self} if watched else {}
        result = super().write(vals)
        changed = self.filtered(
            lambda m: watched and before[m.id] != tuple(m[f] for f in sorted(watched))
        )
        if changed:
            changed._forget_reminder()
        return result

    def _forget_reminder(self):
        """A new responsible or deadline: the old reminder is void, a new one will be sent."""
        activity_type = self.env.ref("culture_rating.mail_activity_type_measure_deadline")
        self.activity_ids.filtered(lambda a: a.activity_type_id == activity_type).sudo().unlink()
        self.env.cr.execute(
            SQL(
                "UPDATE culture_improvement_measure SET reminded_on = NULL WHERE id = ANY(%s)",
                self.ids,
            )
        )
        self.invalidate_recordset(["reminded_on"])

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

    def _claim_reminders(self):
        """The measures of ``self`` whose reminder this transaction sends, marked as reminded.

        One statement marks the rows not yet reminded and locks them until the transaction
        ends; rows another transaction holds are skipped (``SKIP LOCKED``): that transaction
        is sending their reminders. A row another transaction changed after this one began
        cannot be claimed (a serialization failure at this isolation level): nothing is claimed
        then, the other run sent the reminders, or the next run will.
        """
        if not self:
            return self
        today = fields.Date.context_today(self)
        self.flush_recordset()
        try:
            with self.env.cr.savepoint(flush=False):
                rows = self.env.execute_query(
                    SQL(
                        """UPDATE culture_improvement_measure SET reminded_on = %(today)s
                            WHERE id IN (SELECT id FROM culture_improvement_measure
                                          WHERE id = ANY(%(ids)s) AND reminded_on IS NULL
                                            FOR UPDATE SKIP LOCKED)
                        RETURNING id""",
                        today=today,
                        ids=self.ids,
                    )
                )
        except psycopg2.errors.SerializationFailure:
            _logger.info("Measure reminders: claimed by a concurrent run, nothing sent here.")
            return self.browse()
        self.invalidate_recordset(["reminded_on"])
        return self.browse(sorted(row[0] for row in rows))

    def _schedule_deadline_activities(self):
        """A to-do for the responsible before the deadline, once per measure and deadline."""
        measures = self.filtered(
            lambda m: m.state in ("planned", "in_progress")
            and m.user_id
            and m.date_deadline
            and m.plan_id.state == "approved"
            and not m.reminded_on
        )
        for measure in measures._claim_reminders():
            measure.activity_schedule(
                act_type_xmlid="culture_rating.mail_activity_type_measure_deadline",
                date_deadline=measure.date_deadline - timedelta(days=REMINDER_DAYS),
                summary=self.env._("Measure due on %s", measure.date_deadline),
                user_id=measure.user_id.id,
            )

    @api.model
    def _cron_deadline_activities(self):
        """Daily: reminders for measures due within the reminder window, each sent once even
        when the job runs on two servers at the same time (see ``_claim_reminders``)."""
        limit = fields.Date.context_today(self) + timedelta(days=REMINDER_DAYS)
        measures = self.search(
            [
                ("plan_id.state", "=", "approved"),
                ("state", "in", ("planned", "in_progress")),
                ("date_deadline", "<=", limit),
                ("user_id", "!=", False),
                ("reminded_on", "=", False),
            ]
        )
        measures._schedule_deadline_activities()
