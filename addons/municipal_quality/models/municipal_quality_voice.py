from datetime import timedelta

from odoo import api, fields, models
from odoo.tools.misc import hmac

VOICE_SCOPE = "municipal_quality.voice"


class MunicipalQualityVoice(models.Model):
    """One visit to a public questionnaire link: the response it started, or the attempt that
    was refused because the same device (cookie) or too many visits from the same address
    already answered that link in the period.

    The client address is never stored: only a salted hash of it, whose salt changes with
    each period, and which is erased once the period is over. What stays is the count of
    responses and of suppressed duplicates per link, for the analysis.
    """

    _name = "municipal.quality.voice"
    _description = "Visit of a public questionnaire link"
    _order = "id desc"
    # no create_uid / write_uid: a visit names nobody
    _log_access = False

    visit_date = fields.Datetime(
        required=True, index=True, readonly=True, default=fields.Datetime.now
    )
    link_kind = fields.Char(required=True, index=True, readonly=True)
    link_res_id = fields.Integer(required=True, readonly=True)
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    answer_id = fields.Many2one(
        "survey.user_input",
        string="Response",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
    )
    suppressed = fields.Selection(
        [
            ("device", "Same device in the period"),
            ("address", "Too many responses from one address in the period"),
        ],
        string="Suppressed duplicate",
        readonly=True,
        help="Empty for a visit that started a response.",
    )
    address_hash = fields.Char(
        readonly=True,
        index="btree_not_null",
        help="Salted hash of the client address, erased when the period is over.",
    )

    # ------------------------------------------------------------------ rules
    @api.model
    def _period(self, company):
        return timedelta(hours=max(company.quality_voice_period_hours, 1))

    @api.model
    def _address_hash(self, company, address):
        """Salted hash of the client address: the salt is the database secret and the number of
        the current period, so the same address gives another hash in the next period."""
        if not address:
            return False
        period = self._period(company)
        bucket = int(fields.Datetime.now().timestamp() // period.total_seconds())
        return hmac(self.env(su=True), VOICE_SCOPE, f"{company.id}:{bucket}:{address}")[:32]

    @api.model
    def _admission(self, kind, res_id, company, address, device_answered):
        """Whether a new response may start on this link: ``None``, or why not (``device``,
        ``address``). ``device_answered``: the device's cookie names a response of this link
        that is finished within the period."""
        if device_answered:
            return "device"
        limit = company.quality_voice_address_limit
        address_hash = self._address_hash(company, address)
        if limit and address_hash:
            since = fields.Datetime.now() - self._period(company)
            used = self.sudo().search_count(
                [
                    ("link_kind", "=", kind),
                    ("link_res_id", "=", res_id),
                    ("address_hash", "=", address_hash),
                    ("suppressed", "=", False),
                    ("visit_date", ">=", since),
                ]
            )
            if used >= limit:
                return "address"
        return None

    @api.model
    def _record(self, kind, res_id, company, address, answer=None, suppressed=None):
        return self.sudo().create(
            {
                "link_kind": kind,
                "link_res_id": res_id,
                "company_id": company.id,
                "answer_id": answer.id if answer else False,
                "suppressed": suppressed or False,
                "address_hash": self._address_hash(company, address),
            }
        )

    @api.model
    def _gc_address_hashes(self):
        """Cron: erase the address hashes of the periods that are over."""
        Company = self.env["res.company"].sudo().with_context(active_test=False)
        for company in Company.search([("id", "!=", 0)]):
            since = fields.Datetime.now() - self._period(company)
            self.sudo().search(
                [
                    ("company_id", "=", company.id),
                    ("address_hash", "!=", False),
                    ("visit_date", "<", since),
                ]
            ).write({"address_hash": False})
