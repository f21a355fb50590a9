from odoo import models


class MonthlyReportXlsx(models.AbstractModel):
    _name = "report.rating_console.report_monthly_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Monthly Rating Report (XLSX)"

    def _columns(self):
        return [
            ("served_count", self.env._("Served")),
            ("vote_count", self.env._("Ratings")),
            ("bad_count", self.env._("Bad")),
            ("good_count", self.env._("Good")),
            ("excellent_count", self.env._("Excellent")),
            ("excellent_share", self.env._("Excellent (%)")),
            ("good_or_better_share", self.env._("Good or better (%)")),
            ("votes_per_hundred", self.env._("Ratings per 100 served")),
        ]

    def generate_xlsx_report(self, workbook, data, wizards):
        bold = workbook.add_format({"bold": True})
        percent = workbook.add_format({"num_format": "0.00"})
        columns = self._columns()
        for wizard in wizards:
            data = wizard._report_data()
            sections = [
                (self.env._("By branch"), ["office_id"], data["by_office"]),
                (self.env._("By direction"), ["category_id"], data["by_direction"]),
                (self.env._("By operator"), ["office_id", "employee_id"], data["by_operator"]),
            ]
            sheet = workbook.add_worksheet(f"{data['start']:%Y-%m}"[:31])
            sheet.write(0, 0, data["centre"].display_name, bold)
            sheet.write(1, 0, f"{data['start']} - {data['end']}")
            row = 3
            for title, keys, rows in sections:
                sheet.write(row, 0, title, bold)
                row += 1
                for col, (_name, label) in enumerate(columns, start=len(keys)):
                    sheet.write(row, col, label, bold)
                row += 1
                for values in rows:
                    for col, key in enumerate(keys):
                        sheet.write(row, col, values[key].display_name if values[key] else "-")
                    for col, (name, _label) in enumerate(columns, start=len(keys)):
                        sheet.write(row, col, values[name], percent if "share" in name
                                    or "hundred" in name else None)
                    row += 1
                row += 1
            sheet.set_column(0, 1, 30)
