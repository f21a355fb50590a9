from odoo import http
from odoo.http import request


class EduStandardPublic(http.Controller):
    """Open and public information on the service (section 2.7.2): the band of each organisation
    by year, from the confirmed assessments only."""

    @http.route(["/edu_standard/results"], type="http", auth="public", website=True, sitemap=True)
    def public_results(self, year=None, **kw):
        Assessment = request.env["edu.standard.assessment"].sudo()
        confirmed = [("state", "=", "confirmed"), ("organization_id.active", "=", True)]
        years = sorted(
            {year for [year] in Assessment._read_group(confirmed, ["year"])}, reverse=True
        )
        selected = (
            int(year)
            if str(year or "").isdigit() and int(year) in years
            else (years[0] if years else None)
        )
        assessments = (
            Assessment.search(confirmed + [("year", "=", selected)], order="total_points desc, id")
            if selected
            else Assessment
        )
        return request.render(
            "edu_standard.public_results",
            {
                "years": years,
                "year": selected,
                "assessments": assessments,
                "bands": dict(Assessment._fields["band"]._description_selection(request.env)),
            },
        )
