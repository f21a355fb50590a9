from odoo import models


class AppendixXlsx(models.AbstractModel):
    """Appendix 1 of Положение 133-р as a spreadsheet, laid out as the form, in the issuing
    company's language (its Russian wording in i18n/ru.po)."""

    _name = "report.municipal_bonus.appendix_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Appendix 1 (XLSX)"

    def generate_xlsx_report(self, workbook, data, reviews):
        formats = {
            "title": workbook.add_format({"bold": True, "align": "center", "text_wrap": True}),
            "center": workbook.add_format({"align": "center", "italic": True, "font_size": 8}),
            "head": workbook.add_format(
                {
                    "bold": True,
                    "border": 1,
                    "align": "center",
                    "valign": "vcenter",
                    "text_wrap": True,
                }
            ),
            "cell": workbook.add_format({"border": 1, "valign": "top", "text_wrap": True}),
            "percent": workbook.add_format({"border": 1, "valign": "top", "num_format": "0.00"}),
        }
        for review in reviews:
            review = review.with_context(lang=review.company_id._municipal_document_lang())
            sheet = workbook.add_worksheet(
                (review.department_id.sudo().name or review.name or "")[:31]
            )
            write_appendix(sheet, review, review._appendix_rows(), formats)


def write_appendix(sheet, review, rows, formats):
    """Writes the form of Appendix 1 on ``sheet``, in the language of ``review.env``."""
    env = review.env
    title, center, head = formats["title"], formats["center"], formats["head"]
    cell, percent = formats["cell"], formats["percent"]
    sheet.set_column(0, 0, 6)
    sheet.set_column(1, 2, 32)
    sheet.set_column(3, 3, 12)
    sheet.set_column(4, 4, 60)
    sheet.merge_range(
        0,
        0,
        0,
        4,
        env._(
            "Information for the decision to reduce the premium for the results of work for a "
            "quarter, a year or another period"
        ),
        title,
    )
    sheet.set_row(0, 36)
    reference = env._("No. %(number)s of %(date)s", number="_______", date="_______________")
    if review.document_number:
        reference = env._(
            "No. %(number)s of %(date)s",
            number=review.document_number,
            date=review.submitted_date.strftime(
                env["res.lang"]._get_data(code=env.lang).date_format or "%d.%m.%Y"
            ),
        )
    sheet.merge_range(1, 0, 1, 4, reference, center)
    manager = review.department_manager_id.sudo()
    unit = review.department_id.sudo().name or ""
    sheet.merge_range(2, 0, 2, 4, f"{manager.job_title or ''} / {unit}".strip(" /"), title)
    sheet.merge_range(3, 0, 3, 4, env._("(position of the head / name of the unit)"), center)
    sheet.merge_range(4, 0, 4, 4, manager.name or "", title)
    sheet.merge_range(5, 0, 5, 4, env._("(head of the unit)"), center)
    sheet.merge_range(
        6,
        0,
        6,
        4,
        env._("for the results of work for %(period)s", period=review.period_id.name),
        title,
    )
    sheet.merge_range(7, 0, 7, 4, env._("(period)"), center)
    header = (
        env._("No."),
        env._("Full name"),
        env._("Position"),
        env._("Reduction of the premium, %"),
        env._("Indicators"),
    )
    for col, label in enumerate(header):
        sheet.write(9, col, label, head)
    row = 10
    for item in rows:
        sheet.write(row, 0, f"{item['number']}.", cell)
        sheet.write(row, 1, item["name"], cell)
        sheet.write(row, 2, item["position"], cell)
        sheet.write_number(row, 3, item["reduction"], percent)
        sheet.write(row, 4, "\n".join(item["indicators"]), cell)
        row += 1
    row += 1
    for signatory in review._official_signatories():
        sheet.write(row, 0, signatory["position"])
        sheet.write(row + 1, 1, "_______________")
        sheet.write(row + 1, 2, signatory["name"] or "_______________")
        sheet.write(row + 2, 1, env._("(signature)"), center)
        sheet.write(row + 2, 2, env._("(full name)"), center)
        row += 4
    return row
