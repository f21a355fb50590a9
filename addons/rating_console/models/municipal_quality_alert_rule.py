from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.municipal_quality.models import alerts


class MunicipalQualityAlertRule(models.Model):
    """Real-time alerts on the presses of the consoles: the share of Bad presses in the window,
    for an office, a workplace or the whole company, evaluated as the presses arrive."""

    _inherit = "municipal.quality.alert.rule"

    source = fields.Selection(
        selection_add=[("console", "Console presses")], ondelete={"console": "cascade"}
    )
    workplace_id = fields.Many2one(
        "municipal.workplace",
        domain="[('company_id', 'in', (company_id, False))]",
        tracking=True,
        help="Console presses: only the presses of this workplace (empty: every workplace of "
        "the office, or of the company).",
    )

    @api.model
    @tools.ormcache("company_id")
    def _console_rules_data(self, company_id):
        """The active console rules of a company as plain values (cached: the vote path reads
        them at every accepted press without a query): id, ids of the offices watched (the
        rule's office and its branches; None: the whole company), workplace, threshold, window
        and minimum. Cleared when a rule changes and when an office is added, moved or
        deleted."""
        rules = self.sudo().search([("source", "=", "console"), ("company_id", "=", company_id)])
        return tuple(
            (
                rule.id,
                frozenset(rule._alert_offices()) if rule.office_id else None,
                rule.workplace_id.id or None,
                rule.threshold,
                rule.window_minutes,
                rule.minimum_count,
            )
            for rule in rules
        )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env.registry.clear_cache()
        return records

    def write(self, vals):
        result = super().write(vals)
        self.env.registry.clear_cache()
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()
        return result

    def _alert_counts(self, start, end):
        self.ensure_one()
        if self.source != "console":
            return super()._alert_counts(start, end)
        return self._console_counts(
            self.company_id.id, start, end, self._alert_offices(), self.workplace_id.id or None
        )

    @api.model
    def _console_counts(self, company_id, start, end, office_ids=None, workplace_id=None):
        """(Bad, all) presses of a company in (start, end], of the offices ``office_ids`` and
        of ``workplace_id`` when given: one query."""
        self.env["municipal.console.vote"].flush_model(
            ["company_id", "office_id", "workplace_id", "pressed_at", "value"]
        )
        offices = SQL("AND vote.office_id = ANY(%s)", list(office_ids)) if office_ids else SQL()
        workplace = SQL("AND vote.workplace_id = %s", workplace_id) if workplace_id else SQL()
        self.env.cr.execute(
            SQL(
                """
                SELECT COUNT(*), COUNT(*) FILTER (WHERE vote.value = 'bad')
                  FROM municipal_console_vote vote
                 WHERE vote.company_id = %(company)s
                   AND vote.pressed_at > %(start)s AND vote.pressed_at <= %(end)s
                   %(offices)s %(workplace)s
                """,
                company=company_id,
                start=start,
                end=end,
                offices=offices,
                workplace=workplace,
            )
        )
        total, negative = self.env.cr.fetchone()
        return negative, total

    @api.model
    def _alert_evaluate_console(self, console, now=None):
        """After accepted presses of ``console``: one query per rule that watches it (none when
        its company has no console rule); the ORM only when a rule reaches its threshold. The
        console's company, office and workplace are known without a query after its presses
        were stored (``_record_console_votes`` returns them)."""
        company_id = console.company_id.id
        rules = self._console_rules_data(company_id)
        if not rules:
            return self.env["municipal.quality.alert"]
        now = now or fields.Datetime.now()
        office_id = console.office_id.id
        workplace_id = console.workplace_id.id
        firing = []
        for rule_id, office_ids, rule_workplace, threshold, minutes, minimum in rules:
            if office_ids is not None and office_id not in office_ids:
                continue
            if rule_workplace and rule_workplace != workplace_id:
                continue
            start, end = alerts.window(now, minutes)
            negative, total = self._console_counts(
                company_id, start, end, office_ids, rule_workplace
            )
            if alerts.fires(negative, total, threshold, minimum):
                firing.append(rule_id)
        if not firing:
            return self.env["municipal.quality.alert"]
        return self.sudo().browse(firing)._alert_evaluate(now=now)
