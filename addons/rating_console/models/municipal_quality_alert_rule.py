from odoo import api, fields, models, tools
from odoo.tools import SQL


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
    def _console_rule_ids(self, company_id):
        """The active console rules of a company (cached: the vote path asks it each time)."""
        return tuple(
            self.sudo().search([("source", "=", "console"), ("company_id", "=", company_id)]).ids
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
        self.env["municipal.console.vote"].flush_model(
            ["company_id", "office_id", "workplace_id", "pressed_at", "value"]
        )
        offices = self._alert_offices()
        office_filter = SQL("AND office_id = ANY(%s)", offices) if offices else SQL()
        workplace_filter = (
            SQL("AND workplace_id = %s", self.workplace_id.id) if self.workplace_id else SQL()
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT COUNT(*), COUNT(*) FILTER (WHERE value = 'bad')
                  FROM municipal_console_vote
                 WHERE company_id = %(company)s
                   AND pressed_at > %(start)s AND pressed_at <= %(end)s
                   %(office_filter)s %(workplace_filter)s
                """,
                company=self.company_id.id,
                start=start,
                end=end,
                office_filter=office_filter,
                workplace_filter=workplace_filter,
            )
        )
        total, negative = self.env.cr.fetchone()
        return negative, total

    @api.model
    def _alert_rules_for_console(self, console):
        """The console rules that watch ``console`` (no query when the company has none)."""
        rule_ids = self._console_rule_ids(console.company_id.id)
        if not rule_ids:
            return self.browse()
        office_path = console.office_id.parent_path or ""
        return (
            self.sudo()
            .browse(rule_ids)
            .filtered(
                lambda rule: (
                    not rule.office_id or office_path.startswith(rule.office_id.parent_path or "-")
                )
                and (not rule.workplace_id or rule.workplace_id == console.workplace_id)
            )
        )
