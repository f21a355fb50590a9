from collections import defaultdict

from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models import scoring


class MunicipalQualityPortal(CustomerPortal):
    """Published indicator pages of the public council: yearly aggregates per quality dimension
    and per office, never a response or a servant's name."""

    def _quality_council_company(self):
        user = request.env.user
        if not user.has_group("municipal_quality.group_public_council"):
            return None
        company = user.company_id
        if not company.sudo().quality_portal_published:
            return None
        return company

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "quality_year_count" in counters:
            company = self._quality_council_company()
            years = 0
            if company:
                years = len(
                    request.env["municipal.quality.dynamics"]
                    .sudo()
                    ._read_group([("company_id", "=", company.id)], ["year"])
                )
            values["quality_year_count"] = years
        return values

    @http.route(["/my/quality"], type="http", auth="user", website=True, readonly=True)
    def portal_my_quality(self, **kwargs):
        company = self._quality_council_company()
        if not company:
            return request.render("municipal_quality.portal_quality_unpublished", status=404)
        Dynamics = request.env["municipal.quality.dynamics"].sudo()
        rows = Dynamics.search([("company_id", "=", company.id)], order="year desc, dimension")
        dimensions = dict(Dynamics._fields["dimension"]._description_selection(request.env))
        by_year = defaultdict(dict)
        for row in rows:
            by_year[row.year][row.dimension] = row
        last_year = int(max(by_year)) if by_year else None
        offices = []
        if last_year:
            offices = (
                request.env["municipal.quality.result"]
                .sudo()
                ._read_group(
                    [
                        ("company_id", "=", company.id),
                        ("dimension", "=", "staff"),
                        ("date", ">=", f"{last_year}-01-01"),
                        ("date", "<", f"{last_year + 1}-01-01"),
                        ("office_id", "!=", False),
                    ],
                    ["office_id"],
                    ["respondent:sum", "satisfied:sum"],
                )
            )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "quality",
                "company": company,
                "target": company.quality_target,
                "years": sorted(by_year, reverse=True),
                "by_year": by_year,
                "dimensions": dimensions,
                "last_year": last_year,
                "offices": [
                    {
                        "name": office.sudo().complete_name,
                        **scoring.indicator(
                            respondents,
                            satisfied,
                            company.quality_target,
                            company.quality_min_respondents,
                        ),
                    }
                    for office, respondents, satisfied in offices
                ],
            }
        )
        return request.render("municipal_quality.portal_my_quality", values)
