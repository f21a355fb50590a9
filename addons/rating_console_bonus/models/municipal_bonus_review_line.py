from odoo import api, fields, models

from odoo.addons.municipal_quality.models import scoring as quality_scoring


class MunicipalBonusReviewLine(models.Model):
    """The servant's console ratings over the period of the review (Vinnytsia order 4.7):
    information for the executor, never a finding by themselves."""

    _inherit = "municipal.bonus.review.line"

    console_vote_count = fields.Integer(
        string="Console ratings",
        compute="_compute_console_results",
        help="Ratings pressed on the consoles for tickets the servant served during the period "
        "of the review.",
    )
    console_bad_count = fields.Integer(string="Rated Bad", compute="_compute_console_results")
    console_good_count = fields.Integer(string="Rated Good", compute="_compute_console_results")
    console_excellent_count = fields.Integer(
        string="Rated Excellent", compute="_compute_console_results"
    )
    console_excellent_share = fields.Float(
        string="Excellent (%)",
        digits=(5, 2),
        compute="_compute_console_results",
        help="Share of Excellent among the console ratings of the period (order section 4).",
    )
    console_good_or_better_share = fields.Float(
        string="Good or better (%)",
        digits=(5, 2),
        compute="_compute_console_results",
        help="Share of Good and Excellent among the console ratings of the period "
        "(order section 4).",
    )

    console_figure_shown = fields.Boolean(
        string="Enough ratings",
        compute="_compute_console_results",
        help="The servant's figures are shown from the company's minimum number of respondents "
        '(Settings > Service quality) on; below it the line reads "too few answers".',
    )
    console_figure_status = fields.Char(
        string="Console figures",
        compute="_compute_console_results",
    )

    @api.depends(
        "employee_id",
        "review_id.period_id.date_from",
        "review_id.period_id.date_to",
        "company_id.quality_min_respondents",
    )
    def _compute_console_results(self):
        """All the lines at once: one grouped query per period, whatever the number of lines.

        The results are the servant's own aggregates: whoever reads the line reads them, hence
        the monitoring report is read as superuser, restricted to the servants of the lines.
        """
        by_period = {}
        # An employee reads their own line but not the review nor the servants' records.
        for line in self.sudo():
            by_period.setdefault(line.review_id.period_id, []).append(line.id)
        Report = self.env["municipal.console.report"].sudo()
        for period, line_ids in by_period.items():
            lines = self.browse(line_ids)
            rows = {}
            employees = lines.sudo().employee_id
            if period and employees:
                domain = [
                    ("employee_id", "in", employees.ids),
                    ("date", ">=", period.date_from),
                    ("date", "<=", period.date_to),
                ]
                rows = {
                    row["employee_id"].id: row for row in Report._summary(domain, ["employee_id"])
                }
            for line in lines:
                row = rows.get(line.sudo().employee_id.id, {})
                votes = row.get("vote_count", 0)
                minimum = line.sudo().company_id.quality_min_respondents or (
                    quality_scoring.DEFAULT_MIN_RESPONDENTS
                )
                shown = quality_scoring.figure_shown(votes, minimum)
                line.console_vote_count = votes
                line.console_figure_shown = shown
                # issue 13: below the minimum nothing of the servant's figures is given
                line.console_bad_count = row.get("bad_count", 0) if shown else 0
                line.console_good_count = row.get("good_count", 0) if shown else 0
                line.console_excellent_count = row.get("excellent_count", 0) if shown else 0
                line.console_excellent_share = row.get("excellent_share", 0.0) if shown else 0.0
                line.console_good_or_better_share = (
                    row.get("good_or_better_share", 0.0) if shown else 0.0
                )
                line.console_figure_status = (
                    False
                    if shown
                    else self.env._(
                        "too few answers (%(count)s of %(minimum)s)",
                        count=votes,
                        minimum=minimum,
                    )
                )
