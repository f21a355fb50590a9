from odoo import fields, models
from odoo.exceptions import UserError


class CultureCouncilMeeting(models.Model):
    """A meeting of the public council, with its minutes and decisions."""

    _name = "culture.council.meeting"
    _description = "Public Council Meeting"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.lock.mixin"]
    _order = "date desc, id desc"

    # approved minutes are frozen: the head of the department reopens them to correct them
    _lock_states = ("approved",)

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

    def write(self, vals):
        self.check_access("write")  # the access rights answer first, then the lock
        return super().write(vals)

    def action_held(self):
        self._lock_check_groups(
            "culture_rating.group_culture_user", action=self.env._("recording a meeting as held")
        )
        self._lock_transition(
            ("planned",), {"state": "held"}, action=self.env._("recording a meeting as held")
        )
        return True

    def action_approve_minutes(self):
        self._lock_check_groups(
            "culture_rating.group_culture_manager", action=self.env._("approving the minutes")
        )
        self._lock_check_state(("held",), action=self.env._("approving the minutes"))
        for meeting in self:
            if not meeting.minutes:
                raise UserError(self.env._("Write the minutes before approving them."))
        self._lock_write({"state": "approved"})
        return True

    def action_reopen_minutes(self):
        self._lock_check_groups(
            "culture_rating.group_culture_manager", action=self.env._("reopening the minutes")
        )
        self._lock_transition(
            ("approved",), {"state": "held"}, action=self.env._("reopening the minutes")
        )
        for meeting in self:
            meeting.message_post(body=self.env._("Minutes reopened for correction."))
        return True
