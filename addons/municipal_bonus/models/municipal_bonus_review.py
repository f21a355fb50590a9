from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from . import scoring

EDITABLE_STATES = ("draft",)


class MunicipalBonusReview(models.Model):
    """Information for the decision to reduce the premium of the servants of a unit for a
    period: Appendix 1 of Положение 133-р (section 3.2)."""

    _name = "municipal.bonus.review"
    _description = "Bonus Review"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.bonus.tier.mixin"]
    _order = "period_id desc, department_id, id"

    # base_tier_validation: reviews wait for validation once submitted
    _state_from = ["submitted"]
    _state_to = ["approved"]

    # municipal.lock.mixin: a review is frozen once submitted; its workflow fields change only
    # in its transitions
    _lock_states = ("submitted", "approved", "rejected", "ordered")
    _lock_workflow_fields = frozenset(
        {
            "review_ids",
            "submitted_date",
            "submitted_by_id",
            "approved_by_id",
            "approval_date",
            "rejection_reason",
            "order_id",
            "document_number",
        }
    )
    # who prepared or submitted the review never approves nor rejects it
    _tier_not_self_fields = ("preparer_user_id", "executor_user_ids", "submitted_by_id")

    name = fields.Char(compute="_compute_name", store=True)
    review_kind = fields.Selection(
        [
            ("unit", "Servants of the unit (section 3.4)"),
            ("highest", "Heads of the highest group (section 3.3)"),
        ],
        string="Kind",
        required=True,
        default="unit",
        tracking=True,
        help="Servants of the unit: prepared by their superior head. Heads of the highest "
        "group: prepared by the executor the head of administration appoints.",
    )
    period_id = fields.Many2one(
        "municipal.bonus.period",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('state', '=', 'open'), ('company_id', '=', company_id)]",
    )
    date_from = fields.Date(related="period_id.date_from")
    date_to = fields.Date(related="period_id.date_to")
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    department_manager_id = fields.Many2one(
        "hr.employee",
        string="Head of the unit",
        compute="_compute_department_manager",
        store=True,
        readonly=False,
        tracking=True,
    )
    preparer_user_id = fields.Many2one(
        "res.users",
        string="Executor",
        index=True,
        tracking=True,
        compute="_compute_preparer_user_id",
        store=True,
        readonly=False,
        help="Who prepares the information: the superior head (section 3.4), or for the heads "
        "of the highest group the executor appointed by the head of administration "
        "(section 3.3).",
    )
    executor_user_ids = fields.Many2many(
        "res.users",
        "municipal_bonus_review_executor_rel",
        "review_id",
        "user_id",
        string="Other executors",
        tracking=True,
        help="Section 3.3: the head of local self-government may appoint several executors "
        "for the heads of the highest group; they prepare the information with the executor.",
    )
    preparation_warning = fields.Text(
        compute="_compute_preparation_warning",
        help="What the preparation of the review lacks: a unit head without a user, a head "
        "left without a review.",
    )
    document_number = fields.Char(
        string="Outgoing number",
        readonly=True,
        copy=False,
        help="Number of Appendix 1, given when the review is submitted.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("ordered", "In the order"),
        ],
        required=True,
        default="draft",
        tracking=True,
        index=True,
        copy=False,
    )
    rejection_reason = fields.Text(tracking=True, copy=False, readonly=True)
    submitted_date = fields.Date(readonly=True, copy=False)
    submitted_by_id = fields.Many2one("res.users", string="Submitted by", readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", string="Approved by", readonly=True, copy=False)
    approval_date = fields.Date(readonly=True, copy=False)
    order_id = fields.Many2one("municipal.bonus.order", readonly=True, copy=False, index=True)
    line_ids = fields.One2many("municipal.bonus.review.line", "review_id", string="Servants")
    line_count = fields.Integer(compute="_compute_totals", store=True, string="Number of servants")
    reduced_count = fields.Integer(compute="_compute_totals", store=True, string="Premiums reduced")
    average_bonus_percent = fields.Float(
        compute="_compute_totals", store=True, digits=(5, 2), string="Average premium (%)"
    )
    suggestion_count = fields.Integer(compute="_compute_suggestion_count")
    hr_check_required = fields.Boolean(related="company_id.bonus_hr_check")
    note = fields.Html(string="Additional information")

    _sql_constraints = [
        (
            "review_unit_period_uniq",
            "unique(department_id, period_id, review_kind)",
            "A unit has one bonus review of each kind per period.",
        ),
    ]

    @api.depends("department_id", "period_id", "review_kind")
    def _compute_name(self):
        for review in self:
            review.name = " — ".join(
                part for part in (review.department_id.name, review.period_id.name) if part
            )

    @api.depends("department_id")
    def _compute_department_manager(self):
        for review in self:
            review.department_manager_id = review.department_id.sudo().manager_id.id

    @api.depends("department_id", "review_kind")
    def _compute_preparer_user_id(self):
        for review in self:
            if review.review_kind == "unit":
                review.preparer_user_id = review.department_id.sudo().manager_id.user_id.id
            else:
                review.preparer_user_id = review.preparer_user_id

    @api.depends("line_ids.reduction_percent", "line_ids.bonus_percent")
    def _compute_totals(self):
        for review in self:
            lines = review.line_ids
            review.line_count = len(lines)
            review.reduced_count = len(lines.filtered(lambda line: line.reduction_percent > 0))
            review.average_bonus_percent = (
                round(sum(lines.mapped("bonus_percent")) / len(lines), 2) if lines else 0.0
            )

    def _compute_suggestion_count(self):
        counts = dict(
            self.env["municipal.bonus.finding"]._read_group(
                [("review_id", "in", self.ids), ("state", "=", "suggested")],
                ["review_id"],
                ["__count"],
            )
        )
        for review in self:
            review.suggestion_count = counts.get(review, 0)

    # ------------------------------------------------------------------ constraints
    @api.constrains("period_id", "company_id")
    def _check_period(self):
        for review in self:
            if review.period_id.company_id != review.company_id:
                raise ValidationError(
                    self.env._("The period of a bonus review belongs to its company.")
                )

    @api.constrains("review_kind", "preparer_user_id")
    def _check_executor(self):
        for review in self:
            if review.review_kind == "highest" and not review.preparer_user_id:
                raise ValidationError(
                    self.env._(
                        "The information on the heads of the highest group is prepared by the "
                        "executor the head of administration appoints (section 3.3): set the "
                        "executor."
                    )
                )

    # ------------------------------------------------------------------ CRUD and locks
    def _is_bonus_officer(self):
        user = self.env.user
        return (
            self.env.su
            or user.has_group("municipal_bonus.group_bonus_manager")
            or (user.has_group("municipal_bonus.group_bonus_approver"))
        )

    def _is_head_of_administration(self):
        return self.env.su or self.env.user.has_group("municipal_bonus.group_bonus_approver")

    @api.model_create_multi
    def create(self, vals_list):
        closed = (
            self.env["municipal.bonus.period"]
            .browse([vals["period_id"] for vals in vals_list if vals.get("period_id")])
            .filtered(lambda p: p.state == "closed")
        )
        if closed:
            raise UserError(
                self.env._(
                    "The period '%(period)s' is closed: it accepts no new bonus review.",
                    period=closed[0].name,
                )
            )
        for vals in vals_list:
            self._check_appointment(
                vals.get("review_kind", "unit"),
                vals.get("department_id"),
                vals.get("preparer_user_id"),
                vals.get("executor_user_ids"),
            )
        return super().create(vals_list)

    @api.model
    def _check_appointment(self, kind, department_id, preparer_id, executors=None):
        """Section 3.3: the executor(s) for the heads of the highest group are appointed by the
        head of local self-government alone (not HR); section 3.4: for the other servants it is
        the superior head, whom HR or the head of administration may replace."""
        if kind == "highest":
            if not self._is_head_of_administration():
                raise AccessError(
                    self.env._(
                        "Only the head of local self-government appoints the executors for the "
                        "heads of the highest group (section 3.3)."
                    )
                )
            return
        if self._is_bonus_officer():
            return
        manager_user = self.env["hr.department"].browse(department_id).sudo().manager_id.user_id
        if self._appointed_ids(executors) or (preparer_id and preparer_id != manager_user.id):
            raise AccessError(
                self.env._(
                    "Only the head of administration or the HR service appoint the executor "
                    "of a bonus review (section 3.4)."
                )
            )

    @api.model
    def _appointed_ids(self, commands):
        """The users that x2many ``commands`` for the executors add (an empty set, or a clear,
        as a form sends it for a new review, appoints nobody)."""
        added = set()
        for command in commands or ():
            if isinstance(command, int):
                added.add(command)
            elif command[0] == 4:
                added.add(command[1])
            elif command[0] == 6:
                added |= set(command[2] or ())
            elif command[0] == 0:
                added.add(0)  # a user created through the review
            elif command[0] == 1:
                added.add(command[1])
        return added

    def write(self, vals):
        if {"preparer_user_id", "executor_user_ids", "review_kind", "department_id"} & set(vals):
            for review in self:
                kinds = {vals.get("review_kind", review.review_kind), review.review_kind}
                for kind in kinds:
                    self._check_appointment(
                        kind,
                        vals.get("department_id", review.department_id.id),
                        vals.get("preparer_user_id"),
                        vals.get("executor_user_ids"),
                    )
        return super().write(vals)

    @api.depends("department_id", "review_kind", "preparer_user_id", "line_ids")
    def _compute_preparation_warning(self):
        for review in self:
            review.preparation_warning = "\n".join(review._preparation_problems()) or False

    def _preparation_problems(self):
        """What would leave servants silently without an executor or a review."""
        self.ensure_one()
        problems = []
        department = self.department_id.sudo()
        if not department:
            return problems
        head = department.manager_id
        if self.review_kind == "unit":
            if not head and not self.preparer_user_id:
                problems.append(
                    self.env._(
                        "The unit %(unit)s has no head: nobody is the superior head who prepares "
                        "the information on its servants (section 3.4). Set its head, or HR "
                        "appoints the executor.",
                        unit=department.name,
                    )
                )
            elif not head.user_id and not self.preparer_user_id:
                problems.append(
                    self.env._(
                        "%(head)s, head of the unit %(unit)s, has no user: nobody prepares the "
                        "information on its servants (section 3.4). Give them a user, or HR "
                        "appoints the executor.",
                        head=head.name,
                        unit=department.name,
                    )
                )
            if (
                head
                and not department.parent_id
                and head.bonus_category
                and head.bonus_category != "highest_head"
                and head not in self.line_ids.employee_id
            ):
                problems.append(
                    self.env._(
                        "%(head)s heads the top-level unit %(unit)s: no review of a superior "
                        "unit includes them (section 3.4). Add them to this review with "
                        '"Add a line", and let the head of administration or HR appoint an '
                        "executor other than them.",
                        head=head.name,
                        unit=department.name,
                    )
                )
        elif not self.preparer_user_id:
            problems.append(
                self.env._(
                    "The head of local self-government has not appointed the executor for the "
                    "heads of the highest group (section 3.3)."
                )
            )
        return problems

    # ------------------------------------------------------------------ preparation
    def _eligible_employees(self):
        """Servants whose information this review gives (section 3.3 / 3.4)."""
        self.ensure_one()
        Employee = self.env["hr.employee"].sudo()
        domain = [
            ("company_id", "in", [self.company_id.id, False]),
            ("bonus_category", "!=", False),
        ]
        if self.review_kind == "highest":
            return Employee.search(
                domain
                + [
                    ("bonus_category", "=", "highest_head"),
                    ("department_id", "child_of", self.department_id.id),
                ]
            )
        department = self.department_id.sudo()
        staff = Employee.search(
            domain
            + [
                ("department_id", "=", department.id),
                ("id", "!=", department.manager_id.id),
            ]
        )
        # the heads of the sub-units: their superior head is the head of this unit
        sub_heads = (department.child_ids.manager_id - department.manager_id).filtered(
            lambda e: e.bonus_category and (not e.company_id or e.company_id == self.company_id)
        )
        return (staff | sub_heads).filtered(lambda e: e.bonus_category != "highest_head")

    def action_fill_lines(self):
        """Add a line for each servant of the unit that has none yet (one batched create)."""
        self._lock_check_groups("municipal_bonus.group_bonus_user", action=self.env._("filling"))
        self._check_editable()
        vals_list = []
        for review in self:
            present = set(review.line_ids.employee_id.ids)
            for employee in review._eligible_employees():
                if employee.id not in present:
                    vals_list.append({"review_id": review.id, "employee_id": employee.id})
        return self.env["municipal.bonus.review.line"].create(vals_list)

    def _check_editable(self):
        """The servants and findings of a review change only while it is a draft (its own
        transitions excepted)."""
        locked = self.filtered(lambda r: r.state not in EDITABLE_STATES) - self._lock_lifted()
        if locked:
            raise UserError(
                self.env._(
                    "The bonus review '%(name)s' is no longer a draft: its servants and "
                    "findings cannot change.",
                    name=locked[0].name,
                )
            )

    def action_suggest(self):
        """Suggest findings from the data of Odoo (see ``_bonus_evidence``), for the executor
        to confirm or discard. Suggestions already made are not repeated."""
        self._lock_check_groups(
            "municipal_bonus.group_bonus_user", action=self.env._("the suggestion of findings")
        )
        self._check_editable()
        Finding = self.env["municipal.bonus.finding"]
        lines = self.line_ids
        if not lines:
            return Finding
        indicators = (
            self.env["municipal.bonus.indicator"].sudo().search([("evidence_kind", "!=", False)])
        )
        by_kind = {
            (indicator.category, indicator.evidence_kind, indicator.company_id.id): indicator
            for indicator in indicators
        }
        existing = {
            (f.line_id.id, f.source_model, f.source_res_id, f.indicator_id.id)
            for f in Finding.sudo().search([("line_id", "in", lines.ids)])
        }
        vals_list = []
        for review in self:
            evidence = review._bonus_evidence(review.line_ids)
            for line in review.line_ids:
                for item in evidence.get(line.employee_id.id, []):
                    indicator = by_kind.get(
                        (line.bonus_category, item["kind"], review.company_id.id)
                    ) or by_kind.get((line.bonus_category, item["kind"], False))
                    if not indicator:
                        continue
                    key = (line.id, item.get("res_model"), item.get("res_id"), indicator.id)
                    if key in existing:
                        continue
                    existing.add(key)
                    vals_list.append(
                        {
                            "line_id": line.id,
                            "indicator_id": indicator.id,
                            "state": "suggested",
                            "date": item["date"],
                            "description": item["description"],
                            "source_model": item.get("res_model"),
                            "source_res_id": item.get("res_id"),
                        }
                    )
        return Finding.create(vals_list)

    def _bonus_evidence(self, lines):
        """Evidence of the period for the employees of ``lines``:
        ``{employee id: [{kind, date, description, res_model, res_id}]}``, where kind is an
        ``evidence_kind`` of the indicators. Other addons extend it (confirmed complaints)."""
        self.ensure_one()
        evidence = defaultdict(list)
        for source in self._bonus_evidence_sources():
            for employee_id, items in source(lines).items():
                evidence[employee_id] += items
        return evidence

    def _bonus_evidence_sources(self):
        """Callables ``source(lines) -> {employee id: [evidence]}`` of the suggestions. An addon
        that records confirmed complaints appends its own, with ``kind="complaint"``; each must
        read the whole batch of lines in a few queries."""
        return [self._evidence_overdue_activities, self._evidence_sanctions]

    def _evidence_sanctions(self, lines):
        """Sanctions in force in the period (``scoring.sanction_in_force``): imposed in it, or
        before it and neither a year old nor lifted by its first day."""
        result = defaultdict(list)
        period = self.period_id
        sanctions = (
            self.env["municipal.bonus.sanction"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", lines.employee_id.ids),
                    ("date", "<=", period.date_to),
                    ("date", ">", period.date_from - relativedelta(years=2)),
                ]
            )
        )
        for sanction in sanctions:
            if not scoring.sanction_in_force(
                sanction.date, sanction.date_lifted, period.date_from, period.date_to
            ):
                continue
            result[sanction.employee_id.id].append(
                {
                    "kind": "sanction",
                    # a sanction imposed before the period counts from its first day
                    "date": max(sanction.date, period.date_from),
                    "description": self.env._(
                        "%(sanction)s of %(date)s: %(misconduct)s",
                        sanction=sanction.display_name,
                        date=sanction.date,
                        misconduct=sanction.description,
                    ),
                    "res_model": sanction._name,
                    "res_id": sanction.id,
                }
            )
        return result

    def _evidence_overdue_activities(self, lines):
        """Mail activities of the employees' users whose deadline fell in the period and that
        were done after it, or are still open past it: overdue documents (temporal)."""
        result = defaultdict(list)
        employee_by_user = {
            employee.user_id.id: employee.id
            for employee in lines.employee_id.sudo()
            if employee.user_id
        }
        if not employee_by_user:
            return result
        period = self.period_id
        today = fields.Date.context_today(self)
        limit = min(today, period.date_to)
        activities = (
            self.env["mail.activity"]
            .sudo()
            .with_context(active_test=False)
            .search_fetch(
                [
                    ("user_id", "in", list(employee_by_user)),
                    ("date_deadline", ">=", period.date_from),
                    ("date_deadline", "<", limit),
                    "|",
                    ("active", "=", True),
                    ("date_done", ">", period.date_from),
                ],
                [
                    "user_id",
                    "date_deadline",
                    "date_done",
                    "active",
                    "summary",
                    "res_model",
                    "res_id",
                    "res_name",
                    "activity_type_id",
                ],
            )
        )
        for activity in activities:
            done = activity.date_done
            if activity.active:
                late = True
            else:
                late = bool(done) and done > activity.date_deadline
            if not late:
                continue
            result[employee_by_user[activity.user_id.id]].append(
                {
                    "kind": "overdue",
                    "date": activity.date_deadline,
                    "description": self.env._(
                        "%(activity)s on %(document)s: deadline %(deadline)s, %(done)s",
                        activity=activity.summary or activity.activity_type_id.name or "",
                        document=activity.res_name or "",
                        deadline=activity.date_deadline,
                        done=self.env._("done on %s", done) if done else self.env._("still open"),
                    ),
                    "res_model": activity.res_model,
                    "res_id": activity.res_id,
                }
            )
        return result

    # ------------------------------------------------------------------ workflow
    def action_submit(self):
        action = self.env._("the submission")
        self._lock_check_groups("municipal_bonus.group_bonus_user", action=action)
        self._lock_check_state(("draft",), action=action)
        for review in self:
            if not review.line_ids:
                raise UserError(
                    self.env._("The bonus review '%(name)s' has no servant.", name=review.name)
                )
            if review.suggestion_count:
                raise UserError(
                    self.env._(
                        "Confirm or discard the %(count)s suggested findings of '%(name)s' "
                        "before submitting it.",
                        count=review.suggestion_count,
                        name=review.name,
                    )
                )
        today = fields.Date.context_today(self)
        for review in self:
            review._lock_write(
                {
                    "state": "submitted",
                    "submitted_date": today,
                    "submitted_by_id": self.env.user.id,
                    "document_number": review.document_number
                    or self.env["ir.sequence"]
                    .with_company(review.company_id)
                    .next_by_code("municipal.bonus.review", sequence_date=today),
                }
            )
        self.invalidate_recordset(["need_validation"])
        with self._lock_lift():
            self.request_validation()
        return True

    def _approve(self):
        self._lock_write(
            {
                "state": "approved",
                "approved_by_id": self.env.user.id,
                "approval_date": fields.Date.context_today(self),
                "rejection_reason": False,
            }
        )

    def action_approve(self):
        """Approval without a configured tier (the tiers approve through validate_tier)."""
        action = self.env._("the approval")
        self._lock_check_groups("municipal_bonus.group_bonus_approver", action=action)
        self._lock_check_state(("submitted",), action=action)
        self._lock_check_not_self(*self._tier_not_self_fields, action=action)
        for review in self:
            if review.review_ids or review.need_validation:
                raise UserError(
                    self.env._(
                        "The bonus review '%(name)s' is approved through its validation tiers.",
                        name=review.name,
                    )
                )
        self._approve()
        return True

    def _on_tiers_validated(self):
        self._approve()

    def _on_tiers_rejected(self):
        reasons = self.review_ids.filtered(lambda r: r.status == "rejected").mapped("comment")
        self._lock_write(
            {"state": "rejected", "rejection_reason": "\n".join(r for r in reasons if r)}
        )

    def action_reject(self, reason):
        """Reject with a reason: the reviewer's pending tiers are rejected, or, without tiers,
        the head of administration rejects directly."""
        action = self.env._("the rejection")
        self._lock_check_groups("municipal_bonus.group_bonus_user", action=action)
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason of the rejection."))
        self._lock_check_state(("submitted",), action=action)
        for review in self:
            if review.review_ids:
                review._tier_decide("reject", comment=reason)
            else:
                review._lock_check_groups("municipal_bonus.group_bonus_approver", action=action)
                review._lock_check_not_self(*self._tier_not_self_fields, action=action)
                review._lock_write({"state": "rejected", "rejection_reason": reason})
        return True

    def action_reset_to_draft(self):
        action = self.env._("the reset to draft")
        self._lock_check_groups("municipal_bonus.group_bonus_user", action=action)
        self._lock_check_state(("rejected",), action=action)
        self.sudo().review_ids.unlink()
        self._lock_write({"state": "draft"})
        return True

    def action_open_reject_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject the bonus review"),
            "res_model": "municipal.bonus.reject.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_review_id": self.id},
        }

    def action_view_suggestions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Suggested findings"),
            "res_model": "municipal.bonus.finding",
            "view_mode": "list,form",
            "domain": [("review_id", "=", self.id), ("state", "=", "suggested")],
        }

    # ------------------------------------------------------------------ reports
    def _appendix_rows(self):
        """Rows of the table of Appendix 1: number, name, position, reduction, the codes and
        the wording of the indicators found."""
        self.ensure_one()
        rows = []
        for number, line in enumerate(self.line_ids.sorted(lambda ln: ln.employee_name), 1):
            rows.append(
                {
                    "number": number,
                    "name": line.employee_name,
                    "position": line.job_title or "",
                    "reduction": line.reduction_percent,
                    "codes": line.indicator_codes or "",
                    "indicators": line._indicator_wordings(),
                }
            )
        return rows

    def _executors(self):
        """The executors who sign Appendix 1: the executor, then the other executors."""
        self.ensure_one()
        return (self.preparer_user_id | self.executor_user_ids).sudo()

    def _official_signatories(self):
        """The signature block of Appendix 1: its executor(s), with their position."""
        self.ensure_one()
        signatories = []
        label = self.env._("Executor of the information")
        for user in self._executors():
            employee = (
                user.employee_ids.filtered(lambda e: e.company_id == self.company_id)[:1]
                or user.employee_ids[:1]
            )
            position = employee.job_title or employee.job_id.name
            signatories.append(
                {
                    "position": f"{label}, {position}" if position else label,
                    "name": employee.name or user.name,
                }
            )
        return signatories or [{"position": label, "name": ""}]

    def _appendix_file_name(self):
        self.ensure_one()
        lang = self.company_id._municipal_document_lang()
        return self.with_context(lang=lang).env._("Appendix 1 — %(name)s", name=self.name)
