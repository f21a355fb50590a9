from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

EXPIRY_WARNING_DAYS = 60


class EduOrganizationDocument(models.Model):
    """A document under which the organisation works (section 2.2 of the Standard): charter,
    licence for educational activity, certificate of state accreditation, programmes."""

    _name = "edu.organization.document"
    _description = "Document of an Educational Organisation"
    _order = "organization_id, document_type, issue_date desc"

    organization_id = fields.Many2one(
        "edu.organization", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="organization_id.company_id", store=True, index=True, precompute=True
    )
    document_type = fields.Selection(
        [
            ("charter", "Charter"),
            ("licence", "Licence for educational activity"),
            ("accreditation", "Certificate of state accreditation"),
            ("programme", "Educational programme"),
            ("other", "Other document"),
        ],
        string="Type",
        required=True,
        default="licence",
    )
    name = fields.Char(string="Number / title", required=True)
    issue_date = fields.Date(string="Issued on")
    expiry_date = fields.Date(
        string="Valid until",
        help="Leave empty for a document without a term (a perpetual licence).",
    )
    attachment = fields.Binary(attachment=True)
    attachment_name = fields.Char()
    expiry_reminded = fields.Boolean(
        copy=False, readonly=True, help="The head was reminded to renew the document."
    )
    state = fields.Selection(
        [("valid", "Valid"), ("expiring", "Expires soon"), ("expired", "Expired")],
        compute="_compute_state",
        help="Expires soon: within 60 days.",
    )

    @api.depends("expiry_date")
    def _compute_state(self):
        today = fields.Date.context_today(self)
        for document in self:
            if not document.expiry_date or document.expiry_date > today + timedelta(
                days=EXPIRY_WARNING_DAYS
            ):
                document.state = "valid"
            elif document.expiry_date < today:
                document.state = "expired"
            else:
                document.state = "expiring"

    def write(self, vals):
        if "expiry_date" in vals:
            vals = {**vals, "expiry_reminded": False}
        return super().write(vals)

    @api.model
    def _cron_remind_expiry(self):
        """Remind the head of each organisation to renew the documents that expire within
        60 days (once per expiry date)."""
        limit = fields.Date.context_today(self) + timedelta(days=EXPIRY_WARNING_DAYS)
        documents = self.search(
            [
                ("expiry_date", "!=", False),
                ("expiry_date", "<=", limit),
                ("expiry_reminded", "=", False),
                ("organization_id.active", "=", True),
            ]
        )
        types = dict(self._fields["document_type"]._description_selection(self.env))
        for document in documents:
            organization = document.organization_id
            organization.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=document.expiry_date,
                summary=self.env._("Renew: %(document)s", document=document.name),
                note=self.env._(
                    "%(type)s %(document)s is valid until %(date)s.",
                    type=types[document.document_type],
                    document=document.name,
                    date=document.expiry_date,
                ),
                user_id=(organization.head_user_id or self.env.ref("base.user_admin")).id,
            )
        documents.write({"expiry_reminded": True})
        return len(documents)

    @api.model
    def _portal_documents(self):
        """What the portal shows parents and pupils (section 2.6.1: the organisation acquaints
        them with its charter, licence, certificate of accreditation, programmes and the other
        documents of its educational activity): the documents in force of the active
        organisations, by organisation. Expired ones are not shown as if in force."""
        today = fields.Date.context_today(self)
        documents = self.sudo().search(
            [
                ("organization_id.active", "=", True),
                "|",
                ("expiry_date", "=", False),
                ("expiry_date", ">=", today),
            ],
            order="organization_id, document_type, issue_date desc, id",
        )
        grouped = {}
        for document in documents:
            grouped.setdefault(document.organization_id, self.sudo().browse())
            grouped[document.organization_id] |= document
        return grouped

    def _portal_downloadable(self):
        """This document can be downloaded from the portal: shown there, with a file."""
        self.ensure_one()
        document = self.sudo()
        return bool(
            document.attachment
            and document in document._portal_documents().get(document.organization_id, ())
        )

    @api.constrains("issue_date", "expiry_date")
    def _check_dates(self):
        for document in self:
            if (
                document.issue_date
                and document.expiry_date
                and (document.expiry_date < document.issue_date)
            ):
                raise ValidationError(
                    self.env._(
                        "The document '%(name)s' cannot expire before it was issued.",
                        name=document.name,
                    )
                )
