from odoo import api, fields, models
from odoo.exceptions import UserError


class CultureProposal(models.Model):
    """A proposal of a public council member (plan items 2.1, 2.2)."""

    _name = "culture.proposal"
    _description = "Public Council Proposal"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.lock.mixin"]
    _order = "create_date desc, id desc"

    # a decided proposal (and its answer) is frozen; its author is who created it
    _lock_states = ("accepted", "rejected")
    _lock_workflow_fields = frozenset({"author_id"})

    name = fields.Char(string="Subject", required=True, tracking=True)
    proposal_type = fields.Selection(
        [
            ("indicators", "Indicators of the assessment"),
            ("institutions", "Types and list of institutions"),
            ("procedure", "Procedure of the assessment"),
            ("quality", "Improving the quality of services"),
        ],
        string="Type",
        required=True,
        default="quality",
        tracking=True,
    )
    description = fields.Text(required=True)
    author_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    campaign_id = fields.Many2one("culture.campaign")
    method_id = fields.Many2one("culture.method")
    institution_id = fields.Many2one("culture.institution")
    meeting_id = fields.Many2one("culture.council.meeting")
    state = fields.Selection(
        [
            ("submitted", "Submitted"),
            ("accepted", "Accepted"),
            ("rejected", "Rejected"),
        ],
        default="submitted",
        required=True,
        tracking=True,
    )
    answer = fields.Text(help="Answer of the culture department, shown to the council.")

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.user.share:
            # portal members: only what a proposal says, always as its author, never a decision
            allowed = {
                "name",
                "proposal_type",
                "description",
                "campaign_id",
                "institution_id",
                "method_id",
            }
            for vals in vals_list:
                if set(vals) - allowed:
                    raise UserError(self.env._("A proposal only takes a subject and a text."))
                vals["author_id"] = self.env.uid
            # the only fields were checked just above: the author is set by the server
            with self.browse()._lock_lift():
                return super().create(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")  # the access rights answer first, then the lock
        return super().write(vals)

    def action_accept(self):
        self._decide("accepted")
        return True

    def action_reject(self):
        self._decide("rejected")
        return True

    def _decide(self, state):
        self._lock_check_groups(
            "culture_rating.group_culture_manager", action=self.env._("deciding a proposal")
        )
        for proposal in self:
            if proposal.state != "submitted":
                raise UserError(self.env._("The proposal has already been decided."))
            if not proposal.answer:
                raise UserError(self.env._("Write the answer to the author first."))
        self._lock_write({"state": state})
        return True
