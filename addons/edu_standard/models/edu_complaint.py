from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date

from . import deadlines

LEVELS = [
    (deadlines.ORGANIZATION, "Head of the organisation"),
    (deadlines.DEPARTMENT, "Head of the education department"),
]

# Grounds of refusal of section 2.6, by level of the complaint
REFUSAL_GROUNDS = [
    ("not_standard", "The requirements are not requirements of the Standard"),
    ("unfounded", "The complaint is unfounded"),
    ("deadline_missed", "The deadline for filing the complaint was missed"),
    ("false_information", "The applicant knowingly gave false information"),
]
# 2.6.5: the head of the organisation refuses when the requirements do not match the Standard,
# when the complaint is found unfounded, when the applicant missed the 10-day deadline.
# 2.6.6: the head of the department does not act on knowingly false information, on a complaint
# filed later than 30 days, on a content that does not concern the Standard.
GROUNDS_BY_LEVEL = {
    deadlines.ORGANIZATION: ("not_standard", "unfounded", "deadline_missed"),
    deadlines.DEPARTMENT: ("not_standard", "deadline_missed", "false_information"),
}

# What the portal's complaint form accepts (issue 14): stated on the form, refused with a
# message over the limit, never cut
PORTAL_LIMITS = {"pupil_name": 200, "description": 5000}
# The earliest day of a violation the portal accepts: a year before the day of filing (both
# filing terms of 2.6.5 and 2.6.6 are long over by then; an older day is a typing error)
PORTAL_OLDEST_DAYS = 366

OPEN_STATES = ("registered", "investigation")
LOCKED_STATES = ("answered", "closed")
# Fields that only the workflow (the buttons, the cron) writes, in any state
WORKFLOW_FIELDS = frozenset(
    {
        "state",
        "outcome",
        "refusal_ground",
        "refusal_reason",
        "answer_date",
        "escalated_from_id",
        "escalated_to_id",
        "report_date",
        "overdue_notified",
    }
)
# Fields that only the education department changes: to whom and about whom the complaint is
# (the staff of an organisation cannot move a complaint away from their head, nor take one
# addressed to the department), and the department's own steps of section 2.6.6
DEPARTMENT_FIELDS = frozenset(
    {"level", "organization_id", "instruction_date", "instruction_term", "supervision_notified"}
)
# On a complaint addressed to the department, what the staff of the organisation still write:
# the written report of their check (section 2.6.6)
ORGANIZATION_REPORT_FIELDS = frozenset({"report_text"})


