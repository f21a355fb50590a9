from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

CHECK_TYPES = [
    ("monitoring", "Monitoring of the main indicators"),
    ("complaints_analysis", "Analysis of the appeals and complaints"),
    ("inspection", "Inspection"),
    ("complaints_book", "Check of the complaints book"),
]


class EduControlCheck(models.Model):
    """Internal (2.8.2) or external (2.8.4, 2.8.5) control of an organisation's compliance with
    the Standard."""

    _name = "edu.control.check"
    _description = "Control Check of an Educational Organisation"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.lock.mixin"]
    _order = "date desc, id desc"

    # A done check is locked (its findings, measures, period and lines are frozen).
    _lock_states = ("done",)

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", index=True
    )
    control_kind = fields.Selection(
        [
            ("internal", "Internal control (head of the organisation)"),
            ("external", "External control (founder)"),
        ],
        string="Control",
        required=True,
        default="external",
        tracking=True,
    )
    check_type = fields.Selection(
        CHECK_TYPES, string="Type", required=True, default="inspection", tracking=True
    )
    organization_id = fields.Many2one(
        "edu.organization",
        string="Organisation",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    company_id = fields.Many2one(
        related="organization_id.company_id", store=True, index=True, precompute=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    date_from = fields.Date(string="Period from")
    date_to = fields.Date(string="Period to")
    inspector_id = fields.Many2one(
        "res.users",
        string="Checked by",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    assessment_id = fields.Many2one(
        "edu.standard.assessment",
        domain="[('organization_id', '=', organization_id)]",
        help="Yearly assessment whose indicators were monitored.",
    )
    findings = fields.Html()
    measures = fields.Html(help="Measures decided to remove the shortcomings found.")
    state = fields.Selection(
        [("draft", "In progress"), ("done", "Done")],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many(
        "edu.control.check.line", "check_id", string="Complaints of the period", copy=False
    )
    complaint_count = fields.Integer(compute="_compute_complaint_stats", store=True)
    without_measures_count = fields.Integer(
        string="Complaints without measures", compute="_compute_complaint_stats", store=True
    )

    @api.depends("line_ids.measures_taken")
    def _compute_complaint_stats(self):
        for check in self:
            check.complaint_count = len(check.line_ids)
            check.without_measures_count = len(
                check.line_ids.filtered(lambda line: not line.measures_taken)
            )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for check in self:
            if check.date_from and check.date_to and check.date_to < check.date_from:
                raise ValidationError(
                    self.env._("The period of a check cannot end before it starts.")
                )

    @api.constrains("control_kind")
    def _check_external_by_founder(self):
        if self.env.su or self.env.user.has_group("edu_standard.group_edu_user"):
            return
        if any(check.control_kind == "external" for check in self):
            raise ValidationError(
                self.env._(
                    "External control is carried out by the founder: the staff of an "
                    "organisation record internal checks only."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("edu.control.check") or "/"
        return super().create(vals_list)

    def _is_department_user(self):
        return self.env.su or self.env.user.has_group("edu_standard.group_edu_user")

    def _check_controller(self, action):
        """Who carries out a check: an external check (2.8.4, 2.8.5) is the founder's, the
        education department's; an internal check (2.8.2) is carried out by the head of the
        organisation and the deputies, that is the staff of that organisation (or the
        department)."""
        self._lock_check_groups(
            "edu_standard.group_edu_organization", "edu_standard.group_edu_user", action=action
        )
        if self._is_department_user():
            return
        user = self.env.user
        for check in self:
            organization = check.sudo().organization_id
            if check.control_kind == "external":
                raise AccessError(
                    self.env._(
                        "The check %(name)s is an external control of the founder: %(action)s "
                        "belongs to the education department.",
                        name=check.name,
                        action=action,
                    )
                )
            if user not in organization.user_ids and user != organization.head_user_id:
                raise AccessError(
                    self.env._(
                        "The check %(name)s is the internal control of %(organization)s: "
                        "%(action)s belongs to the staff of that organisation.",
                        name=check.name,
                        organization=organization.display_name,
                        action=action,
                    )
                )

    def write(self, vals):
        # the staff of an organisation change only its internal checks, and cannot turn an
        # external check of the founder into an internal one
        open_checks = self - self._lock_lifted()
        changed = set(vals) - self._lock_writable_in(False)
        if open_checks and changed and not self._is_department_user():
            open_checks._check_controller(self.env._("changing a check"))
        return super().write(vals)

    def action_load_complaints(self):
        """List the complaints filed with the organisation in the period (2.8.5.3: the
        complaints book records them, and whether measures were taken)."""
        self._check_controller(self.env._("listing the complaints of the period"))
        for check in self:
            if check.state != "draft":
                raise UserError(self.env._("The check %(name)s is done.", name=check.name))
            if not check.date_from or not check.date_to:
                raise UserError(
                    self.env._("Set the period of the check before listing its complaints.")
                )
            complaints = self.env["edu.complaint"].search(
                [
                    ("organization_id", "=", check.organization_id.id),
                    ("date_filed", ">=", check.date_from),
                    ("date_filed", "<=", check.date_to),
                ],
                order="date_filed, id",
            )
            check.line_ids.unlink()
            self.env["edu.control.check.line"].create(
                [
                    {
                        "check_id": check.id,
                        "complaint_id": complaint.id,
                        "measures_taken": self.env["edu.control.check.line"]._measures_taken(
                            complaint
                        ),
                    }
                    for complaint in complaints
                ]
            )
        return True

    def action_done(self):
        action = self.env._("closing a check as done")
        self._check_controller(action)
        self._lock_check_state(("draft",), action=action)
        for check in self:
            if not (check.findings or "").strip():
                raise UserError(
                    self.env._("Record the findings of the check %(name)s first.", name=check.name)
                )
        self._lock_write({"state": "done"})
        return True

    def action_reset_to_draft(self):
        action = self.env._("the reopening of a done check")
        self._lock_check_groups("edu_standard.group_edu_manager", action=action)
        self._lock_transition(("done",), {"state": "draft"}, action=action)
        return True
