from odoo import api, fields, models
from odoo.exceptions import UserError

USER_GROUP = "culture_rating.group_culture_user"
MANAGER_GROUP = "culture_rating.group_culture_manager"


class CultureImprovementPlan(models.Model):
    """Plan of measures of an institution after a campaign (plan items 1.1, 1.2)."""

    _name = "culture.improvement.plan"
    _description = "Improvement Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.lock.mixin"]
    _order = "year desc, institution_id"
    _rec_names_search = ["institution_id.name", "campaign_id.name"]

    # approved by the head of the department: the plan is frozen (its measures report their
    # progress, see culture.improvement.measure); only the manager reopens it
    _lock_states = ("approved", "done", "cancelled")
    _lock_workflow_fields = frozenset({"approval_date"})

    # in the reader's language (a stored name would keep the language of whoever created it)
    name = fields.Char(compute="_compute_name")
    assessment_id = fields.Many2one(
        "culture.assessment", required=True, ondelete="restrict", index=True, tracking=True
    )
    campaign_id = fields.Many2one(
        related="assessment_id.campaign_id", store=True, index=True, string="Campaign"
    )
    institution_id = fields.Many2one(
        related="assessment_id.institution_id", store=True, index=True, string="Institution"
    )
    year = fields.Integer(related="assessment_id.year", store=True, aggregator=False)
    company_id = fields.Many2one(related="assessment_id.company_id", store=True, index=True)
    total = fields.Float(related="assessment_id.total", string="Score", aggregator="avg")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        help="Approved plans are shown to the public council and published with the results.",
    )
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True
    )
    approval_date = fields.Date(readonly=True, tracking=True)
    measure_ids = fields.One2many("culture.improvement.measure", "plan_id", string="Measures")
    measure_count = fields.Integer(compute="_compute_progress")
    done_count = fields.Integer(compute="_compute_progress", string="Measures done")
    overdue_count = fields.Integer(compute="_compute_progress", string="Overdue measures")
    progress = fields.Float(compute="_compute_progress", digits=(5, 2), string="Progress (%)")
    note = fields.Html()

    def write(self, vals):
        self.check_access("write")  # the access rights answer first, then the lock
        return super().write(vals)

    @api.depends("institution_id.name", "year")
    @api.depends_context("lang")
    def _compute_name(self):
        for plan in self:
            plan.name = self.env._(
                "Improvement plan %(year)s: %(institution)s",
                year=plan.year or "",
                institution=plan.institution_id.name or "",
            )

    @api.depends("measure_ids.state", "measure_ids.is_overdue")
    def _compute_progress(self):
        for plan in self:
            measures = plan.measure_ids.filtered(lambda m: m.state != "cancelled")
            done = measures.filtered(lambda m: m.state == "done")
            plan.measure_count = len(measures)
            plan.done_count = len(done)
            plan.overdue_count = len(measures.filtered("is_overdue"))
            plan.progress = len(done) / len(measures) * 100 if measures else 0.0

    def action_approve(self):
        self._lock_check_groups(MANAGER_GROUP, action=self.env._("approving a plan"))
        for plan in self:
            if plan.state != "draft":
                raise UserError(self.env._("Only a draft plan can be approved."))
            if not plan.measure_ids:
                raise UserError(self.env._("A plan needs at least one measure."))
            missing = plan.measure_ids.filtered(lambda m: not m.date_deadline)
            if missing:
                raise UserError(self.env._("Give a deadline to every measure: %s", missing[0].name))
            plan._lock_write({"state": "approved", "approval_date": fields.Date.today()})
        self.measure_ids._schedule_deadline_activities()
        return True

    def action_done(self):
        self._lock_check_groups(USER_GROUP, action=self.env._("closing a plan"))
        self._lock_check_state(("approved",), action=self.env._("closing a plan"))
        for plan in self:
            if plan.measure_ids.filtered(lambda m: m.state in ("planned", "in_progress")):
                raise UserError(self.env._("Some measures are not finished yet."))
        self._lock_write({"state": "done"})
        return True

    def action_cancel(self):
        self._lock_check_groups(USER_GROUP, action=self.env._("cancelling a plan"))
        self._lock_check_state(("draft", "approved"), action=self.env._("cancelling a plan"))
        if self.filtered(lambda p: p.state == "approved"):
            # an approved plan is a decision of the head of the department
            self._lock_check_groups(MANAGER_GROUP, action=self.env._("cancelling an approved plan"))
        self._lock_write({"state": "cancelled"})
        return True

    def action_reset_to_draft(self):
        self._lock_check_groups(MANAGER_GROUP, action=self.env._("reopening a plan"))
        self._lock_check_state(("approved", "cancelled"), action=self.env._("reopening a plan"))
        self._lock_write({"state": "draft", "approval_date": False})
        return True
