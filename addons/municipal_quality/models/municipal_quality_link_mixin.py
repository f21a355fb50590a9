import base64
import io

import qrcode

from odoo import api, fields, models
from odoo.tools import consteq
from odoo.tools.misc import hmac

# Kinds of public links, the model they name, and the field they fill on the response.
LINK_KINDS = {
    "office": ("municipal.office", "office_id"),
    "service": ("municipal.service", "service_id"),
    "servant": ("hr.employee", "employee_id"),
    # the office's shared tablet: a link of its own kind (its own signature), one fresh
    # response per citizen, no device or address limit, back to a new questionnaire after
    # the thank-you page
    "kiosk": ("municipal.office", "office_id"),
}
KIOSK_KINDS = frozenset({"kiosk"})
LINK_SCOPE = "municipal_quality.survey_link"
SIGNATURE_LENGTH = 24


def qr_png_base64(value, box_size=12, border=2):
    """PNG of the QR code of ``value``, base64-encoded, for posters (also used by other addons).

    qrcode + Pillow, both Odoo requirements: no dependency on reportlab's renderPM backend, which
    Odoo's /report/barcode route needs for PNGs and which a source install may lack.
    """
    image = qrcode.make(
        value, error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=box_size, border=border
    )
    stream = io.BytesIO()
    image.save(stream, format="PNG")
    return base64.b64encode(stream.getvalue()).decode()


class MunicipalQualityLinkMixin(models.AbstractModel):
    """A public link (and its QR poster) to the citizen questionnaire naming this record.

    The link carries the kind and the id of the record with a signature (HMAC with the
    database secret), so that a citizen cannot tag a response with another office, service or
    servant by editing the address.
    """

    _name = "municipal.quality.link.mixin"
    _description = "Public link to the citizen questionnaire"
    _quality_link_kind = None

    quality_survey_url = fields.Char(
        string="Questionnaire link",
        compute="_compute_quality_survey_url",
        help="Public link to the citizen questionnaire: the responses given through it are "
        "counted for this record. Print the QR poster to display it.",
    )

    @api.model
    def _quality_link_signature(self, kind, res_id):
        message = f"{kind}:{int(res_id)}"
        return hmac(self.env(su=True), LINK_SCOPE, message)[:SIGNATURE_LENGTH]

    @api.model
    def _quality_link_check(self, kind, res_id, signature):
        expected = self._quality_link_signature(kind, res_id)
        return bool(signature) and consteq(expected, str(signature))

    def _quality_link_path(self, kind=None):
        self.ensure_one()
        kind = kind or self._quality_link_kind
        signature = self._quality_link_signature(kind, self.id)
        return f"/quality/survey/{kind}/{self.id}/{signature}"

    def _compute_quality_survey_url(self):
        for record in self:
            if not record.id:
                record.quality_survey_url = False
                continue
            record.quality_survey_url = record.get_base_url() + record._quality_link_path()

    def _quality_link_company(self):
        self.ensure_one()
        return self.company_id or self.env.company

    def _quality_qr_code(self):
        """PNG of the QR code of the link, base64-encoded for the poster."""
        self.ensure_one()
        return qr_png_base64(self.quality_survey_url)

    def action_print_quality_poster(self):
        """The printable poster (PDF) with the QR code of the link."""
        report = self.env.ref(
            f"municipal_quality.action_report_quality_poster_{self._quality_link_kind}"
        )
        # the poster has no letterhead: no need to configure the document layout first
        return report.with_context(discard_logo_check=True).report_action(self)
