from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from . import complaints_book

CHECK_TYPES = [
    ("monitoring", "Monitoring of the main indicators"),
    ("complaints_analysis", "Analysis of the appeals and complaints"),
    ("inspection", "Inspection"),
    ("complaints_book", "Check of the complaints book"),
]

# 2.8.4: "external control is carried out by the founder; the bodies of supervision in the
# field of consumer protection and human welfare, the bodies of the state fire service and other
# bodies carry it out in their fields too."
SUPERVISORY_BODIES = [
    ("consumer", "Supervision of consumer protection and human welfare"),
    ("fire", "State fire service"),
    ("other", "Other supervisory body"),
]

# the kinds of control that are the education department's to record (2.8.4, 2.8.5)
EXTERNAL_KINDS = ("external", "supervisory")


class EduControlCheck(models.Model):
    """Internal (2.8.2) or external (2.8.4, 2.8.5) control of an organisation's compliance with
    the Standard."""

    _name = "edu.control.check"
    _description = "Control Check of an Educational Organisation"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.lock.mixin"]
    _order = "date desc, id desc"

    # A done check is locked (its findings, measures, period and lines are frozen).
    _lock_states = ("done",)
    # set by the comparison of the complaints book only
    _lock_workflow_fields = frozenset({"book_compared"})

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", index=True
    )
    control_kind = fields.Selection(
        [
            ("internal", "Internal control (head of the organisation)"),
            ("external", "External control (founder)"),
            ("supervisory", "External control (supervisory body)"),
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
    supervisory_body = fields.Selection(
        SUPERVISORY_BODIES,
        string="Kind of body",
        tracking=True,
        help="The supervisory body that carried out the external check in its field (2.8.4).",
    )
    supervisory_body_name = fields.Char(
        string="Supervisory body",
        tracking=True,
        help="Name of the body, for example its territorial department.",
    )
    supervisory_act = fields.Char(
        string="Act of the body", help="Number and date of the act (report) of the body's check."
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
    book_entry_ids = fields.One2many(
        "edu.complaint.book.entry",
        "check_id",
        string="Entries of the complaints book",
        copy=False,
        help="The entries of the organisation's physical complaints book, typed in from it.",
    )
    book_compared = fields.Boolean(
        string="Book compared",
        readonly=True,
        copy=False,
        help="The entries of the book were compared with the complaints in Odoo (an empty book "
        "compared flags every complaint to the head of the period).",
    )
    book_missing_in_register_count = fields.Integer(
        string="Entries missing in Odoo", compute="_compute_book_stats", store=True
    )
    register_missing_in_book_count = fields.Integer(
        string="Complaints missing in the book", compute="_compute_book_stats", store=True
    )
    shortcoming_ids = fields.One2many(
        "edu.control.shortcoming",
        "check_id",
        string="Shortcomings per employee",
        copy=False,
    )
    council_kind = fields.Selection(
        [
            ("pedagogical_council", "Pedagogical council"),
            ("director_meeting", "Meeting at the director"),
        ],
        string="Considered at",
        tracking=True,
        help="Where the shortcomings were considered (2.8.3: the pedagogical council, meetings "
        "at the director and the like).",
    )
    council_date = fields.Date(string="Date of the meeting", tracking=True)
    council_minutes = fields.Char(string="Minutes No.", tracking=True)
    council_decision = fields.Html(string="Decision of the meeting")

    @api.depends("line_ids.measures_taken")
    def _compute_complaint_stats(self):
        for check in self:
            check.complaint_count = len(check.line_ids)
            check.without_measures_count = len(
                check.line_ids.filtered(lambda line: not line.measures_taken)
            )

    @api.depends(
        "book_compared", "book_entry_ids.in_register", "line_ids.in_book", "line_ids.book_expected"
    )
    def _compute_book_stats(self):
        for check in self:
            if not check.book_compared:
                check.book_missing_in_register_count = check.register_missing_in_book_count = 0
                continue
            check.book_missing_in_register_count = len(
                check.book_entry_ids.filtered(lambda entry: not entry.in_register)
            )
            check.register_missing_in_book_count = len(
                check.line_ids.filtered(lambda line: line.book_expected and not line.in_book)
            )

    @api.constrains("control_kind", "supervisory_body", "supervisory_body_name")
    def _check_supervisory_body(self):
        for check in self:
            if check.control_kind == "supervisory" and not (
                check.supervisory_body and (check.supervisory_body_name or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "An external check by a supervisory body names the body and its kind "
                        "(section 2.8.4)."
                    )
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
        if any(check.control_kind in EXTERNAL_KINDS for check in self):
            raise ValidationError(
                self.env._(
                    "External control is carried out by the founder and the supervisory bodies: "
                    "the staff of an organisation record internal checks only."
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
            if check.control_kind in EXTERNAL_KINDS:
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
            check._compare_book()
        return True

    def action_compare_book(self):
        """Compare the entries of the physical complaints book with the complaints in Odoo, in
        both directions (2.8.5.3): the entries of the book with no complaint in the register and
        the complaints to the head of the organisation that the book does not record."""
        self._check_controller(self.env._("comparing the complaints book"))
        self.action_load_complaints()
        self._lock_write({"book_compared": True})
        return True

    def _compare_book(self):
        self.ensure_one()
        entries = self.book_entry_ids.sorted(lambda entry: (entry.entry_date, entry.id))
        expected = self.line_ids.filtered("book_expected").complaint_id
        matches, _missing_in_register, _missing_in_book = complaints_book.compare(
            [
                (entry.id, entry.entry_date, entry.applicant_name, entry.complaint_number)
                for entry in entries
            ],
            [
                (complaint.id, complaint.date_filed, complaint.applicant_id.name, complaint.name)
                for complaint in expected
            ],
        )
        for entry in entries:
            entry._lock_write({"complaint_id": matches.get(entry.id, False)})

    def action_done(self):
        action = self.env._("closing a check as done")
        self._check_controller(action)
        self._lock_check_state(("draft",), action=action)
        for check in self:
            if not (check.findings or "").strip():
                raise UserError(
                    self.env._("Record the findings of the check %(name)s first.", name=check.name)
                )
            check._check_shortcomings_considered()
        self._lock_write({"state": "done"})
        return True

    def _check_shortcomings_considered(self):
        """2.8.3: the shortcomings found are analysed for each employee and considered at the
        pedagogical council (meetings at the director and the like), with the measures to remove
        them."""
        self.ensure_one()
        if not self.shortcoming_ids:
            return
        if not (self.council_kind and self.council_date and (self.council_minutes or "").strip()):
            raise UserError(
                self.env._(
                    "The shortcomings found by the check %(name)s are considered at the "
                    "pedagogical council or a meeting at the director: record its date and the "
                    "number of its minutes (section 2.8.3).",
                    name=self.name,
                )
            )
        if self.council_date < self.date:
            raise UserError(
                self.env._(
                    "The meeting that considered the shortcomings of the check %(name)s cannot "
                    "precede the check.",
                    name=self.name,
                )
            )
        without = self.shortcoming_ids.filtered(lambda item: not (item.measures or "").strip())
        if without:
            raise UserError(
                self.env._(
                    "Record the measures to remove the shortcoming of %(employee)s (section "
                    "2.8.3).",
                    employee=without[0].employee_name,
                )
            )

    def action_reset_to_draft(self):
        action = self.env._("the reopening of a done check")
        self._lock_check_groups("edu_standard.group_edu_manager", action=action)
        self._lock_transition(("done",), {"state": "draft"}, action=action)
        return True
