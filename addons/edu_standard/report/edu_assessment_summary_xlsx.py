from odoo import models


class EduAssessmentSummaryXlsx(models.AbstractModel):
    """Yearly summary of the assessments as a spreadsheet, one sheet per year."""

    _name = "report.edu_standard.assessment_summary_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Yearly Summary of the Assessments (XLSX)"

    def generate_xlsx_report(self, workbook, data, assessments):
        # an official summary: in the issuing company's language, whoever prints it
        lang = assessments._official_lang()
        assessments = assessments.with_context(lang=lang)
        env = assessments.env
        bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        percent = workbook.add_format({"num_format": "0.00"})
        bands = dict(assessments._fields["band"]._description_selection(env))
        headers = [
            env._("Organisation"),
            env._("Staffing (%)"),
            env._("Points"),
            env._("Higher education (%)"),
            env._("Points"),
            env._("Retraining / qualification upgrade (%)"),
            env._("Points"),
            env._("Retention of pupils (%)"),
            env._("Points"),
            env._("Completion of the programmes (%)"),
            env._("Points"),
            env._("Total points"),
            env._("Band"),
            env._("Status"),
        ]
        states = dict(assessments._fields["state"]._description_selection(env))
        for year in sorted(set(assessments.mapped("year")), reverse=True):
            sheet = workbook.add_worksheet(str(year))
            sheet.set_column(0, 0, 45)
            sheet.set_column(1, 13, 14)
            sheet.write(
                0,
                0,
                env._("Quality standard of additional education, %(year)s", year=year),
                bold,
            )
            for column, header in enumerate(headers):
                sheet.write(2, column, header, bold)
            row = 3
            for assessment in assessments.filtered(lambda a, y=year: a.year == y).sorted(
                lambda a: (-a.total_points, a.organization_id.name)
            ):
                values = [
                    assessment.organization_id.name,
                    assessment.staffing_rate,
                    assessment.staffing_points,
                    assessment.higher_education_rate,
                    assessment.higher_education_points,
                    assessment.training_rate,
                    assessment.training_points,
                    assessment.retention_rate,
                    assessment.retention_points,
                    assessment.completion_rate,
                    assessment.completion_points,
                    assessment.total_points,
                    bands.get(assessment.band, ""),
                    states.get(assessment.state, ""),
                ]
                for column, value in enumerate(values):
                    if column in (1, 3, 5, 7, 9):
                        sheet.write_number(row, column, value, percent)
                    else:
                        sheet.write(row, column, value)
                row += 1
