import logging

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)


class MunicipalQualityAlert(models.Model):
    """An alert fired by a rule: the figures of the window that fired it, acknowledged with a
    comment, closed with what was done. One open alert per rule at most (a unique index)."""

    _name = "municipal.quality.alert"
    _description = "Quality Alert"
    _inherit = ["municipal.lock.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "fired_at desc, id desc"

    _lock_states = {"acknowledged": ("measure",), "closed": ()}
    _lock_workflow_fields = frozenset(
        {
            "rule_id",
            "company_id",
            "office_id",
            "fired_at",
            "window_start",
            "window_end",
            "negative_count",
            "total_count",
            "acknowledged_by_id",
            "acknowledged_at",
            "closed_by_id",
            "closed_at",
        }
    )

    name = fields.Char(compute="_compute_name")
    rule_id = fields.Many2one(
        "municipal.quality.alert.rule",
        required=True,
        ondelete="restrict",
        readonly=True,
        index=True,
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    office_id = fields.Many2one("municipal.office", readonly=True, index=True)
    source = fields.Selection(related="rule_id.source")
    state = fields.Selection(
        [("open", "Open"), ("acknowledged", "Acknowledged"), ("closed", "Closed")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
    )
    fired_at = fields.Datetime(readonly=True)
    window_start = fields.Datetime(readonly=True)
    window_end = fields.Datetime(readonly=True)
    negative_count = fields.Integer(string="Negative voices", readonly=True)
    total_count = fields.Integer(string="Voices", readonly=True)
    negative_share = fields.Float(
        string="Share of negative voices (%)",
        digits=(5, 2),
        compute="_compute_negative_share",
        store=True,
        aggregator="avg",
    )
    acknowledge_note = fields.Text(
        string="Comment",
        tracking=True,
        help="What the office head found (written before acknowledging the alert).",
    )
    measure = fields.Text(
        string="Measure taken",
        tracking=True,
        help="What was done about it (written before closing the alert).",
    )
    acknowledged_by_id = fields.Many2one("res.users", readonly=True)
    acknowledged_at = fields.Datetime(readonly=True)
    closed_by_id = fields.Many2one("res.users", readonly=True)
    closed_at = fields.Datetime(readonly=True)

    def init(self):
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS municipal_quality_alert_one_open_per_rule "
                "ON municipal_quality_alert (rule_id) WHERE state != 'closed'"
            )
        )

    @api.depends("negative_count", "total_count")
    def _compute_negative_share(self):
        for alert in self:
            alert.negative_share = (
                round(100.0 * alert.negative_count / alert.total_count, 2)
                if alert.total_count
                else 0.0
            )

    @api.depends("rule_id", "office_id", "fired_at")
    def _compute_name(self):
        for alert in self:
            place = alert.office_id.display_name or alert.company_id.name or ""
            alert.name = f"{alert.rule_id.name} — {place}" if place else alert.rule_id.name

    # ------------------------------------------------------------------ firing
    @api.model
    def _alert_fire(self, rule, negative, total, start, end):
        """Open an alert of ``rule`` with the figures of its window (server code). Returns the
        alert, or nothing where the rule already has an open one (then the unique index
        refuses the second, whatever ran at the same instant)."""
        values = {
            "rule_id": rule.id,
            "company_id": rule.company_id.id,
            "office_id": rule.office_id.id,
            "fired_at": end,
            "window_start": start,
            "window_end": end,
            "negative_count": negative,
            "total_count": total,
        }
        try:
            with self.env.cr.savepoint():
                alert = self.sudo()._lock_create([values])
        except psycopg2.errors.UniqueViolation:
            _logger.info("Quality alert of rule %s already open: not fired twice", rule.id)
            return self.browse()
        alert._alert_notify()
        self.env["municipal.quality.case"]._case_open(
            "alert",
            alert.env._(
                "Alert %(name)s: %(negative)s of %(total)s voices negative.",
                name=alert.display_name,
                negative=negative,
                total=total,
            ),
            company_id=alert.company_id.id,
            office_id=alert.office_id.id,
            alert_id=alert.id,
            owner_id=alert._alert_recipient().id,
        )
        return alert

    def _alert_recipient(self):
        self.ensure_one()
        return self.rule_id.user_id or self.office_id.manager_id.user_id

    def _alert_notify(self):
        """An activity and a notification pushed to the browser of the alerted user."""
        for alert in self:
            user = alert._alert_recipient()
            if not user:
                continue
            alert = alert.with_context(lang=user.lang or self.env.lang)
            summary = alert.env._(
                "%(negative)s of %(total)s voices negative (%(share)s%%) in %(minutes)s minutes",
                negative=alert.negative_count,
                total=alert.total_count,
                share=alert.negative_share,
                minutes=alert.rule_id.window_minutes,
            )
            alert.activity_schedule(
                "municipal_quality.mail_activity_quality_alert",
                user_id=user.id,
                summary=summary,
            )
            user.partner_id._bus_send(
                "simple_notification",
                {
                    "type": "danger",
                    "sticky": True,
                    "title": alert.env._("Quality alert: %(name)s", name=alert.name),
                    "message": summary,
                },
            )

    # ------------------------------------------------------------------ transitions
    def _alert_check_actor(self, action):
        """The alerted user, the head of the office or a quality manager acts on an alert."""
        if self.env.su or self.env.user.has_group("municipal_quality.group_quality_manager"):
            return
        for alert in self:
            if self.env.user != alert.sudo()._alert_recipient():
                raise UserError(
                    self.env._(
                        "Alert '%(name)s': %(action)s is for the alerted user, the head of the "
                        "office or a quality manager.",
                        name=alert.display_name,
                        action=action,
                    )
                )

    def action_acknowledge(self):
        action = self.env._("acknowledging the alert")
        self.check_access("write")
        self._alert_check_actor(action)
        self._lock_check_state(("open",), action)
        for alert in self:
            if not (alert.acknowledge_note or "").strip():
                raise UserError(
                    self.env._("Write a comment on what you found before acknowledging the alert.")
                )
        self._lock_write(
            {
                "state": "acknowledged",
                "acknowledged_by_id": self.env.user.id,
                "acknowledged_at": fields.Datetime.now(),
            }
        )
        return True

    def action_close(self):
        action = self.env._("closing the alert")
        self.check_access("write")
        self._alert_check_actor(action)
        self._lock_check_state(("open", "acknowledged"), action)
        for alert in self:
            if not (alert.measure or "").strip():
                raise UserError(self.env._("Write the measure taken before closing the alert."))
        self._lock_write(
            {
                "state": "closed",
                "closed_by_id": self.env.user.id,
                "closed_at": fields.Datetime.now(),
            }
        )
        self.activity_feedback(
            ["municipal_quality.mail_activity_quality_alert"],
            feedback=self.env._("Alert closed."),
        )
        return True
