from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.municipal_quality.controllers.main import MunicipalQualitySurvey
from odoo.addons.survey.controllers.main import Survey  # noqa: F401 - survey routes loaded first

from ..models.culture_assessment import CULTURE_LINK_KIND
from ..models.survey_survey import CULTURE_LINK_CONTEXT

# the announcement is public once announced; the results once published
CONTEST_PUBLIC_STATES = ("announced", "judging", "approved", "published")


class CultureQualitySurvey(MunicipalQualitySurvey):
    """The institution's questionnaire link is a public link of the base: same landing page,
    same anonymous response on the first POST, same device and address limits. Only the
    questionnaire (the campaign's) and the closed page are the culture's own."""

    def _link_record(self, kind, res_id, signature):
        if kind != CULTURE_LINK_KIND:
            return super()._link_record(kind, res_id, signature)
        Assessment = request.env["culture.assessment"].sudo()
        if not Assessment._quality_link_check(kind, res_id, signature):
            return None
        return Assessment.browse(res_id).exists() or None

    @http.route()
    def quality_survey_start(self, kind, res_id, signature, **kwargs):
        if kind == CULTURE_LINK_KIND:
            assessment = self._link_record(kind, res_id, signature)
            if assessment is None:
                # the base's page, in the words of a culture institution's link
                return request.render(
                    "municipal_quality.survey_link_invalid",
                    {"reason": "unknown", "culture_link": True},
                    status=404,
                )
            if not assessment._quality_link_open():
                return request.render(
                    "culture_rating.culture_questionnaire_closed", {"assessment": assessment}
                )
            request.update_context(**{CULTURE_LINK_CONTEXT: assessment.id})
        return super().quality_survey_start(kind, res_id, signature, **kwargs)


class CultureRatingPublic(http.Controller):
    """Citizens: the questionnaire link of an institution and the published rankings."""

    # ------------------------------------------------------------------ questionnaire

    @http.route(
        "/culture/q/<int:campaign_id>/<string:token>",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
        sitemap=False,
    )
    def culture_questionnaire(self, campaign_id, token, **kwargs):
        """The address printed on the first posters: on to the institution's public link of
        the base (nothing stored here)."""
        assessment = (
            request.env["culture.assessment"]
            .sudo()
            .search(
                [("campaign_id", "=", campaign_id), ("access_token", "=", str(token))],
                limit=1,
            )
        )
        if not assessment:
            raise NotFound()
        return request.redirect(assessment._quality_link_path(), code=303, local=True)

    # ------------------------------------------------------------------ public results

    def _published_campaigns(self, year=None):
        domain = [("state", "=", "published")]
        if year is not None:
            domain.append(("year", "=", year))
        campaigns = request.env["culture.campaign"].sudo().search(domain)
        mine = campaigns.filtered(lambda c: c.company_id == request.env.company)
        return mine or campaigns

    @http.route("/culture/rating", type="http", auth="public", website=True)
    def culture_rating_index(self, **kwargs):
        return request.render(
            "culture_rating.culture_rating_index", {"campaigns": self._published_campaigns()}
        )

    @http.route("/culture/rating/<int:year>", type="http", auth="public", website=True)
    def culture_rating_year(self, year, **kwargs):
        campaign = self._published_campaigns(year)[:1]
        if not campaign:
            raise NotFound()
        return request.render(
            "culture_rating.culture_rating_year",
            {"campaign": campaign, "plans": campaign._published_plans()},
        )

    @http.route(
        "/culture/rating/<int:year>/ranking.<string:fmt>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def culture_rating_download(self, year, fmt, **kwargs):
        campaign = self._published_campaigns(year)[:1]
        if not campaign or fmt not in ("pdf", "xlsx"):
            raise NotFound()
        Report = request.env["ir.actions.report"].sudo()
        if fmt == "xlsx":
            content, _type = Report._render(
                "culture_rating.action_report_culture_ranking_xlsx", campaign.ids
            )
            mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        else:
            content, _type = Report._render_qweb_pdf(
                "culture_rating.action_report_culture_ranking", campaign.ids
            )
            mimetype = "application/pdf"
        filename = f"culture-ranking-{year}.{fmt}"
        return request.make_response(
            content,
            headers=[
                ("Content-Type", mimetype),
                ("Content-Length", len(content)),
                ("Content-Disposition", f'attachment; filename="{filename}"'),
            ],
        )

    # ------------------------------------------------------------------ open contest (1.1)

    def _public_contests(self):
        contests = (
            request.env["culture.contest"].sudo().search([("state", "in", CONTEST_PUBLIC_STATES)])
        )
        mine = contests.filtered(lambda c: c.company_id == request.env.company)
        return mine or contests

    @http.route("/culture/contest", type="http", auth="public", website=True, readonly=True)
    def culture_contest_index(self, **kwargs):
        return request.render(
            "culture_rating.culture_contest_index", {"contests": self._public_contests()}
        )

    @http.route(
        "/culture/contest/<int:contest_id>",
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def culture_contest_page(self, contest_id, **kwargs):
        contest = self._public_contests().filtered(lambda c: c.id == contest_id)
        if not contest:
            raise NotFound()
        results = contest.application_ids.filtered(lambda a: a.state == "submitted").sorted(
            lambda a: (a.rank, a.institution_id.name)
        )
        return request.render(
            "culture_rating.culture_contest_page",
            {
                "contest": contest,
                "results": results if contest.state == "published" else results.browse(),
            },
        )
