import logging

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from ..models.municipal_quality_link_mixin import LINK_KINDS

_logger = logging.getLogger(__name__)


class MunicipalQualitySurvey(http.Controller):
    """Public links of the citizen questionnaire, one per office, service and servant.

    The link names its record with a signature; the response is created here, tagged with the
    record, and the citizen is sent to the ordinary survey page (anonymous, phone friendly).
    A link naming an unknown, archived or tampered record answers a 404 page and stores nothing.
    """

    def _invalid_link(self, reason):
        return request.render(
            "municipal_quality.survey_link_invalid", {"reason": reason}, status=404
        )

    def _link_record(self, kind, res_id, signature):
        if kind not in LINK_KINDS:
            return None
        model, _field = LINK_KINDS[kind]
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
        website=True,
        sitemap=False,
    )
    def quality_survey_start(self, kind, res_id, signature, **kwargs):
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
        _model, field_name = LINK_KINDS[kind]
        try:
            answer = survey._create_answer(user=request.env.user, **{field_name: record.id})
        except UserError:
            _logger.info("Questionnaire %s refused a response from a public link", survey.id)
            return self._invalid_link("closed")
        return request.redirect(f"/survey/{survey.access_token}/{answer.access_token}")
