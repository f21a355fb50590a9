from odoo import api, models


class MunicipalOpenData(models.AbstractModel):
    _inherit = "municipal.open.data"

    @api.model
    def _open_data_datasets(self):
        datasets = super()._open_data_datasets()
        datasets["culture-ranking"] = {
            "title": "Independent quality rating of the culture institutions (published years)",
            "method": "_open_data_culture_ranking",
            "fields": [
                ("company", "string", "The administration that published the rating"),
                ("year", "integer", "Year of the rating"),
                ("institution", "string", "Name of the institution"),
                ("institution_type", "string", "Kind of institution (code)"),
                ("rank", "integer", "Place in the rating (equal totals share a place)"),
                ("total", "number", "Total score, 0-100, 2 decimals"),
                ("responses", "integer", "Questionnaires counted"),
            ],
        }
        return datasets

    @api.model
    def _open_data_culture_ranking(self, year=None):
        domain = [("published", "=", True)]
        if year:
            domain.append(("year", "=", year))
        assessments = (
            self.env["culture.assessment"]
            .sudo()
            .search(domain, order="year desc, rank, institution_name")
        )
        return [
            {
                "company": assessment.company_id.name,
                "year": assessment.year,
                "institution": assessment.institution_id.with_context(
                    lang=assessment.company_id.partner_id.lang
                ).name,
                "institution_type": assessment.institution_type or "",
                "rank": assessment.rank,
                "total": round(assessment.total, 2),
                "responses": assessment.response_count,
            }
            for assessment in assessments
        ]
