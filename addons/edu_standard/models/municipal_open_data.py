from odoo import api, models


class MunicipalOpenData(models.AbstractModel):
    _inherit = "municipal.open.data"

    @api.model
    def _open_data_datasets(self):
        datasets = super()._open_data_datasets()
        datasets["edu-results"] = {
            "title": "Quality standard of the additional education: points and band per "
            "organisation and year (confirmed assessments)",
            "method": "_open_data_edu_results",
            "fields": [
                ("company", "string", "The administration"),
                ("year", "integer", "Year of the assessment"),
                ("organisation", "string", "Name of the organisation"),
                ("staffing_points", "integer", "Points of indicator 1 (staffing), 0-20"),
                ("higher_education_points", "integer", "Points of indicator 2, 0-20"),
                ("training_points", "integer", "Points of indicator 3, 0-20"),
                ("retention_points", "integer", "Points of indicator 4, 0-20"),
                ("completion_points", "integer", "Points of indicator 5, 0-20"),
                ("total_points", "integer", "Total points, 0-100"),
                ("band", "string", "Band code of section 2.11"),
            ],
        }
        return datasets

    @api.model
    def _open_data_edu_results(self, year=None):
        domain = [("state", "=", "confirmed"), ("organization_id.active", "=", True)]
        if year:
            domain.append(("year", "=", year))
        assessments = (
            self.env["edu.standard.assessment"]
            .sudo()
            .search(domain, order="year desc, total_points desc, id")
        )
        return [
            {
                "company": assessment.company_id.name,
                "year": assessment.year,
                "organisation": assessment.organization_id.name,
                "staffing_points": assessment.staffing_points,
                "higher_education_points": assessment.higher_education_points,
                "training_points": assessment.training_points,
                "retention_points": assessment.retention_points,
                "completion_points": assessment.completion_points,
                "total_points": assessment.total_points,
                "band": assessment.band or "",
            }
            for assessment in assessments
        ]
