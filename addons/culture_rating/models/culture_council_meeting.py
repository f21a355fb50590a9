from odoo import fields, models
from odoo.exceptions import UserError


class CultureCouncilMeeting(models.Model):
    """A meeting of the public council, with its minutes and decisions."""

    _name = "culture.council.meeting"
    _description = "Public Council Meeting"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    campaign_id = fields.Many2one("culture.campaign", index=True)
    state = fields.Selection(
        [("planned", "Planned"), ("held", "Held"), ("approved", "Minutes approved")],
        default="planned",
        required=True,
        tracking=True,
        help="Approved minutes are shown to the public council on the portal.",
    )
    attendee_ids = fields.Many2many("res.partner", string="Attendees")
    agenda = fields.Html()
    minutes = fields.Html()
    decisions = fields.Html()
    proposal_ids = fields.One2many("culture.proposal", "meeting_id", string="Proposals examined")

    def action_held(self):
        self.write({"state": "held"})

    def action_approve_minutes(self):
        for meeting in self:
            if not meeting.minutes:
                raise UserError(self.env._("Write the minutes before approving them."))
        self.write({"state": "approved"})

    def write(self, vals):
        self.check_access("write")
        if self.filtered(lambda m: m.state == "approved") and set(vals) - {"state"}:
            raise UserError(self.env._("Approved minutes are locked."))
        return super().write(vals)
