from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .locking import is_mail_field

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
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

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

    def write(self, vals):
        if not self.env.context.get("edu_check_unlock"):
            if "state" in vals:
                raise UserError(self.env._("Close or reopen a check with the buttons of its form."))
            locked = self.filtered(lambda c: c.state == "done")
            if locked and [name for name in vals if not is_mail_field(name)]:
                raise UserError(
                    self.env._(
                        "The check %(name)s is done and locked: it cannot be changed.",
                        name=locked[0].name,
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(check.state == "done" for check in self):
            raise UserError(self.env._("A done check cannot be deleted."))

    def action_load_complaints(self):
        """List the complaints filed with the organisation in the period (2.8.5.3: the
        complaints book records them, and whether measures were taken)."""
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
        for check in self:
            if check.state != "draft":
                raise UserError(self.env._("The check %(name)s is already done.", name=check.name))
            if not (check.findings or "").strip():
                raise UserError(
                    self.env._("Record the findings of the check %(name)s first.", name=check.name)
                )
        self.with_context(edu_check_unlock=True).write({"state": "done"})
        return True

    def action_reset_to_draft(self):
        if not self.env.user.has_group("edu_standard.group_edu_manager"):
            raise UserError(
                self.env._("Only the head of the education department reopens a check.")
            )
        self.with_context(edu_check_unlock=True).write({"state": "draft"})
        return True
