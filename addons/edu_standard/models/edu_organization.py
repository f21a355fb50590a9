from odoo import api, fields, models
from odoo.exceptions import AccessError

from .edu_standard_assessment import BANDS

# What the staff of an organisation may not change on it themselves
DEPARTMENT_FIELDS = {
    "name",
    "organization_type",
    "company_id",
    "head_user_id",
    "user_ids",
    "active",
}


class EduOrganization(models.Model):
    """A municipal educational organisation that provides additional education of children:
    an organisation of additional education or a general school (section 1.2 of the Standard)."""

    _name = "edu.organization"
    _description = "Educational Organisation"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "name"

    name = fields.Char(required=True, tracking=True)
    short_name = fields.Char(help="Short name used in lists, reports and on the public page.")
    active = fields.Boolean(default=True, tracking=True)
    organization_type = fields.Selection(
        [
            ("additional", "Organisation of additional education"),
            ("school", "General education school"),
        ],
        string="Type",
        required=True,
        default="additional",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        help="Contact holding the address, phone, e-mail and website of the organisation.",
    )
    street = fields.Char(related="partner_id.street", readonly=False)
    city = fields.Char(related="partner_id.city", readonly=False)
    phone = fields.Char(related="partner_id.phone", readonly=False)
    email = fields.Char(related="partner_id.email", readonly=False)
    website = fields.Char(related="partner_id.website", readonly=False)
    head_name = fields.Char(
        string="Head", tracking=True, help="Full name of the head (director) of the organisation."
    )
    head_user_id = fields.Many2one(
        "res.users",
        string="Head (user)",
        tracking=True,
        domain="[('share', '=', False)]",
        help="User of the head: answers the complaints filed with the organisation and receives "
        "the reminders of their deadlines.",
    )
    user_ids = fields.Many2many(
        "res.users",
        "edu_organization_res_users_rel",
        "organization_id",
        "user_id",
        string="Staff with access",
        domain="[('share', '=', False)]",
        help="Head, deputies and staff of the organisation who work with its assessments, "
        "complaints and internal checks.",
    )
    document_ids = fields.One2many(
        "edu.organization.document", "organization_id", string="Documents"
    )
    document_alert = fields.Boolean(
        string="Documents to renew",
        compute="_compute_document_alert",
        help="A licence, accreditation or other document has expired or expires within " "60 days.",
    )
    assessment_ids = fields.One2many(
        "edu.standard.assessment", "organization_id", string="Assessments"
    )
    complaint_ids = fields.One2many("edu.complaint", "organization_id", string="Complaints")
    complaint_count = fields.Integer(compute="_compute_complaint_count")
    last_assessment_id = fields.Many2one(
        "edu.standard.assessment",
        string="Last assessment",
        compute="_compute_last_assessment",
        help="The confirmed assessment of the latest year.",
    )
    # a static selection (a callable one is shown untranslated)
    last_band = fields.Selection(
        selection=BANDS,
        string="Last band",
        compute="_compute_last_assessment",
    )
    last_total = fields.Integer(string="Last total", compute="_compute_last_assessment")
    note = fields.Html()
    can_manage = fields.Boolean(
        compute="_compute_can_manage",
        help="The current user belongs to the education department and manages the organisation.",
    )

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)", "This organisation already exists."),
    ]

    @api.depends_context("uid")
    def _compute_can_manage(self):
        can_manage = self.env.user.has_group("edu_standard.group_edu_user")
        for organization in self:
            organization.can_manage = can_manage

    @api.depends("document_ids.state")
    def _compute_document_alert(self):
        for organization in self:
            organization.document_alert = any(
                state in ("expired", "expiring")
                for state in organization.document_ids.mapped("state")
            )

    def _compute_complaint_count(self):
        groups = self.env["edu.complaint"]._read_group(
            [("organization_id", "in", self.ids)], ["organization_id"], ["__count"]
        )
        counts = {organization.id: count for organization, count in groups}
        for organization in self:
            organization.complaint_count = counts.get(organization.id, 0)

    def _compute_last_assessment(self):
        assessments = self.env["edu.standard.assessment"].search(
            [("organization_id", "in", self.ids), ("state", "=", "confirmed")],
            order="year desc, id desc",
        )
        last = {}
        for assessment in assessments:
            last.setdefault(assessment.organization_id.id, assessment)
        for organization in self:
            assessment = last.get(organization.id, self.env["edu.standard.assessment"])
            organization.last_assessment_id = assessment
            organization.last_band = assessment.band
            organization.last_total = assessment.total_points

    def write(self, vals):
        restricted = set(vals) & DEPARTMENT_FIELDS
        if (
            restricted
            and not self.env.su
            and not self.env.user.has_group("edu_standard.group_edu_user")
        ):
            raise AccessError(
                self.env._(
                    "Only the education department changes the name, head, staff with access or "
                    "company of an organisation (%(fields)s).",
                    fields=", ".join(sorted(restricted)),
                )
            )
        return super().write(vals)

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("edu_standard.edu_complaint_action")
        action["domain"] = [("organization_id", "=", self.id)]
        action["context"] = {"default_organization_id": self.id}
        return action
