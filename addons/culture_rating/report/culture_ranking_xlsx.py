from odoo import models


class CultureRankingXlsx(models.AbstractModel):
    """Ranking of a campaign for the administration's website (plan item 1.2)."""

    _name = "report.culture_rating.culture_ranking_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Culture Ranking XLSX"

    def generate_xlsx_report(self, workbook, data, campaigns):
        bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        number = workbook.add_format({"num_format": "0.00"})
        if all(campaigns.sudo().mapped("is_published")):
            # published results are public (plan item 1.2): the public page downloads them
            campaigns = campaigns.sudo()
        for campaign in campaigns:
            sheet = workbook.add_worksheet(str(campaign.year))
            criteria = campaign.method_id.criterion_ids
            sheet.write(0, 0, campaign.name, bold)
            sheet.write(1, 0, campaign.method_id.display_name)
            header = [
                self.env._("Rank"),
                self.env._("Institution"),
                self.env._("Type"),
                self.env._("Responses"),
            ]
            header += [f"{c.code} {c.name}" for c in criteria]
            header.append(self.env._("Total"))
            for col, title in enumerate(header):
                sheet.write(3, col, title, bold)
            types = dict(
                self.env["culture.institution"]
                ._fields["institution_type"]
                ._description_selection(self.env)
            )
            row = 4
            for assessment in campaign.assessment_ids.sorted(
                lambda a: (a.rank, a.institution_name)
            ):
                scores = {line.criterion_id: line.value for line in assessment.criterion_line_ids}
                sheet.write(row, 0, assessment.rank)
                sheet.write(row, 1, assessment.institution_id.name)
                sheet.write(row, 2, types.get(assessment.institution_type, ""))
                sheet.write(row, 3, assessment.response_count)
                for col, criterion in enumerate(criteria, start=4):
                    if criterion in scores:
                        sheet.write_number(row, col, scores[criterion], number)
                sheet.write_number(row, 4 + len(criteria), assessment.total, number)
                row += 1
            sheet.set_column(1, 1, 45)
            sheet.set_column(2, 3 + len(criteria), 14)
