from odoo import http
from odoo.http import request


class MunicipalQualityCases(http.Controller):
    @http.route(
        "/quality/we-did/<int:office_id>",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
        sitemap=False,
        readonly=True,
    )
    def quality_we_did(self, office_id, **kwargs):
        """ "You said, we did" of an office: the measures of its closed cases by month."""
        office = request.env["municipal.office"].sudo().browse(office_id).exists()
        if not office or not office.active:
            return request.not_found()
        months = request.env["municipal.quality.case"]._you_said_we_did(office)
        return request.render(
            "municipal_quality.you_said_we_did", {"office": office, "months": months}
        )
