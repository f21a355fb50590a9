from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from . import scoring

USER_GROUP = "culture_rating.group_culture_user"


class CultureDisclosureCheck(models.Model):
    """A check of an institution's disclosure at any time of the year (plan item 3.1: the
    institutions disclose "постоянно", continuously): dated, by whom, with its result item by
    item. The yearly campaign has its own checks (culture.checklist.line), used by the scoring;
    these are the department's monitoring between campaigns."""

    _name = "culture.disclosure.check"
    _description = "Disclosure Check"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.lock.mixin"]
    _order = "check_date desc, id desc"
    _rec_names_search = ["institution_id.name"]

    # a recorded check is a fact: frozen, with its date and who made it
    _lock_states = ("done",)
    _lock_workflow_fields = frozenset({"checked_by_id", "done_on"})

    name = fields.Char(compute="_compute_name")
    institution_id = fields.Many2one(
        "culture.institution", required=True, index=True, tracking=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="institution_id.company_id", store=True, index=True)
    check_date = fields.Date(
        string="Checked on",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="Day the website and the stands were checked.",
    )
    reason = fields.Char(help="Why this check: a complaint, a scheduled review, a request...")
    checked_by_id = fields.Many2one(
        "res.users",
        string="Checked by",
        readonly=True,
        copy=False,
        tracking=True,
        help="Who recorded the check (set by the server when the check is recorded).",
    )
    done_on = fields.Datetime(string="Recorded on", readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Recorded")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many("culture.disclosure.check.line", "check_id", string="Items")
    published_count = fields.Integer(
        compute="_compute_result", store=True, string="Published on the website"
    )
    required_count = fields.Integer(
        compute="_compute_result", store=True, string="Required on the website"
    )
    stand_count = fields.Integer(compute="_compute_result", store=True, string="On the stands")
    stand_required_count = fields.Integer(
        compute="_compute_result", store=True, string="Required on the stands"
    )
    rate = fields.Float(
        compute="_compute_result",
        store=True,
        digits=(5, 2),
        aggregator="avg",
        string="Website disclosure (%)",
        help="Items published on the website / items required on the website x 100.",
    )
    missing_item_ids = fields.Many2many(
        "culture.checklist.item", compute="_compute_missing", string="Missing or incomplete"
    )
    note = fields.Html()

    def write(self, vals):
        self.check_access("write")  # the access rights answer first, then the lock
        return super().write(vals)

    @api.depends("institution_id.name", "check_date")
    @api.depends_context("lang")
    def _compute_name(self):
        for check in self:
            check.name = self.env._(
                "Disclosure check %(date)s: %(institution)s",
                date=check.check_date or "",
                institution=check.institution_id.name or "",
            )

    @api.depends(
        "line_ids.state",
        "line_ids.on_stand",
        "line_ids.required_on_site",
        "line_ids.required_on_stand",
    )
    def _compute_result(self):
        for check in self:
            site = check.line_ids.filtered("required_on_site")
            stand = check.line_ids.filtered("required_on_stand")
            published = site.filtered(lambda line: line.state == "published")
            check.required_count = len(site)
            check.published_count = len(published)
            check.stand_required_count = len(stand)
            check.stand_count = len(stand.filtered("on_stand"))
            check.rate = scoring.round2(len(published) / len(site) * 100) if site else 0.0

    @api.depends("line_ids.state", "line_ids.required_on_site")
    def _compute_missing(self):
        for check in self:
            check.missing_item_ids = check.line_ids.filtered(
                lambda line: line.required_on_site and line.state != "published"
            ).item_id

    @api.constrains("check_date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        for check in self:
            if check.check_date > today:
                raise ValidationError(self.env._("A check cannot be dated in the future."))

    @api.model_create_multi
    def create(self, vals_list):
        items = self.env["culture.checklist.item"].search([("active", "=", True)])
        for vals in vals_list:
            if vals.get("checked_by_id") or vals.get("state", "draft") != "draft":
                raise UserError(self.env._("A check is recorded by its button."))
            if not vals.get("line_ids"):
                vals["line_ids"] = [Command.create({"item_id": item.id}) for item in items]
        return super().create(vals_list)

    def action_done(self):
        self._lock_check_groups(USER_GROUP, action=self.env._("recording a disclosure check"))
        self._lock_check_state(("draft",), action=self.env._("recording a disclosure check"))
        for check in self:
            unchecked = check.line_ids.filtered(lambda line: line.state == "not_checked")
            if unchecked:
                raise UserError(
                    self.env._(
                        "Give the status of every item: %s is not checked.",
                        unchecked[0].item_id.name,
                    )
                )
        self._lock_write(
            {"state": "done", "checked_by_id": self.env.uid, "done_on": fields.Datetime.now()}
        )
        return True
