from odoo import models


class PayrollXlsx(models.AbstractModel):
    """The premiums of a signed order, for the payroll."""

    _name = "report.municipal_bonus.payroll_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Bonus Order Payroll (XLSX)"

    def generate_xlsx_report(self, workbook, data, orders):
        env = self.env
        head = workbook.add_format({"bold": True, "border": 1, "text_wrap": True})
        cell = workbook.add_format({"border": 1})
        percent = workbook.add_format({"border": 1, "num_format": "0.00"})
        header = (
            env._("Personnel number"),
            env._("Full name"),
            env._("Position"),
            env._("Unit"),
            env._("Premium (%)"),
            env._("Reduction (%)"),
            env._("Indicators"),
        )
        for order in orders:
            sheet = workbook.add_worksheet((order.name or "order")[:31].replace("/", "-"))
            sheet.write(
                0,
                0,
                env._(
                    "Order %(number)s of %(date)s, period %(period)s",
                    number=order.name,
                    date=order.date,
                    period=order.period_id.name,
                ),
            )
            for col, label in enumerate(header):
                sheet.write(2, col, label, head)
            sheet.set_column(0, 0, 16)
            sheet.set_column(1, 3, 34)
            sheet.set_column(4, 6, 14)
            for row, item in enumerate(order._payroll_rows(), start=3):
                sheet.write(row, 0, item["identification"], cell)
                sheet.write(row, 1, item["name"], cell)
                sheet.write(row, 2, item["position"], cell)
                sheet.write(row, 3, item["unit"], cell)
                sheet.write_number(row, 4, item["bonus"], percent)
                sheet.write_number(row, 5, item["reduction"], percent)
                sheet.write(row, 6, item["indicators"], cell)
