from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class EduInformationRequest(models.Model):
    """Section 2.7.2: the information on the service is open and public; a citizen whom the
    information received in an organisation does not satisfy addresses the head of the education
    department, in writing or orally. A request for information, not a complaint: no violation
    of the Standard is alleged, no filing term runs, nobody is sanctioned."""

    _name = "edu.information.request"
    _description = "Request for Information on the Education Service"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.lock.mixin"]
    _order = "date_received desc, id desc"
    _rec_name = "subject"

    _lock_states = ("answered",)
    _lock_workflow_fields = frozenset({"state", "answer_date"})

    subject = fields.Char(required=True, tracking=True)
    applicant_id = fields.Many2one("res.partner", string="Citizen", required=True, tracking=True)
    organization_id = fields.Many2one(
        "edu.organization",
        string="Organisation",
        ondelete="restrict",
        tracking=True,
        help="The organisation whose information did not satisfy the citizen.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    channel = fields.Selection(
        [("written", "Written"), ("oral", "Oral")], required=True, default="written"
    )
    date_received = fields.Date(
        string="Received on", required=True, default=fields.Date.context_today, tracking=True
    )
    question = fields.Text(string="Information requested", required=True)
    answer = fields.Text(string="Information given")
    answer_date = fields.Date(string="Answered on", readonly=True, copy=False, tracking=True)
    state = fields.Selection(
        [("received", "Received"), ("answered", "Answered")],
        required=True,
        default="received",
        tracking=True,
        copy=False,
    )

    @api.constrains("organization_id", "company_id")
    def _check_company(self):
        for request in self:
            if request.organization_id and request.organization_id.company_id != request.company_id:
                raise ValidationError(
                    self.env._("The organisation belongs to another municipality.")
                )

    def action_answer(self):
        self._lock_check_groups(
            "edu_standard.group_edu_user", action=self.env._("the answer to a request")
        )
        for request in self:
            if request.state != "received":
                raise UserError(self.env._("This request is already answered."))
            if not (request.answer or "").strip():
                raise UserError(self.env._("Write the information given before answering."))
        self._lock_write({"state": "answered", "answer_date": fields.Date.context_today(self)})
        return True
