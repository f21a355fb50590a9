from odoo import api, fields, models


class MunicipalService(models.Model):
    """A municipal service provided at the request of applicants (Federal Law 210-FZ)."""

    _name = "municipal.service"
    _description = "Municipal Service"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.quality.link.mixin"]
    _quality_link_kind = "service"
    _order = "category_id, code, name"

    code = fields.Char(required=True, tracking=True, index=True)
    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    category_id = fields.Many2one(
        "municipal.service.category",
        string="Direction",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Responsible department",
        index=True,
        tracking=True,
        domain="[('company_id', 'in', (company_id, False))]",
    )
    office_ids = fields.Many2many(
        "municipal.office",
        "municipal_office_service_rel",
        "service_id",
        "office_id",
        string="Offices",
        domain="[('company_id', '=', company_id)]",
        help="Offices and branches where the service is provided.",
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        "municipal_service_employee_rel",
        "service_id",
        "employee_id",
        string="Servants",
        groups="base.group_user",
        domain="[('company_id', 'in', (company_id, False))]",
        help="Municipal servants who provide the service.",
    )
    regulation_ids = fields.One2many(
        "municipal.regulation", "service_id", string="Administrative regulations"
    )
    current_regulation_id = fields.Many2one(
        "municipal.regulation",
        string="Regulation in force",
        compute="_compute_current_regulation_id",
        store=True,
    )
    regulation_count = fields.Integer(compute="_compute_regulation_count")
    is_free = fields.Boolean(string="Free of charge", default=True)
    is_electronic = fields.Boolean(
        string="Available electronically",
        help="The service can be requested through the public services portal.",
    )
    description = fields.Html(translate=True)

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The service code must be unique within a company.",
        ),
    ]

    @api.depends("regulation_ids.state")
    def _compute_current_regulation_id(self):
        for service in self:
            in_force = service.regulation_ids.filtered(lambda r: r.state == "in_force")
            service.current_regulation_id = in_force[:1]

    @api.depends("regulation_ids")
    def _compute_regulation_count(self):
        for service in self:
            service.regulation_count = len(service.regulation_ids)

    @api.depends("code", "name")
    def _compute_display_name(self):
        for service in self:
            service.display_name = (
                f"[{service.code}] {service.name}" if service.code else service.name
            )

    @api.model
    def _search_display_name(self, operator, value):
        if operator in ("ilike", "not ilike", "=", "!=") and value:
            domain = ["|", ("code", operator, value), ("name", operator, value)]
            return ["!", *domain] if operator in ("not ilike", "!=") else domain
        return super()._search_display_name(operator, value)

    def action_view_regulations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "municipal_quality.municipal_regulation_action"
        )
        action["domain"] = [("service_id", "=", self.id)]
        action["context"] = {"default_service_id": self.id}
        return action
