from odoo import api, fields, models
from odoo.exceptions import UserError

USER_GROUP = "culture_rating.group_culture_user"
MANAGER_GROUP = "culture_rating.group_culture_manager"


class CultureCouncilWorkPlan(models.Model):
    """The work plan of the public council (plan item 2.1: "План работы Общественного совета"):
    its items, who is responsible, the deadlines and what is done. Approved, it is shown to the
    council on the portal and frozen but for the progress of its items."""

    _name = "culture.council.work.plan"
    _description = "Public Council Work Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.lock.mixin"]
    _order = "year desc, id desc"

    _lock_states = ("approved",)
    _lock_workflow_fields = frozenset({"approval_date", "approved_by_id"})

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.today().year, aggregator=False
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved")],
        default="draft",
        required=True,
        tracking=True,
        help="An approved work plan is shown to the public council on the portal.",
    )
    approval_date = fields.Date(readonly=True, copy=False, tracking=True)
    approved_by_id = fields.Many2one("res.users", string="Approved by", readonly=True, copy=False)
    item_ids = fields.One2many("culture.council.work.item", "plan_id", string="Items", copy=True)
    item_count = fields.Integer(compute="_compute_progress", string="Number of items")
    done_count = fields.Integer(compute="_compute_progress", string="Items done")
    overdue_count = fields.Integer(compute="_compute_progress", string="Overdue items")
    note = fields.Html()

    def write(self, vals):
        self.check_access("write")  # the access rights answer first, then the lock
        return super().write(vals)

    @api.depends("item_ids.state", "item_ids.is_overdue")
    def _compute_progress(self):
        for plan in self:
            items = plan.item_ids.filtered(lambda i: i.state != "cancelled")
            plan.item_count = len(items)
            plan.done_count = len(items.filtered(lambda i: i.state == "done"))
            plan.overdue_count = len(items.filtered("is_overdue"))

    def action_approve(self):
        self._lock_check_groups(MANAGER_GROUP, action=self.env._("approving a work plan"))
        self._lock_check_state(("draft",), action=self.env._("approving a work plan"))
        for plan in self:
            if not plan.item_ids:
                raise UserError(self.env._("A work plan needs at least one item."))
            missing = plan.item_ids.filtered(lambda i: not i.date_deadline)
            if missing:
                raise UserError(self.env._("Give a deadline to every item: %s", missing[0].name))
        self._lock_write(
            {
                "state": "approved",
                "approval_date": fields.Date.context_today(self),
                "approved_by_id": self.env.uid,
            }
        )
        return True

    def action_reset_to_draft(self):
        self._lock_check_groups(MANAGER_GROUP, action=self.env._("reopening a work plan"))
        self._lock_transition(
            ("approved",),
            {"state": "draft", "approval_date": False, "approved_by_id": False},
            action=self.env._("reopening a work plan"),
        )
        return True
