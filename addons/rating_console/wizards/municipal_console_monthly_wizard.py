from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


def _previous_month(record):
    """The first day of the month before the user's today (in the user's time zone)."""
    return fields.Date.context_today(record).replace(day=1) - relativedelta(months=1)


class MunicipalConsoleMonthlyWizard(models.TransientModel):
    """The monthly report of a service centre with its branches (order 4.1-4.2)."""

    _name = "municipal.console.monthly.wizard"
    _description = "Monthly Rating Report"

    centre_id = fields.Many2one(
        "municipal.office",
        required=True,
        default=lambda self: self._default_centre(),
        domain="[('parent_id', '=', False), ('company_id', 'in', allowed_company_ids)]",
    )
    month = fields.Date(
        required=True,
        default=_previous_month,
        help="Any day of the month to report on.",
    )

    @api.model
    def _default_centre(self):
        """The centre the user heads or works in (his office's or workplace's), if one."""
        Office = self.env["municipal.office"]
        employees = self.env.user.employee_ids
        if not employees:
            return Office
        offices = Office.search([("manager_id", "in", employees.ids)])
        if not offices:
            offices = (
                self.env["municipal.workplace"]
                .search([("employee_id", "in", employees.ids)])
                .office_id
            )
        centres = Office.browse(
            {int(path.split("/")[0]) for path in offices.mapped("parent_path") if path}
        )
        return centres if len(centres) == 1 else Office

    @api.model
    def _period(self, month):
        start = month.replace(day=1)
        return start, start + relativedelta(months=1)

    def _report_data(self):
        """Rows per branch (and the whole centre), per direction and per operator."""
        self.ensure_one()
        start, end = self._period(self.month)
        Report = self.env["municipal.console.report"]
        domain = [
            ("centre_id", "=", self.centre_id.id),
            ("date", ">=", start),
            ("date", "<", end),
        ]
        total = Report._summary(domain, ["centre_id"])
        return {
            "centre": self.centre_id,
            "start": start,
            "end": end - relativedelta(days=1),
            "by_office": Report._summary(domain, ["office_id"]),
            "by_direction": Report._summary(domain, ["category_id"]),
            "by_operator": Report._summary(domain, ["office_id", "employee_id"]),
            "total": total[0] if total else Report._with_ratios([{}])[0],
        }

    def action_print_pdf(self):
        return self.env.ref("rating_console.action_report_monthly").report_action(self)

    def action_print_xlsx(self):
        return self.env.ref("rating_console.action_report_monthly_xlsx").report_action(self)
