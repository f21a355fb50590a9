from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.survey.controllers.main import Survey  # noqa: F401 - survey routes loaded first


class CultureRatingPublic(http.Controller):
    """Citizens: the questionnaire link of an institution and the published rankings."""

    # ------------------------------------------------------------------ questionnaire

    @http.route(
        "/culture/q/<int:campaign_id>/<string:token>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def culture_questionnaire(self, campaign_id, token, **kwargs):
        """Link and QR code of one institution: open a new answer tagged with it."""
        assessment = (
            request.env["culture.assessment"]
            .sudo()
            .search(
                [("campaign_id", "=", campaign_id), ("access_token", "=", token)],
                limit=1,
            )
        )
        campaign = assessment.campaign_id
        if not assessment or not campaign.survey_id:
            raise NotFound()
        if campaign.state != "collecting":
            return request.render(
                "culture_rating.culture_questionnaire_closed", {"assessment": assessment}
            )
        survey = campaign.survey_id
        # a visitor who reloads the page resumes his unfinished answer (survey's own cookie)
        cookie_token = request.cookies.get(f"survey_{survey.access_token}")
        if cookie_token:
            previous = (
                request.env["survey.user_input"]
                .sudo()
                .search(
                    [
                        ("access_token", "=", cookie_token),
                        ("culture_assessment_id", "=", assessment.id),
                        ("state", "!=", "done"),
                    ],
                    limit=1,
                )
            )
            if previous:
                return request.redirect(f"/survey/{survey.access_token}/{previous.access_token}")
        answer = survey._create_answer(
            user=request.env.user,
            check_attempts=False,
            culture_assessment_id=assessment.id,
            culture_channel="online",
        )
        return request.redirect(f"/survey/{survey.access_token}/{answer.access_token}")

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
        return request.render("culture_rating.culture_rating_year", {"campaign": campaign})

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