class EduComplaint(models.Model):
    """Complaint of a pupil or of a parent about a violation of the Standard (section 2.6)."""

    _name = "edu.complaint"
    _description = "Complaint about a Violation of the Education Quality Standard"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin", "municipal.lock.mixin"]
    _order = "date_filed desc, id desc"

    # An answered or closed complaint is locked: its answer, outcome and facts are frozen (the
    # chatter, its followers and the portal token stay open).
    _lock_states = LOCKED_STATES
    _lock_workflow_fields = WORKFLOW_FIELDS

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", index=True
    )
    company_id = fields.Many2one(
        related="organization_id.company_id", store=True, index=True, precompute=True
    )
    applicant_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        help="Pupil, or parent (legal representative) of the pupil, who files the complaint.",
    )
    applicant_role = fields.Selection(
        [("pupil", "Pupil"), ("parent", "Parent (legal representative)")],
        string="Applicant's status",
        required=True,
        default="parent",
    )
    pupil_name = fields.Char(
        string="Pupil", help="The pupil concerned, when a parent files the complaint."
    )
    legal_capacity_confirmed = fields.Boolean(
        string="Legal capacity confirmed",
        tracking=True,
        help="The applicant (the pupil or his parent, legal representative) appeals on condition "
        "of his legal capacity (section 2.6.3): confirmed on filing.",
    )
    portal_user_id = fields.Many2one(
        "res.users",
        string="Filed online by",
        readonly=True,
        copy=False,
        help="Portal user who filed the complaint online.",
    )
    organization_id = fields.Many2one(
        "edu.organization",
        string="Organisation",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    requirement_id = fields.Many2one(
        "edu.standard.requirement",
        string="Requirement of the Standard",
        tracking=True,
        help="The requirement of the Standard the applicant says was violated.",
    )
    description = fields.Text(
        string="Complaint", required=True, help="What happened, as the applicant states it."
    )
    violation_date = fields.Date(
        string="Violation established on",
        required=True,
        tracking=True,
        help="Day on which the applicant established the violation of the Standard.",
    )
    date_filed = fields.Date(
        string="Filed on",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="Day of filing; for the education department, the day of the official registration "
        "of the complaint (section 2.6.6).",
    )
    level = fields.Selection(
        LEVELS,
        string="Addressed to",
        required=True,
        default=deadlines.ORGANIZATION,
        tracking=True,
    )
    channel = fields.Selection(
        [("oral", "Oral"), ("written", "Written"), ("portal", "Portal")],
        required=True,
        default="written",
    )
    state = fields.Selection(
        [
            ("registered", "Registered"),
            ("investigation", "Investigation"),
            ("answered", "Answered"),
            ("closed", "Closed"),
        ],
        required=True,
        default="registered",
        tracking=True,
        index=True,
        copy=False,
    )
    responsible_user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        compute="_compute_responsible_user",
        store=True,
        readonly=False,
        tracking=True,
        domain="[('share', '=', False)]",
        help="Head of the organisation, or head of the education department, who answers.",
    )
    # Deadlines (section 2.6, calendar days)
    filing_deadline = fields.Date(
        compute="_compute_deadlines",
        store=True,
        help="Last day for filing: 10 days after the violation was established for the head of "
        "the organisation, 30 days for the head of the education department.",
    )
    filed_late = fields.Boolean(
        compute="_compute_deadlines",
        store=True,
        help="Filed after the deadline: the complaint is refused on that ground.",
    )
    answer_deadline = fields.Date(
        compute="_compute_deadlines",
        store=True,
        index=True,
        help="The official answer is due no later than 30 days from the day of filing.",
    )
    instruction_date = fields.Date(
        string="Check instructed on",
        tracking=True,
        copy=False,
        help="Day on which the head of the education department instructed the head of the "
        "organisation to check the complaint.",
    )
    report_deadline = fields.Date(
        compute="_compute_deadlines",
        store=True,
        help="The organisation removes the violations and reports in writing to the education "
        "department within a month of the instruction.",
    )
    instruction_term = fields.Date(
        string="Term of the organisation",
        compute="_compute_instruction_term",
        store=True,
        readonly=False,
        tracking=True,
        copy=False,
        help="Term set by the instruction of the head of the education department for the "
        "organisation's check and report (section 2.6.6): by default the earlier of the month "
        "of the report and the department's own answer date.",
    )
    instruction_term_warning = fields.Char(
        string="Warning on the term",
        compute="_compute_instruction_term_warning",
        help="Why the term set for the organisation does not fit (section 2.6.6).",
    )
    report_date = fields.Date(
        string="Report received on",
        tracking=True,
        copy=False,
        help="Day on which the written report of the organisation reached the department.",
    )
    report_text = fields.Html(
        string="Report of the organisation",
        copy=False,
        help="Established and not established facts, the violations removed and the measures "
        "taken against the employees.",
    )
    supervision_notified = fields.Boolean(
        string="Supervisory body notified",
        tracking=True,
        copy=False,
        help="The head of the education department addressed the state supervisory body in "
        "education to detect and remove the violations.",
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="Not answered and the answer deadline has passed, or the report of the "
        "organisation is late.",
    )
    overdue_notified = fields.Boolean(copy=False, readonly=True)
    # Investigation
    violation_ids = fields.One2many(
        "edu.complaint.violation", "complaint_id", string="Violations", copy=False
    )
    violation_established = fields.Boolean(
        compute="_compute_violation_established",
        store=True,
        help="At least one violation of the Standard was established.",
    )
    # Answer
    outcome = fields.Selection(
        [("remedied", "Violations remedied"), ("refused", "Refused")],
        tracking=True,
        copy=False,
        readonly=True,
    )
    refusal_ground = fields.Selection(REFUSAL_GROUNDS, tracking=True, copy=False, readonly=True)
    refusal_reason = fields.Text(
        string="Reasons of the refusal",
        copy=False,
        readonly=True,
        help="The argued reasons given to the applicant.",
    )
    answer_date = fields.Date(tracking=True, copy=False, readonly=True)
    answered_late = fields.Boolean(compute="_compute_answered_late", store=True)
    answer_text = fields.Html(
        string="Answer",
        copy=False,
        help="Measures taken and any other information for the applicant, printed in the answer "
        "letter.",
    )
    # Escalation to the education department
    escalated_from_id = fields.Many2one(
        "edu.complaint", string="Escalated from", readonly=True, copy=False, index=True
    )
    escalated_to_id = fields.Many2one(
        "edu.complaint", string="Escalated to", readonly=True, copy=False
    )
    # Referrals to the state supervisory body in education (2.6.6)
    supervision_ids = fields.One2many(
        "edu.complaint.supervision", "complaint_id", string="Referrals to the supervisory body"
    )
    # The other ways of appeal of the applicant about the same violation (2.6.3, 2.6.4)
    appeal_ids = fields.One2many("edu.appeal", "complaint_id", string="Ways of appeal")

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)", "The number of a complaint is unique."),
    ]

    # ------------------------------------------------------------------ computes

    @api.depends("organization_id", "level")
    def _compute_responsible_user(self):
        for complaint in self:
            if complaint.level == deadlines.DEPARTMENT:
                user = complaint.company_id.edu_department_user_id
            else:
                user = complaint.organization_id.head_user_id
            complaint.responsible_user_id = user or complaint.responsible_user_id

    @api.depends("level", "violation_date", "date_filed", "instruction_date")
    def _compute_deadlines(self):
        for complaint in self:
            level = complaint.level
            if level and complaint.violation_date:
                complaint.filing_deadline = deadlines.filing_deadline(
                    level, complaint.violation_date
                )
            else:
                complaint.filing_deadline = False
            complaint.filed_late = bool(
                level
                and complaint.violation_date
                and complaint.date_filed
                and not deadlines.filed_in_time(
                    level, complaint.violation_date, complaint.date_filed
                )
            )
            complaint.answer_deadline = (
                deadlines.answer_deadline(level, complaint.date_filed)
                if level and complaint.date_filed
                else False
            )
            complaint.report_deadline = (
                deadlines.report_deadline(complaint.instruction_date)
                if level == deadlines.DEPARTMENT and complaint.instruction_date
                else False
            )

    @api.depends("instruction_date", "answer_deadline", "level")
    def _compute_instruction_term(self):
        for complaint in self:
            complaint.instruction_term = (
                deadlines.instruction_term(complaint.instruction_date, complaint.answer_deadline)
                if complaint.level == deadlines.DEPARTMENT and complaint.instruction_date
                else False
            )

    def _instruction_term_message(self):
        """Why the organisation's term does not fit the instruction (2.6.6), or False."""
        self.ensure_one()
        if not (
            self.level == deadlines.DEPARTMENT and self.instruction_date and self.instruction_term
        ):
            return False
        problem = deadlines.instruction_term_problem(
            self.instruction_date, self.instruction_term, self.answer_deadline
        )
        if problem == deadlines.TERM_BEFORE_INSTRUCTION:
            return self.env._("The term of the organisation cannot end before the instruction.")
        if problem == deadlines.TERM_AFTER_ANSWER:
            return self.env._(
                "The term of the organisation ends on %(term)s, after the department's own answer "
                "date of %(answer)s: the report would come too late for the answer (section "
                "2.6.6).",
                term=format_date(self.env, self.instruction_term),
                answer=format_date(self.env, self.answer_deadline),
            )
        if problem == deadlines.TERM_AFTER_MONTH:
            return self.env._(
                "The term of the organisation ends on %(term)s, after the month of the report "
                "(%(month)s, section 2.6.6).",
                term=format_date(self.env, self.instruction_term),
                month=format_date(self.env, self.report_deadline),
            )
        return False

    @api.depends("instruction_term", "instruction_date", "answer_deadline", "level")
    def _compute_instruction_term_warning(self):
        for complaint in self:
            complaint.instruction_term_warning = complaint._instruction_term_message()

    @api.onchange("instruction_term")
    def _onchange_instruction_term(self):
        message = self._instruction_term_message()
        if message:
            return {
                "warning": {"title": self.env._("Term of the organisation"), "message": message}
            }

    @api.depends("violation_ids.established")
    def _compute_violation_established(self):
        for complaint in self:
            complaint.violation_established = any(complaint.violation_ids.mapped("established"))

    @api.depends("answer_date", "answer_deadline")
    def _compute_answered_late(self):
        for complaint in self:
            complaint.answered_late = bool(
                complaint.answer_date
                and complaint.answer_deadline
                and complaint.answer_date > complaint.answer_deadline
            )

    @api.depends("state", "answer_deadline", "instruction_term", "report_date")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for complaint in self:
            complaint.is_overdue = complaint.state in OPEN_STATES and bool(
                (complaint.answer_deadline and complaint.answer_deadline < today)
                or (
                    complaint.instruction_term
                    and not complaint.report_date
                    and complaint.instruction_term < today
                )
            )

    def _overdue_domain(self):
        today = fields.Date.context_today(self)
        return [
            ("state", "in", OPEN_STATES),
            "|",
            ("answer_deadline", "<", today),
            "&",
            ("report_date", "=", False),
            ("instruction_term", "<", today),
        ]

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on 'overdue'."))
        domain = self._overdue_domain()
        if (operator == "=") == value:
            return domain
        return [("id", "not in", self._search(domain))]

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for complaint in self:
            complaint.access_url = f"/my/edu_complaints/{complaint.id}"
        return result

    # ------------------------------------------------------------------ constraints

    @api.constrains("instruction_date", "instruction_term")
    def _check_instruction_term(self):
        """A term that ends before the instruction is refused; one that ends after the
        department's answer date is only warned (_instruction_term_message)."""
        for complaint in self:
            if (
                complaint.instruction_date
                and complaint.instruction_term
                and complaint.instruction_term < complaint.instruction_date
            ):
                raise ValidationError(
                    self.env._("The term of the organisation cannot end before the instruction.")
                )

    @api.constrains("violation_date", "date_filed", "instruction_date", "report_date")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for complaint in self:
            if complaint.violation_date > today:
                raise ValidationError(
                    self.env._("A violation cannot be established on a day still to come.")
                )
            if complaint.date_filed < complaint.violation_date:
                raise ValidationError(
                    self.env._(
                        "The complaint %(name)s cannot be filed before the violation was "
                        "established.",
                        name=complaint.name,
                    )
                )
            if complaint.instruction_date and complaint.instruction_date < complaint.date_filed:
                raise ValidationError(
                    self.env._("The check cannot be instructed before the complaint was filed.")
                )
            if complaint.report_date and (
                not complaint.instruction_date or complaint.report_date < complaint.instruction_date
            ):
                raise ValidationError(
                    self.env._("The report of the organisation cannot precede the instruction.")
                )

    @api.constrains("legal_capacity_confirmed")
    def _check_legal_capacity(self):
        if not all(self.mapped("legal_capacity_confirmed")):
            raise ValidationError(
                self.env._(
                    "Confirm the legal capacity of the applicant: he appeals on that condition "
                    "(section 2.6.3)."
                )
            )

    @api.constrains("level")
    def _check_no_sanction_against_the_head(self):
        self.violation_ids._check_no_sanction_against_the_head()

    @api.constrains("outcome", "refusal_ground", "refusal_reason", "level", "filed_late")
    def _check_refusal(self):
        grounds = dict(self._fields["refusal_ground"]._description_selection(self.env))
        for complaint in self.filtered(lambda c: c.outcome == "refused"):
            ground = complaint.refusal_ground
            if not ground or not (complaint.refusal_reason or "").strip():
                raise ValidationError(
                    self.env._("A refusal states its ground and its argued reasons (section 2.6).")
                )
            if ground not in GROUNDS_BY_LEVEL[complaint.level]:
                raise ValidationError(
                    self.env._(
                        "'%(ground)s' is not a ground of refusal for a complaint addressed to "
                        "the %(level)s.",
                        ground=grounds[ground],
                        level=dict(complaint._fields["level"]._description_selection(self.env))[
                            complaint.level
                        ].lower(),
                    )
                )
            if ground == "deadline_missed" and not complaint.filed_late:
                raise ValidationError(
                    self.env._(
                        "The complaint %(name)s was filed in time (deadline %(deadline)s): it "
                        "cannot be refused for a missed deadline.",
                        name=complaint.name,
                        deadline=complaint.filing_deadline,
                    )
                )
            if ground == "unfounded" and complaint.violation_established:
                raise ValidationError(
                    self.env._(
                        "The investigation established a violation: the complaint %(name)s is not "
                        "unfounded.",
                        name=complaint.name,
                    )
                )

    # ------------------------------------------------------------------ who acts

    def _is_department_user(self):
        return self.env.su or self.env.user.has_group("edu_standard.group_edu_user")

    def _is_organization_staff(self):
        """The acting user is on the staff (or is the head) of the complaint's organisation."""
        self.ensure_one()
        user = self.env.user
        organization = self.sudo().organization_id
        return user in organization.user_ids or user == organization.head_user_id

    def _check_handler(self, action):
        """Who handles (investigates, answers, refuses, closes) each complaint: the education
        department any complaint; the staff of an organisation only the complaints addressed to
        their own head (section 2.6.5), never those addressed to the department (2.6.6)."""
        self._lock_check_groups(
            "edu_standard.group_edu_organization", "edu_standard.group_edu_user", action=action
        )
        if self._is_department_user():
            return
        for complaint in self:
            if complaint.level == deadlines.DEPARTMENT:
                raise AccessError(
                    self.env._(
                        "The complaint %(name)s is addressed to the head of the education "
                        "department: %(action)s belongs to the education department, not to the "
                        "staff of the organisation.",
                        name=complaint.name,
                        action=action,
                    )
                )
            if not complaint._is_organization_staff():
                raise AccessError(
                    self.env._(
                        "The complaint %(name)s is addressed to the head of %(organization)s: "
                        "%(action)s belongs to the staff of that organisation.",
                        name=complaint.name,
                        organization=complaint.sudo().organization_id.display_name,
                        action=action,
                    )
                )

    def _check_department_fields(self, vals, complaints=None):
        """Refuse the staff of an organisation the fields of the department (and, on a complaint
        addressed to the department, everything but the report of their organisation)."""
        if self._is_department_user():
            return
        names = set(vals) - self._lock_writable_in(False)
        restricted = sorted(names & DEPARTMENT_FIELDS)
        if restricted:
            raise AccessError(
                self.env._(
                    "Complaint: the field '%(field)s' is changed only by the education "
                    "department.",
                    field=self._lock_field_label(restricted[0]),
                )
            )
        for complaint in complaints or self.browse():
            others = sorted(names - ORGANIZATION_REPORT_FIELDS)
            if complaint.level == deadlines.DEPARTMENT and others:
                raise AccessError(
                    self.env._(
                        "The complaint %(name)s is addressed to the head of the education "
                        "department: the staff of the organisation write only its report, not "
                        "the field '%(field)s'.",
                        name=complaint.name,
                        field=self._lock_field_label(others[0]),
                    )
                )

    # ------------------------------------------------------------------ ORM

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # the staff of an organisation register complaints addressed to their head only;
            # the department registers those addressed to it (day of its registration, 2.6.6)
            if not self._is_department_user():
                if vals.get("level") == deadlines.DEPARTMENT:
                    raise AccessError(
                        self.env._(
                            "A complaint addressed to the head of the education department is "
                            "registered by the education department."
                        )
                    )
                self._check_department_fields(
                    {
                        name
                        for name in DEPARTMENT_FIELDS - {"level", "organization_id"}
                        if vals.get(name)
                    }
                )
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("edu.complaint") or "/"
        complaints = super().create(vals_list)
        for complaint in complaints:
            complaint.message_subscribe(partner_ids=complaint.applicant_id.ids)
            complaint._schedule_answer_activity()
        return complaints

    def write(self, vals):
        if self - self._lock_lifted():
            self._check_department_fields(vals, self - self._lock_lifted())
        result = super().write(vals)
        if "responsible_user_id" in vals:
            for complaint in self.filtered(lambda c: c.state in OPEN_STATES):
                complaint.activity_reschedule(
                    ["edu_standard.mail_activity_edu_complaint_answer"],
                    new_user_id=complaint.responsible_user_id.id,
                )
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_registered(self):
        if any(complaint.state != "registered" for complaint in self):
            raise UserError(self.env._("Only a complaint that is still registered can be deleted."))

    def _transition(self, vals):
        return self._lock_write(vals)

    # ------------------------------------------------------------------ activities

    def _in_lang_of(self, user):
        """The complaint in the language of `user`, for what is written to him (the summary of
        an activity is copied from its type in the language of the writer: a complaint filed
        on the portal by a parent in English would give the head an English activity)."""
        return self.with_context(lang=self._official_lang(user.partner_id))

    def _schedule_answer_activity(self):
        self.ensure_one()
        user = self.responsible_user_id or self.env.user
        complaint = self._in_lang_of(user)
        complaint.activity_schedule(
            "edu_standard.mail_activity_edu_complaint_answer",
            date_deadline=self.answer_deadline,
            user_id=user.id,
            note=complaint.env._(
                "Answer the complaint no later than %(deadline)s (30 days from filing).",
                deadline=format_date(complaint.env, self.answer_deadline),
            ),
        )

    def _schedule_report_activity(self):
        self.ensure_one()
        head = self.organization_id.head_user_id or self.responsible_user_id or self.env.user
        complaint = self._in_lang_of(head)
        complaint.activity_schedule(
            "edu_standard.mail_activity_edu_complaint_report",
            date_deadline=self.instruction_term or self.report_deadline,
            user_id=head.id,
            note=complaint.env._(
                "Check the complaint, remove the violations and report in writing to the "
                "education department no later than %(deadline)s.",
                deadline=format_date(complaint.env, self.instruction_term or self.report_deadline),
            ),
        )

    # ------------------------------------------------------------------ workflow

    def action_start_investigation(self):
        self._check_handler(self.env._("the investigation of a complaint"))
        today = fields.Date.context_today(self)
        for complaint in self:
            if complaint.state != "registered":
                raise UserError(self.env._("Only a registered complaint can be investigated."))
            if complaint.filed_late:
                raise UserError(
                    self.env._(
                        "The complaint %(name)s was filed on %(filed)s, after the deadline of "
                        "%(deadline)s: refuse it on the ground of the missed deadline.",
                        name=complaint.name,
                        filed=complaint.date_filed,
                        deadline=complaint.filing_deadline,
                    )
                )
            vals = {"state": "investigation"}
            if complaint.level == deadlines.DEPARTMENT and not complaint.instruction_date:
                vals["instruction_date"] = max(today, complaint.date_filed)
            complaint._transition(vals)
            if complaint.level == deadlines.DEPARTMENT:
                complaint._schedule_report_activity()
        return True

    def action_receive_report(self):
        self._lock_check_groups(
            "edu_standard.group_edu_user",
            action=self.env._("the receipt of the report of the organisation"),
        )
        for complaint in self:
            if complaint.level != deadlines.DEPARTMENT or complaint.state != "investigation":
                raise UserError(
                    self.env._(
                        "Only a complaint under investigation by the education department "
                        "receives the report of the organisation."
                    )
                )
            complaint._transition(
                {"report_date": complaint.report_date or fields.Date.context_today(self)}
            )
            complaint.activity_feedback(
                ["edu_standard.mail_activity_edu_complaint_report"],
                feedback=self.env._("Report received."),
            )
        return True

    def action_answer_remedied(self):
        self._check_handler(self.env._("the answer to a complaint"))
        for complaint in self:
            if complaint.state != "investigation":
                raise UserError(self.env._("Investigate the complaint before answering it."))
            established = complaint.violation_ids.filtered("established")
            if not established:
                raise UserError(
                    self.env._(
                        "No violation of the Standard was established for the complaint "
                        "%(name)s: refuse it as unfounded instead.",
                        name=complaint.name,
                    )
                )
            pending = established.filtered(lambda v: not v.remedied)
            if pending:
                raise UserError(
                    self.env._(
                        "Remedy every established violation before the answer: %(violations)s.",
                        violations=", ".join(pending.mapped("description")),
                    )
                )
            if complaint.level == deadlines.DEPARTMENT and not complaint.report_date:
                raise UserError(
                    self.env._(
                        "The education department answers once it has received the written "
                        "report of the organisation."
                    )
                )
            complaint._answer({"outcome": "remedied"})
        return True

    def _answer(self, vals):
        self.ensure_one()
        self._transition(
            {
                **vals,
                "state": "answered",
                "answer_date": vals.get("answer_date") or fields.Date.context_today(self),
            }
        )
        self.activity_feedback(
            [
                "edu_standard.mail_activity_edu_complaint_answer",
                "edu_standard.mail_activity_edu_complaint_report",
            ],
            feedback=self.env._("Complaint answered."),
        )
        self._notify_applicant_answer()

    def _official_lang(self, partner=None):
        """Language of an official document of the complaint (the answer letter, the notice of
        the answer, the activities of the staff): the language of the issuing company (its
        partner's), unless the recipient `partner` (the applicant by default) chose another of
        the installed languages. Odoo gives every contact its own default, en_US, whether the
        person chose it or not: en_US is a choice only where the company itself works in it."""
        partner = self.applicant_id if partner is None else partner
        company = self.company_id or self.env.company
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        company_lang = company.partner_id.lang
        if company_lang not in installed:
            company_lang = self.env.lang if self.env.lang in installed else "en_US"
        chosen = partner.lang
        if chosen and chosen in installed and chosen not in (company_lang, "en_US"):
            return chosen
        return company_lang

    def _notify_applicant_answer(self):
        """Tell the applicant (a follower) that the official answer is ready."""
        self.ensure_one()
        applicant_lang = self.with_context(lang=self._official_lang())
        applicant_lang.message_post(
            body=applicant_lang.env._(
                "The official answer to your complaint %(name)s is ready: %(outcome)s. The answer "
                "letter is available in your customer portal.",
                name=self.name,
                outcome=dict(self._fields["outcome"]._description_selection(applicant_lang.env))[
                    self.outcome
                ],
            ),
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.applicant_id.ids,
        )

    def action_refuse(self, ground, reason):
        """Refuse the complaint on one of the grounds of section 2.6, with the argued reason."""
        self._check_handler(self.env._("the refusal of a complaint"))
        for complaint in self:
            if complaint.state not in OPEN_STATES:
                raise UserError(self.env._("Only an open complaint can be refused."))
            complaint._answer(
                {"outcome": "refused", "refusal_ground": ground, "refusal_reason": reason}
            )
        return True

    def action_open_refuse_wizard(self):
        self.ensure_one()
        self._check_handler(self.env._("the refusal of a complaint"))
        if self.state not in OPEN_STATES:
            raise UserError(self.env._("Only an open complaint can be refused."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Refuse the complaint"),
            "res_model": "edu.complaint.refuse",
            "view_mode": "form",
            "target": "new",
            "context": {"default_complaint_id": self.id},
        }

    def action_close(self):
        self._check_handler(self.env._("the closing of a complaint"))
        if any(complaint.state != "answered" for complaint in self):
            raise UserError(self.env._("Only an answered complaint can be closed."))
        self._transition({"state": "closed"})
        return True

    def action_escalate(self, date_filed=None):
        """The applicant takes the complaint to the head of the education department
        (section 2.6.3): a new complaint registered with the department."""
        self.ensure_one()
        self._lock_check_groups(
            "edu_standard.group_edu_user",
            action=self.env._("the registration of a complaint with the education department"),
        )
        if self.level != deadlines.ORGANIZATION:
            raise UserError(
                self.env._(
                    "Only a complaint addressed to the head of the organisation can be escalated "
                    "to the education department."
                )
            )
        if self.escalated_to_id:
            raise UserError(
                self.env._(
                    "The complaint %(name)s was already escalated as %(escalated)s.",
                    name=self.name,
                    escalated=self.escalated_to_id.name,
                )
            )
        escalated = self._lock_create(
            [
                {
                    "applicant_id": self.applicant_id.id,
                    "applicant_role": self.applicant_role,
                    "legal_capacity_confirmed": self.legal_capacity_confirmed,
                    "pupil_name": self.pupil_name,
                    "portal_user_id": self.portal_user_id.id,
                    "organization_id": self.organization_id.id,
                    "requirement_id": self.requirement_id.id,
                    "description": self.description,
                    "violation_date": self.violation_date,
                    "date_filed": date_filed or fields.Date.context_today(self),
                    "level": deadlines.DEPARTMENT,
                    "channel": self.channel,
                    "escalated_from_id": self.id,
                }
            ]
        )
        self._transition({"escalated_to_id": escalated.id})
        if self.state == "answered":
            self._transition({"state": "closed"})
        self.message_post(
            body=self.env._(
                "Escalated to the education department as %(name)s.", name=escalated.name
            )
        )
        return escalated

    # ------------------------------------------------------------------ the applicant's own steps

    @api.model
    def _filing_warning(self, level, violation_date, filing_date):
        """What an applicant filing at `level` on `filing_date` about a violation established on
        `violation_date` must be told before filing (issue 13): nothing when in time; else the
        case and the deadlines. Late for the head of the organisation (10 days, 2.6.5), the
        department may still be open (30 days, 2.6.6): it is offered as the alternative."""
        if level not in dict(LEVELS) or not violation_date or not filing_date:
            return {}
        head_deadline = deadlines.filing_deadline(deadlines.ORGANIZATION, violation_date)
        department_deadline = deadlines.filing_deadline(deadlines.DEPARTMENT, violation_date)
        department_open = filing_date <= department_deadline
        if level == deadlines.ORGANIZATION and filing_date > head_deadline:
            case = "head_late_department_open" if department_open else "all_late"
        elif level == deadlines.DEPARTMENT and not department_open:
            case = "all_late"
        else:
            return {}
        return {
            "case": case,
            "head_deadline": head_deadline,
            "department_deadline": department_deadline,
        }

    @api.model
    def _portal_oldest_violation_date(self, today):
        return today - timedelta(days=PORTAL_OLDEST_DAYS)

    @api.model
    def _portal_file_complaint(self, user, post, today=None):
        """What the portal's complaint form of `user` files from the fields `post` (strings as
        sent): ``{"errors": {field: message}}`` when a field is refused, ``{"late": warning}``
        when late for the level chosen and not confirmed (issue 13), else ``{"complaint":
        record}`` filed with the organisation chosen on the day of filing. Nothing the client
        sends is trusted: ids are checked, texts measured, dates bounded."""
        env = self.env
        today = today or fields.Date.context_today(self.with_user(user))
        errors = {}

        def record(model, key):
            value = str(post.get(key) or "")
            found = env[model].sudo().browse(int(value) if value.isdigit() else 0).exists()
            return found

        organization = record("edu.organization", "organization_id")
        if not organization or not organization.active:
            errors["organization_id"] = env._("Choose the organisation.")
        requirement = record("edu.standard.requirement", "requirement_id")
        level = post.get("level")
        if level not in (deadlines.ORGANIZATION, deadlines.DEPARTMENT):
            errors["level"] = env._("Choose to whom the complaint is addressed.")
        role = post.get("applicant_role")
        if role not in ("pupil", "parent"):
            errors["applicant_role"] = env._("Say whether you are the pupil or a parent.")
        texts = {name: str(post.get(name) or "").strip() for name in PORTAL_LIMITS}
        if not texts["description"]:
            errors["description"] = env._("Describe the violation.")
        for name, limit in PORTAL_LIMITS.items():
            if "\x00" in texts[name]:
                errors[name] = env._("The text contains a character that cannot be stored.")
            elif len(texts[name]) > limit:
                errors[name] = env._(
                    "%(length)s characters: please keep it to %(limit)s at most.",
                    length=len(texts[name]),
                    limit=limit,
                )
        try:
            violation_date = fields.Date.to_date(str(post.get("violation_date") or "") or None)
        except ValueError:
            violation_date = None
        oldest = self._portal_oldest_violation_date(today)
        if not violation_date:
            errors["violation_date"] = env._("Give the day on which you established the violation.")
        elif violation_date > today:
            errors["violation_date"] = env._("This day is still to come.")
        elif violation_date < oldest:
            errors["violation_date"] = env._(
                "Give a day no earlier than %(oldest)s: the terms of a complaint (10 and 30 "
                "days) are long over for an older one; you may still apply to a court.",
                oldest=format_date(env, oldest),
            )
        if not post.get("legal_capacity"):
            errors["legal_capacity"] = env._(
                "Confirm your legal capacity: a complaint is filed on that condition (section "
                "2.6.3)."
            )
        if errors:
            return {"errors": errors}
        late = self._filing_warning(level, violation_date, today)
        if late and not post.get("confirm_late"):
            return {"late": late}
        complaint = self.sudo().create(
            {
                "applicant_id": user.partner_id.id,
                "applicant_role": role,
                "legal_capacity_confirmed": True,
                "pupil_name": texts["pupil_name"] or False,
                "portal_user_id": user.id,
                "organization_id": organization.id,
                "requirement_id": requirement.id or False,
                "description": texts["description"],
                "violation_date": violation_date,
                "date_filed": today,
                "level": level,
                "channel": "portal",
            }
        )
        return {"complaint": complaint}

    def _applicant_escalation_deadline(self):
        """Last day on which the applicant may take this complaint to the education department:
        30 days after he established the violation (2.6.6), whatever the head answered."""
        self.ensure_one()
        return deadlines.filing_deadline(deadlines.DEPARTMENT, self.violation_date)

    def _applicant_escalation_error(self, user, today=None):
        """Why `user` cannot take this complaint to the education department from the portal
        (False when he can): only the applicant himself, once the head of the organisation has
        answered, once, and within the 30 days of section 2.6.6."""
        self.ensure_one()
        today = today or fields.Date.context_today(self.with_user(user))
        if not user or user._is_public() or self.applicant_id != user.partner_id:
            return self.env._("Only the applicant takes his complaint to the education department.")
        if self.level != deadlines.ORGANIZATION:
            return self.env._("This complaint is already addressed to the education department.")
        if self.escalated_to_id:
            return self.env._(
                "The complaint %(name)s was already taken to the education department as "
                "%(escalated)s.",
                name=self.name,
                escalated=self.escalated_to_id.name,
            )
        if self.state not in LOCKED_STATES:
            return self.env._(
                "The head of the organisation has not answered the complaint %(name)s yet: it can "
                "be taken to the education department once answered.",
                name=self.name,
            )
        if today > self._applicant_escalation_deadline():
            return self.env._(
                "The 30 days for a complaint to the education department ended on %(deadline)s "
                "(section 2.6.6): you may still apply to a court.",
                deadline=format_date(self.env, self._applicant_escalation_deadline()),
            )
        return False

    def _escalate_by_applicant(self, user):
        """The applicant `user`, on the portal, takes the head's answer to the education
        department: checked here (own complaint, answered, within the deadline), then
        registered with the department on the day of filing."""
        self.ensure_one()
        error = self._applicant_escalation_error(user)
        if error:
            raise AccessError(error) if self.applicant_id != user.partner_id else UserError(error)
        today = fields.Date.context_today(self.with_user(user))
        escalated = self.sudo().action_escalate(date_filed=today)
        escalated.write({"channel": "portal"})
        return escalated

    def action_escalate_open(self):
        escalated = self.action_escalate()
        return {
            "type": "ir.actions.act_window",
            "res_model": "edu.complaint",
            "res_id": escalated.id,
            "view_mode": "form",
        }

    def action_print_answer(self):
        self.ensure_one()
        return self.env.ref("edu_standard.action_report_complaint_answer").report_action(self)

    # ------------------------------------------------------------------ cron

    @api.model
    def _cron_flag_overdue(self):
        """Alert the head of the education department of each complaint that became overdue."""
        overdue = self.search(self._overdue_domain() + [("overdue_notified", "=", False)])
        for complaint in overdue:
            head = complaint.company_id.edu_department_user_id or complaint.responsible_user_id
            head = head or self.env.ref("base.user_admin")
            complaint = complaint._in_lang_of(head)
            complaint.activity_schedule(
                "edu_standard.mail_activity_edu_complaint_overdue",
                user_id=head.id,
                note=complaint.env._(
                    "The complaint %(name)s is overdue: answer due on %(deadline)s.",
                    name=complaint.name,
                    deadline=format_date(complaint.env, complaint.answer_deadline),
                ),
            )
        overdue._lock_write({"overdue_notified": True})
        return len(overdue)

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Answer %(name)s", name=self.name).replace("/", "-")
