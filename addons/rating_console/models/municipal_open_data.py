from odoo import api, models


class MunicipalOpenData(models.AbstractModel):
    _inherit = "municipal.open.data"

    @api.model
    def _open_data_datasets(self):
        datasets = super()._open_data_datasets()
        datasets["console-results"] = {
            "title": "Rating consoles: presses per branch, direction and month (order 4.4)",
            "method": "_open_data_console_results",
            "fields": [
                ("company", "string", "The administration"),
                ("office_code", "string", "Code of the branch (office)"),
                ("office", "string", "Name of the branch (office)"),
                ("direction", "string", "Direction of the services (empty: none)"),
                ("month", "string", "Month, YYYY-MM"),
                ("tickets", "integer", "Queue tickets"),
                ("served", "integer", "Tickets served to the end"),
                ("votes", "integer", "Presses"),
                ("bad", "integer", "Presses Bad"),
                ("good", "integer", "Presses Good"),
                ("excellent", "integer", "Presses Excellent"),
                ("good_or_better_share", "number", "Good or Excellent / presses x 100"),
                ("excellent_share", "number", "Excellent / presses x 100"),
                ("votes_per_hundred", "number", "Presses on finished tickets per 100 served"),
            ],
        }
        return datasets

    @api.model
    def _open_data_console_results(self, year=None):
        domain = [("office_id", "!=", False)]
        if year:
            domain += [("date", ">=", f"{year}-01-01"), ("date", "<", f"{year + 1}-01-01")]
        rows = (
            self.env["municipal.console.report"]
            .sudo()
            ._summary(domain, ["office_id", "category_id", "date:month"])
        )
        result = []
        for row in rows:
            office, direction, month = row["office_id"], row["category_id"], row["date:month"]
            lang = office.company_id.partner_id.lang
            result.append(
                {
                    "company": office.company_id.name,
                    "office_code": office.code or "",
                    "office": office.with_context(lang=lang).name,
                    "direction": direction.with_context(lang=lang).name if direction else "",
                    "month": month.strftime("%Y-%m") if month else "",
                    "tickets": row["ticket_count"],
                    "served": row["served_count"],
                    "votes": row["vote_count"],
                    "bad": row["bad_count"],
                    "good": row["good_count"],
                    "excellent": row["excellent_count"],
                    "good_or_better_share": row["good_or_better_share"],
                    "excellent_share": row["excellent_share"],
                    "votes_per_hundred": row["votes_per_hundred"],
                }
            )
        result.sort(key=lambda r: (r["company"], r["month"], r["office_code"], r["direction"]))
        return result
