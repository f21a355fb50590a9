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
        string="Service centre",
        default=lambda self: self._default_centre(),
        domain="[('parent_id', '=', False), ('has_consoles', '=', True),"
        " ('company_id', 'in', allowed_company_ids)]",
        help="A service centre whose workplaces (its own or its branches') have rating "
        "consoles.",
    )
    month = fields.Date(
        required=True,
        default=_previous_month,
        help="Any day of the month to report on.",
    )

    @api.model
    def _default_centre(self):
        """The centre with consoles the user heads or works in (his office's or workplace's);
        else the only centre with consoles of his company; else none."""
        Office = self.env["municipal.office"]
        with_consoles = [
            ("parent_id", "=", False),
            ("has_consoles", "=", True),
            ("company_id", "in", self.env.company.ids),
        ]
        employees = self.env.user.employee_ids
        offices = Office
        if employees:
            offices = Office.search([("manager_id", "in", employees.ids)]) or (
                self.env["municipal.workplace"]
                .search([("employee_id", "in", employees.ids)])
                .office_id
            )
        if offices:
            roots = {int(path.split("/")[0]) for path in offices.mapped("parent_path") if path}
            centres = Office.search([("id", "in", list(roots)), *with_consoles])
        else:
            centres = Office.search(with_consoles, limit=2)
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
            "issued_on": fields.Date.context_today(self),
        }

    def _official_signatories(self):
        """Signature block: the head of the centre (his position from his employee record), and
        the user who prepared the report when he is not that head."""
        self.ensure_one()
        head = self.centre_id.sudo().manager_id
        signatories = []
        if head:
            signatories.append(
                {
                    "position": head.job_title or head.job_id.name
                    or self.env._("Head of the service centre"),
                    "name": head.name,
                }
            )
        preparer = self.env.user.employee_ids.filtered(
            lambda e: e.company_id == self.centre_id.company_id
        )[:1]
        if preparer != head or not head:
            signatories.append(
                {"position": self.env._("Prepared by"), "name": preparer.name or self.env.user.name}
            )
        return signatories

    def _report_file_name(self):
        """The name of the downloaded PDF or XLSX, in the issuing company's language."""
        self.ensure_one()
        lang = self.centre_id.company_id._municipal_document_lang()
        return self.with_context(lang=lang).env._(
            "Ratings %(centre)s %(month)s",
            centre=self.centre_id.with_context(lang=lang).name,
            month=self.month.strftime("%Y-%m"),
        )

    def action_print_pdf(self):
        return self.env.ref("rating_console.action_report_monthly").report_action(self)

    def action_print_xlsx(self):
        return self.env.ref("rating_console.action_report_monthly_xlsx").report_action(self)
