from odoo import api, fields, models
from odoo.exceptions import UserError

USER_GROUP = "culture_rating.group_culture_user"


class CultureCouncilWorkItem(models.Model):
    """An item of the public council's work plan (plan item 2.1)."""

    _name = "culture.council.work.item"
    _description = "Public Council Work Plan Item"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.lock.mixin"]
    _order = "plan_id, sequence, date_deadline, id"

    # the items of an approved plan report their progress only
    _lock_state_field = "plan_state"
    _lock_states = {"approved": ("state", "date_done", "result")}

    plan_id = fields.Many2one(
        "culture.council.work.plan", required=True, ondelete="cascade", index=True
    )
    plan_state = fields.Selection(related="plan_id.state", string="Plan status")
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True, tracking=True)
    topic = fields.Selection(
        [
            ("institutions", "Types and list of institutions"),
            ("indicators", "Indicators, periodicity and ways of obtaining information"),
            ("procedure", "Procedure of the assessment"),
            ("results", "Discussion of the results and proposals"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
        help="The subjects of plan item 2.1 (proposals on the institutions, the indicators and "
        "the procedure) and of item 2.2 (discussion of the results).",
    )
    responsible_id = fields.Many2one(
        "res.partner",
        tracking=True,
        help="Member of the council or of the department.",
    )
    responsible_name = fields.Char(
        string="Responsible person", help="Name and position, when not a contact."
    )
    responsible_display = fields.Char(
        compute="_compute_responsible_display",
        store=True,
        string="Responsible (as shown)",
        help="The name shown to the council on the portal (a member cannot read the contacts).",
    )
    date_deadline = fields.Date(string="Deadline", tracking=True)
    date_done = fields.Date(string="Done on", tracking=True)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
    )
    result = fields.Text(help="What was done: the proposals formed, the decision taken.")
    meeting_id = fields.Many2one("culture.council.meeting")
    proposal_ids = fields.Many2many("culture.proposal", string="Proposals formed")
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue", string="Overdue"
    )

    @api.depends("responsible_id.name", "responsible_name")
    def _compute_responsible_display(self):
        for item in self:
            names = [item.responsible_id.name, item.responsible_name]
            item.responsible_display = ", ".join(name for name in names if name) or False

    @api.depends("date_deadline", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for item in self:
            item.is_overdue = bool(
                item.state == "planned" and item.date_deadline and item.date_deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the overdue flag."))
        domain = [
            ("state", "=", "planned"),
            ("date_deadline", "<", fields.Date.context_today(self)),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["culture.council.work.plan"].browse(
            [vals["plan_id"] for vals in vals_list if vals.get("plan_id")]
        )
        locked = plans.filtered(lambda p: p._lock_is_locked()) - plans._lock_lifted()
        if locked:
            raise UserError(
                self.env._("%s is approved: reopen it to add an item.", locked[0].display_name)
            )
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")  # the access rights answer first, then the lock
        return super().write(vals)

    def action_done(self):
        self._lock_check_groups(USER_GROUP, action=self.env._("recording an item as done"))
        for item in self:
            if item.state != "planned":
                raise UserError(self.env._("Only a planned item can be done."))
            if not item.result:
                raise UserError(self.env._("Write what was done before closing the item."))
        self.write({"state": "done", "date_done": fields.Date.context_today(self)})
        return True

    def action_cancel(self):
        self._lock_check_groups(USER_GROUP, action=self.env._("cancelling an item"))
        self.filtered(lambda i: i.state == "planned").write({"state": "cancelled"})
        return True

    def action_reopen(self):
        self._lock_check_groups(USER_GROUP, action=self.env._("reopening an item"))
        self.filtered(lambda i: i.state != "planned").write(
            {"state": "planned", "date_done": False}
        )
        return True
