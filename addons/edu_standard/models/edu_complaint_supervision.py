from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from . import deadlines

# What the supervisory body may still send once the complaint is answered: its outcome
OUTCOME_FIELDS = ("outcome", "outcome_date", "outcome_note")


class EduComplaintSupervision(models.Model):
    """Referral of a complaint addressed to the head of the education department to the state
    supervisory body in education (section 2.6.6): "to take measures and actions to detect and
    remove the violations stated in the complaint". Only the department refers."""

    _name = "edu.complaint.supervision"
    _description = "Referral of a Complaint to the Supervisory Body"
    _inherit = ["mail.thread", "municipal.lock.mixin"]
    _order = "date desc, id desc"
    _rec_name = "complaint_id"

    # Locked with its complaint; the outcome of the supervisory body may still be recorded.
    _lock_state_field = "complaint_state"
    _lock_states = {"answered": OUTCOME_FIELDS, "closed": OUTCOME_FIELDS}

    complaint_id = fields.Many2one(
        "edu.complaint", required=True, index=True, ondelete="cascade", tracking=True
    )
    company_id = fields.Many2one(
        related="complaint_id.company_id", store=True, index=True, precompute=True
    )
    complaint_state = fields.Selection(related="complaint_id.state", string="Complaint stage")
    date = fields.Date(
        string="Referred on",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    addressee_id = fields.Many2one(
        "res.partner",
        string="Supervisory body",
        required=True,
        tracking=True,
        help="The state supervisory body in education addressed by the education department.",
    )
    reference = fields.Char(string="Outgoing number", tracking=True)
    request = fields.Text(
        string="Measures requested",
        help="What the department asks the supervisory body to detect and remove.",
    )
    outcome = fields.Selection(
        [
            ("pending", "Awaiting the answer"),
            ("violations_found", "Violations detected, measures taken"),
            ("no_violations", "No violation detected"),
            ("declined", "Declined by the supervisory body"),
        ],
        required=True,
        default="pending",
        tracking=True,
    )
    outcome_date = fields.Date(string="Answered on", tracking=True)
    outcome_note = fields.Text(string="Answer of the supervisory body")

    @api.constrains("complaint_id", "date", "outcome", "outcome_date")
    def _check_referral(self):
        for referral in self:
            complaint = referral.complaint_id
            if complaint.level != deadlines.DEPARTMENT:
                raise ValidationError(
                    self.env._(
                        "Only a complaint addressed to the head of the education department is "
                        "referred to the supervisory body (section 2.6.6)."
                    )
                )
            if referral.date < complaint.date_filed:
                raise ValidationError(
                    self.env._("The referral cannot precede the filing of the complaint.")
                )
            if referral.outcome_date and referral.outcome_date < referral.date:
                raise ValidationError(
                    self.env._("The supervisory body cannot answer before the referral.")
                )
            if referral.outcome != "pending" and not referral.outcome_date:
                raise ValidationError(
                    self.env._("Give the day of the answer of the supervisory body.")
                )

    def _check_department(self):
        if not (self.env.su or self.env.user.has_group("edu_standard.group_edu_user")):
            raise AccessError(
                self.env._(
                    "Only the education department refers a complaint to the supervisory body."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_department()
        referrals = super().create(vals_list)
        locked = referrals.complaint_id.filtered(lambda c: c._lock_is_locked())
        if locked:
            raise UserError(
                self.env._(
                    "The complaint %(name)s is answered: it is no longer referred.",
                    name=locked[0].name,
                )
            )
        referrals.complaint_id.filtered(lambda c: not c.supervision_notified)._transition(
            {"supervision_notified": True}
        )
        for referral in referrals:
            referral.complaint_id.message_post(
                body=self.env._(
                    "Referred to the supervisory body %(addressee)s on %(date)s.",
                    addressee=referral.addressee_id.display_name,
                    date=fields.Date.to_string(referral.date),
                )
            )
        return referrals

    def write(self, vals):
        self._check_department()
        return super().write(vals)

    def unlink(self):
        self._check_department()
        return super().unlink()
