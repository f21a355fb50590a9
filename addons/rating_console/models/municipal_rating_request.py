from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .indicators import usage_refused


class MunicipalRatingRequest(models.Model):
    """A request for the rating results (order 4.4-4.7) and the purpose they will serve.

    The results are public information; they may serve analysis, improvement of the service,
    monthly bonuses and cooperation agreements, but never a disciplinary or other sanction (4.8):
    such a request is refused with a clear error, whoever asks.
    """

    _name = "municipal.rating.request"
    _description = "Request for Rating Results"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "request_date desc, id desc"

    name = fields.Char(string="Requester", required=True, tracking=True)
    requester_type = fields.Selection(
        [
            ("management", "City council management"),
            ("participant", "Participant of the centre"),
            ("department", "Department of the city council"),
            ("media", "Mass media"),
            ("citizen", "Citizen or legal entity"),
            ("law_enforcement", "Court or law-enforcement body"),
        ],
        required=True,
        default="management",
        tracking=True,
    )
    request_date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    purpose = fields.Selection(
        [
            ("analysis", "Analysis of the quality and efficiency of work"),
            ("improvement", "Measures to improve the service"),
            ("bonus", "Monthly bonus review"),
            ("cooperation", "Cooperation agreement follow-up"),
            ("public_information", "Access to public information"),
            ("legal_request", "Written request of a court or law-enforcement body"),
            ("disciplinary", "Disciplinary or other sanction"),
        ],
        required=True,
        default="analysis",
        tracking=True,
    )
    office_ids = fields.Many2many("municipal.office", string="Offices")
    employee_id = fields.Many2one("hr.employee", string="Operator")
    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [("draft", "Received"), ("answered", "Answered")],
        default="draft",
        required=True,
        tracking=True,
    )
    answer = fields.Html()

    @api.constrains("purpose")
    def _check_purpose(self):
        for request in self:
            if usage_refused(request.purpose):
                raise ValidationError(
                    self.env._(
                        "The results of the rating consoles cannot be grounds for a disciplinary "
                        "or other sanction against an employee (order, section 4.8). The request "
                        "of %(requester)s is refused.",
                        requester=request.name,
                    )
                )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for request in self:
            if request.date_from and request.date_to and request.date_from > request.date_to:
                raise ValidationError(self.env._("The period ends before it starts."))

    def action_answer(self):
        for request in self:
            request._check_purpose()
        self.state = "answered"
        return True
