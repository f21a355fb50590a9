from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MunicipalOffice(models.Model):
    """A service point: a service centre, one of its branches or a department's reception."""

    _name = "municipal.office"
    _description = "Municipal Office"
    _inherit = ["mail.thread", "municipal.quality.link.mixin"]
    _quality_link_kind = "office"

    def _compute_quality_kiosk_url(self):
        for office in self:
            office.quality_kiosk_url = (
                office.get_base_url() + office._quality_link_path("kiosk") if office.id else False
            )

    _parent_store = True
    _rec_name = "complete_name"
    _order = "complete_name"

    name = fields.Char(required=True, translate=True, tracking=True)
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    code = fields.Char(
        help="Short code of the office, used in public links, QR posters and device settings."
    )
    quality_kiosk_url = fields.Char(
        string="Kiosk link (office tablet)",
        compute="_compute_quality_kiosk_url",
        help="Open this link on the office's shared tablet: each citizen answers a fresh "
        "questionnaire counted for this office, and the tablet returns to a new one a few "
        "seconds after the thank-you page, showing nothing of the previous citizen.",
    )
    active = fields.Boolean(default=True, tracking=True)
    office_type = fields.Selection(
        [
            ("centre", "Service centre"),
            ("branch", "Branch"),
            ("reception", "Reception office"),
        ],
        string="Type",
        required=True,
        default="centre",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    parent_id = fields.Many2one(
        "municipal.office",
        string="Parent office",
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('company_id', '=', company_id)]",
        help="The service centre this branch belongs to.",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("municipal.office", "parent_id", string="Branches")
    partner_id = fields.Many2one(
        "res.partner",
        string="Address",
        help="Contact holding the address, phone and e-mail of the office.",
    )
    department_id = fields.Many2one(
        "hr.department",
        domain="[('company_id', 'in', (company_id, False))]",
        help="Department of the administration this office belongs to.",
    )
    manager_id = fields.Many2one(
        "hr.employee",
        string="Head of office",
        tracking=True,
        domain="[('company_id', 'in', (company_id, False))]",
    )
    opening_hours = fields.Char()
    service_ids = fields.Many2many(
        "municipal.service",
        "municipal_office_service_rel",
        "office_id",
        "service_id",
        string="Services",
    )
    service_count = fields.Integer(compute="_compute_service_count")
    note = fields.Html()

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The office code must be unique within a company.",
        ),
    ]

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for office in self:
            if office.parent_id:
                office.complete_name = f"{office.parent_id.complete_name} / {office.name}"
            else:
                office.complete_name = office.name

    @api.depends("service_ids")
    def _compute_service_count(self):
        for office in self:
            office.service_count = len(office.service_ids)

    def write(self, vals):
        if vals.get("parent_id"):
            # Checked before the parent store is updated, to say what is wrong in plain words.
            ancestors = self.search([("id", "parent_of", vals["parent_id"])])
            if ancestors & self:
                raise ValidationError(
                    self.env._("An office cannot be its own ancestor (branch loop).")
                )
        return super().write(vals)

    @api.constrains("parent_id")
    def _check_parent_id(self):
        for office in self:
            if office.parent_id and office.parent_id.company_id != office.company_id:
                raise ValidationError(
                    self.env._(
                        "The branch %(branch)s and its parent office %(parent)s must belong to "
                        "the same company.",
                        branch=office.name,
                        parent=office.parent_id.name,
                    )
                )

    def action_view_services(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "municipal_quality.municipal_service_action"
        )
        action["domain"] = [("office_ids", "in", self.ids)]
        action["context"] = {"default_office_ids": self.ids}
        return action
