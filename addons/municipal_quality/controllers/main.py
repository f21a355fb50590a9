import logging

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.survey.controllers.main import Survey

from ..models.municipal_quality_link_mixin import KIOSK_KINDS, LINK_KINDS
from ..models.res_lang import FRONTEND_LANG_COOKIE

_logger = logging.getLogger(__name__)


class MunicipalQualitySurvey(http.Controller):
    """Public links of the citizen questionnaire, one per office, service and servant.

    The link names its record with a signature. Its page stores nothing; its *Start* button
    creates the response, anonymous and tagged with the record, and sends the citizen to the
    ordinary survey page (phone friendly). One response per device and period (a cookie), a
    limit per client address (a salted hash), none on the office's kiosk link. A link naming
    an unknown, archived or tampered record answers a 404 page and stores nothing.
    """

    @http.route(
        "/quality/lang/<string:code>",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
        multilang=False,
        sitemap=False,
        readonly=True,
    )
    def quality_public_lang(self, code, r="/", **kwargs):
        """The language switcher of the public pages: remember the language, back to the page."""
        code, target = request.env["res.lang"]._municipal_public_lang_target(code, r)
        if not code:
            return request.not_found()
        # the page's own cookie of the language (Odoo sets it for every public page)
        request.future_response.set_cookie(
            FRONTEND_LANG_COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax"
        )
        return request.redirect(target, code=303, local=True)

    def _invalid_link(self, reason):
        return request.render(
            "municipal_quality.survey_link_invalid", {"reason": reason}, status=404
        )

    def _link_record(self, kind, res_id, signature):
        if kind not in LINK_KINDS:
            return None
        model, _field = LINK_KINDS[kind]
        if model not in request.env:
            # a kind another addon declares, not installed in this database
            return None
        Model = request.env[model].sudo().with_context(active_test=False)
        if not Model._quality_link_check(kind, res_id, signature):
            return None
        record = Model.browse(res_id).exists()
        if not record or not record.active:
            return None
        return record

    @http.route(
        "/quality/survey/<string:kind>/<int:res_id>/<string:signature>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
        sitemap=False,
    )
    def quality_survey_start(self, kind, res_id, signature, **kwargs):
        """GET: the landing page (nothing stored). POST (its *Start* button): a new anonymous
        response, if the device and the address may still answer this link."""
        record = self._link_record(kind, res_id, signature)
        if record is None:
            return self._invalid_link("unknown")
        survey = (
            request.env["survey.survey"]
            .sudo()
            ._quality_default_survey(record._quality_link_company())
        )
        if not survey or not survey.active:
            return self._invalid_link("closed")
        cookie = f"msq_voice_{kind}_{record.id}"
        start = request.httprequest.method == "POST"
        try:
            outcome, answer = survey._quality_link_visit(
                kind,
                record,
                request.httprequest.remote_addr,
                request.httprequest.cookies.get(cookie),
                start,
            )
        except UserError:
            _logger.info("Questionnaire %s refused a response from a public link", survey.id)
            return self._invalid_link("closed")
        values = {
            "survey": survey,
            "record": record,
            "kind": kind,
            "action": record._quality_link_path(kind),
            "logged_in": not request.env.user._is_public(),
        }
        if outcome == "landing":
            return request.render("municipal_quality.survey_link_landing", values)
        if outcome in ("already", "limited"):
            values["reason"] = outcome
            return request.render("municipal_quality.survey_link_refused", values, status=429)
        response = request.redirect(f"/survey/{survey.access_token}/{answer.access_token}")
        if outcome == "started" and kind not in KIOSK_KINDS:
            company = record._quality_link_company()
            response.set_cookie(
                cookie,
                answer.access_token,
                max_age=company.quality_voice_period_hours * 3600,
                httponly=True,
                samesite="Lax",
            )
        return response


class MunicipalQualitySurveyPages(Survey):
    """Odoo's survey pages for the responses started by a public link: they are answered as
    the public user (nothing names who is logged in on the device), the partner check is not
    made (the response has no partner by design), and the printable review of the answers is
    not offered (on a shared tablet it would show the previous citizen's answers)."""

    def _fetch_from_access_token(self, survey_token, answer_token):
        survey_sudo, answer_sudo = super()._fetch_from_access_token(survey_token, answer_token)
        if answer_sudo and answer_sudo.quality_link_kind:
            public = request.env.ref("base.public_user")
            survey_sudo = survey_sudo.with_user(public).sudo()
            answer_sudo = answer_sudo.with_user(public).sudo()
        return survey_sudo, answer_sudo

    def _quality_link_answer(self, survey_token, answer_token):
        """The response of ``answer_token`` to that survey, if it came through a public link."""
        if not answer_token:
            return request.env["survey.user_input"]
        return (
            request.env["survey.user_input"]
            .sudo()
            .search(
                [
                    ("survey_id.access_token", "=", survey_token),
                    ("access_token", "=", answer_token),
                    ("quality_link_kind", "!=", False),
                ],
                limit=1,
            )
        )

    def _check_validity(self, survey_token, answer_token, ensure_token=True, check_partner=True):
        if check_partner and answer_token:
            if self._quality_link_answer(survey_token, answer_token):
                check_partner = False
        return super()._check_validity(
            survey_token, answer_token, ensure_token=ensure_token, check_partner=check_partner
        )

    @http.route()
    def survey_start(self, survey_token, answer_token=None, email=False, **post):
        survey = (
            request.env["survey.survey"]
            .sudo()
            .with_context(active_test=False)
            .search([("access_token", "=", survey_token)], limit=1)
        )
        if survey.is_quality_survey and not answer_token:
            # a citizen questionnaire is answered through the signed links of the offices,
            # services and servants only: a response must count for someone
            return request.render(
                "municipal_quality.survey_link_invalid", {"reason": "unknown"}, status=404
            )
        return super().survey_start(survey_token, answer_token=answer_token, email=email, **post)

    @http.route()
    def survey_retry(self, survey_token, answer_token, **post):
        if self._quality_link_answer(survey_token, answer_token):
            # another response goes through the link again, and its limits
            return request.render(
                "municipal_quality.survey_link_invalid", {"reason": "review"}, status=404
            )
        return super().survey_retry(survey_token, answer_token, **post)

    @http.route()
    def survey_print(self, survey_token, review=False, answer_token=None, **post):
        if self._quality_link_answer(survey_token, answer_token):
            return request.render(
                "municipal_quality.survey_link_invalid", {"reason": "review"}, status=404
            )
        return super().survey_print(survey_token, review=review, answer_token=answer_token, **post)
