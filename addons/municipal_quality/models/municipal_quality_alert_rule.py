from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from . import alerts


class MunicipalQualityAlertRule(models.Model):
    """A rule that alerts the head of an office in real time when the share of negative voices
    in a sliding window reaches a threshold (with a minimum number of voices)."""

    _name = "municipal.quality.alert.rule"
    _description = "Quality Alert Rule"
    _inherit = ["mail.thread"]
    _order = "company_id, office_id, name"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    office_id = fields.Many2one(
        "municipal.office",
        domain="[('company_id', 'in', (company_id, False))]",
        tracking=True,
        help="The office watched, with its branches; empty: every office of the company.",
    )
    source = fields.Selection(
        [("questionnaire", "Questionnaire answers")],
        required=True,
        default="questionnaire",
        tracking=True,
        help="The voices counted. Questionnaire: completed responses; a response with at least "
        "one negative answer is a negative voice.",
    )
    threshold = fields.Float(
        string="Share of negative voices (%)",
        default=alerts.DEFAULT_THRESHOLD,
        digits=(5, 2),
        tracking=True,
        help="The rule fires when the negative voices make this share of the voices of the "
        "window, or more.",
    )
    window_minutes = fields.Integer(
        string="Window (minutes)", default=alerts.DEFAULT_WINDOW_MINUTES, tracking=True
    )
    minimum_count = fields.Integer(
        string="Minimum voices",
        default=alerts.DEFAULT_MINIMUM,
        tracking=True,
        help="Fewer voices in the window never fire the rule.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Alerted user",
        domain="[('share', '=', False)]",
        tracking=True,
        help="Gets the activity and the notification of the alerts; empty: the head of the "
        "office (his user).",
    )
    alert_ids = fields.One2many("municipal.quality.alert", "rule_id", string="Alerts")
    open_alert_count = fields.Integer(compute="_compute_open_alert_count")

    @api.constrains("threshold", "window_minutes", "minimum_count")
    def _check_figures(self):
        for rule in self:
            if not 0.0 < rule.threshold <= 100.0:
                raise ValidationError(
                    self.env._(
                        "The share of negative voices is a percentage above 0 and up to 100."
                    )
                )
            if rule.window_minutes < 1 or rule.window_minutes > 7 * 24 * 60:
                raise ValidationError(
                    self.env._("The window lasts from 1 minute to 7 days (10,080 minutes).")
                )
            if rule.minimum_count < 1:
                raise ValidationError(self.env._("The minimum number of voices is at least 1."))

    def _compute_open_alert_count(self):
        groups = dict(
            self.env["municipal.quality.alert"]._read_group(
                [("rule_id", "in", self.ids), ("state", "!=", "closed")], ["rule_id"], ["__count"]
            )
        )
        for rule in self:
            rule.open_alert_count = groups.get(rule, 0)

    # ------------------------------------------------------------------ evaluation
    def _alert_offices(self):
        self.ensure_one()
        if not self.office_id:
            return None
        return (
            self.env["municipal.office"].sudo().search([("id", "child_of", self.office_id.id)]).ids
        )

    def _alert_counts(self, start, end):
        """(negative, total) voices of the rule's source in (start, end]. Sources added by
        other addons (console presses) extend it."""
        self.ensure_one()
        if self.source != "questionnaire":
            return 0, 0
        self.env["survey.user_input"].flush_model(
            ["survey_id", "state", "test_entry", "company_id", "end_datetime", "office_id"]
        )
        self.env["survey.user_input.line"].flush_model(["user_input_id", "satisfaction"])
        offices = self._alert_offices()
        office_filter = SQL("AND answer.office_id = ANY(%s)", offices) if offices else SQL()
        self.env.cr.execute(
            SQL(
                """
                SELECT COUNT(*), COUNT(*) FILTER (WHERE voice.negative)
                  FROM (
                    SELECT answer.id, bool_or(line.satisfaction = 'negative') AS negative
                      FROM survey_user_input answer
                      JOIN survey_survey survey ON survey.id = answer.survey_id
                      JOIN survey_user_input_line line ON line.user_input_id = answer.id
                     WHERE survey.is_quality_survey
                       AND answer.state = 'done'
                       AND NOT COALESCE(answer.test_entry, FALSE)
                       AND answer.company_id = %(company)s
                       AND answer.end_datetime > %(start)s
                       AND answer.end_datetime <= %(end)s
                       %(office_filter)s
                     GROUP BY answer.id
                  ) voice
                """,
                company=self.company_id.id,
                start=start,
                end=end,
                office_filter=office_filter,
            )
        )
        total, negative = self.env.cr.fetchone()
        return negative, total

    def _alert_evaluate(self, now=None):
        """Evaluate the rules on the window ending ``now``; fire those that reach their
        threshold and have no open alert. Returns the alerts fired."""
        now = now or fields.Datetime.now()
        fired = self.env["municipal.quality.alert"]
        for rule in self.sudo().filtered("active"):
            start, end = alerts.window(now, rule.window_minutes)
            negative, total = rule._alert_counts(start, end)
            if not alerts.fires(negative, total, rule.threshold, rule.minimum_count):
                continue
            if rule.open_alert_count:
                continue
            fired |= self.env["municipal.quality.alert"]._alert_fire(
                rule, negative, total, start, end
            )
        return fired

    @api.model
    def _alert_rules_for(self, source, company, office=None):
        """The active rules of ``source`` that watch ``office`` (or the whole ``company``)."""
        domain = [("source", "=", source), ("company_id", "=", company.id)]
        if office:
            domain += ["|", ("office_id", "=", False), ("office_id", "parent_of", office.id)]
        else:
            domain += [("office_id", "=", False)]
        return self.sudo().search(domain)

    @api.model
    def _cron_evaluate(self):
        """Safety net: evaluate every rule (the voices evaluate theirs as they arrive)."""
        self.sudo().search([("active", "=", True)])._alert_evaluate()
