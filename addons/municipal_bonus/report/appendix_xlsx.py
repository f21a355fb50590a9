from odoo import models

TITLE = (
    "Информация для принятия решения о снижении выплаты премии по итогам работы за "
    "квартал, год, иной временной промежуток"
)
HEADER = ("№ п\\п", "Фамилия, имя, отчество", "Должность", "% снижения премии", "Показатели")


class AppendixXlsx(models.AbstractModel):
    """Appendix 1 of Положение 133-р as a spreadsheet, laid out as the form."""

    _name = "report.municipal_bonus.appendix_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Appendix 1 (XLSX)"

    def generate_xlsx_report(self, workbook, data, reviews):
        title = workbook.add_format({"bold": True, "align": "center", "text_wrap": True})
        center = workbook.add_format({"align": "center", "italic": True, "font_size": 8})
        head = workbook.add_format(
            {"bold": True, "border": 1, "align": "center", "valign": "vcenter", "text_wrap": True}
        )
        cell = workbook.add_format({"border": 1, "valign": "top", "text_wrap": True})
        percent = workbook.add_format({"border": 1, "valign": "top", "num_format": "0.00"})
        for review in reviews:
            sheet = workbook.add_worksheet(review.department_id.name[:31] or review.name[:31])
            write_appendix(
                sheet, review, review._appendix_rows(), title, center, head, cell, percent
            )


def write_appendix(sheet, review, rows, title, center, head, cell, percent):
    """Writes the form of Appendix 1 on ``sheet`` (shared with the benchmark's baseline)."""
    sheet.set_column(0, 0, 6)
    sheet.set_column(1, 2, 36)
    sheet.set_column(3, 3, 12)
    sheet.set_column(4, 4, 24)
    sheet.merge_range(0, 0, 0, 4, TITLE, title)
    sheet.set_row(0, 36)
    manager = review.department_manager_id.sudo()
    sheet.merge_range(
        2,
        0,
        2,
        4,
        f"{manager.job_title or ''} / {review.department_id.name or ''}".strip(" /"),
        title,
    )
    sheet.merge_range(
        3,
        0,
        3,
        4,
        "(наименование должности руководителя/структурного подразделения)",
        center,
    )
    sheet.merge_range(4, 0, 4, 4, manager.name or "", title)
    sheet.merge_range(5, 0, 5, 4, "(руководитель структурного подразделения)", center)
    sheet.merge_range(6, 0, 6, 4, f"по итогам работы за {review.period_id.name}", title)
    sheet.merge_range(7, 0, 7, 4, "(период)", center)
    for col, label in enumerate(HEADER):
        sheet.write(9, col, label, head)
    row = 10
    for item in rows:
        sheet.write(row, 0, f"{item['number']}.", cell)
        sheet.write(row, 1, item["name"], cell)
        sheet.write(row, 2, item["position"], cell)
        sheet.write_number(row, 3, item["reduction"], percent)
        sheet.write(row, 4, item["indicators"], cell)
        row += 1
    row += 1
    sheet.write(row, 0, "Исполнитель по предоставлению информации")
    sheet.write(row + 1, 1, "_______________")
    sheet.write(row + 1, 2, review.preparer_user_id.sudo().name or "_______________")
    sheet.write(row + 2, 1, "(подпись)", center)
    sheet.write(row + 2, 2, "(расшифровка подписи)", center)
    return row
