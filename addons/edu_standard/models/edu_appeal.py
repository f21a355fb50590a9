from odoo import api, fields, models
from odoo.exceptions import ValidationError

from . import deadlines

# Section 2.6.3: the four ways in which an applicant appeals a violation of the Standard
APPEAL_WAYS = [
    ("employee", "Pointed out to an employee of the organisation"),
    (deadlines.ORGANIZATION, "Complaint to the head of the organisation"),
    (deadlines.DEPARTMENT, "Complaint to the head of the education department"),
    ("court", "Appeal to a court"),
]
# The two ways that are complaints of the register (edu.complaint at that level)
COMPLAINT_WAYS = (deadlines.ORGANIZATION, deadlines.DEPARTMENT)


class EduAppeal(models.Model):
    """One way in which an applicant appealed a violation of the Standard (2.6.3): pointing it
    out to an employee for its immediate removal or an apology (2.6.4), a complaint to the head
    of the organisation (2.6.5) or of the education department (2.6.6), an appeal to a court.
    The applicant appeals "on condition of his legal capacity": it is confirmed on recording."""

    _name = "edu.appeal"
    _description = "Appeal against a Violation of the Education Quality Standard"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    way = fields.Selection(APPEAL_WAYS, string="Way of appeal", required=True, tracking=True)
    applicant_id = fields.Many2one("res.partner", required=True, index=True, tracking=True)
    legal_capacity_confirmed = fields.Boolean(
        string="Legal capacity confirmed",
        tracking=True,
        help="The applicant (the pupil or his parent, legal representative) appeals on condition "
        "of his legal capacity (section 2.6.3).",
    )
    organization_id = fields.Many2one(
        "edu.organization",
        string="Organisation",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    company_id = fields.Many2one(
        related="organization_id.company_id", store=True, index=True, precompute=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    description = fields.Text(string="Violation pointed out", required=True)
    complaint_id = fields.Many2one(
        "edu.complaint",
        index=True,
        ondelete="cascade",
        help="The complaint of the register (for a complaint to the head of the organisation or "
        "of the education department), or the complaint the appeal follows.",
    )
    employee_name = fields.Char(
        string="Employee",
        help="Employee of the organisation to whom the violation was pointed out.",
    )
    employee_result = fields.Selection(
        [
            ("removed", "Violation removed at once"),
            ("apologised", "Apology given"),
            ("removed_apologised", "Violation removed and apology given"),
            ("not_removed", "Not removed: other ways of appeal are open"),
        ],
        string="Result",
        help="Section 2.6.4: when the employee cannot or will not remove the violation or "
        "apologise, the applicant uses the other ways of appeal.",
    )
    court_name = fields.Char(string="Court")
    case_number = fields.Char(string="Case number")
    court_decision_date = fields.Date(string="Decided on")
    court_decision = fields.Text(string="Decision")

    @api.constrains(
        "way", "complaint_id", "legal_capacity_confirmed", "employee_name", "court_name", "date"
    )
    def _check_way(self):
        for appeal in self:
            if not appeal.legal_capacity_confirmed:
                raise ValidationError(
                    self.env._(
                        "Confirm the legal capacity of the applicant: he appeals on that "
                        "condition (section 2.6.3)."
                    )
                )
            if appeal.way in COMPLAINT_WAYS and (
                not appeal.complaint_id or appeal.complaint_id.level != appeal.way
            ):
                raise ValidationError(
                    self.env._(
                        "A complaint to the head of the organisation or of the education "
                        "department is the complaint of the register at that level: link it."
                    )
                )
            if appeal.way == "employee" and not (appeal.employee_name or "").strip():
                raise ValidationError(
                    self.env._("Name the employee to whom the violation was pointed out.")
                )
            if appeal.way == "court" and not (appeal.court_name or "").strip():
                raise ValidationError(self.env._("Name the court."))
            if appeal.date > fields.Date.context_today(self):
                raise ValidationError(self.env._("An appeal cannot be dated in the future."))
