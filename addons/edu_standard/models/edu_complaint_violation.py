from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from . import deadlines


def _same_person(one, other):
    """Two names of a person, written with other cases or spaces, are the same name."""
    return (
        bool(one and other)
        and " ".join(one.split()).casefold() == " ".join(other.split()).casefold()
    )


class EduComplaintViolation(models.Model):
    """A violation of the Standard examined by the investigation of a complaint (2.6.5 a-c):
    the fact, the employee responsible, the disciplinary measure and the remedy."""

    _name = "edu.complaint.violation"
    _description = "Violation Examined for a Complaint"
    _inherit = ["municipal.lock.mixin"]
    _order = "complaint_id, sequence, id"

    # Locked with its complaint: once the complaint is answered, its investigation is frozen.
    _lock_state_field = "complaint_state"
    _lock_states = ("answered", "closed")

    sequence = fields.Integer(default=10)
    complaint_id = fields.Many2one("edu.complaint", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(
        related="complaint_id.company_id", store=True, index=True, precompute=True
    )
    requirement_id = fields.Many2one(
        "edu.standard.requirement", string="Requirement of the Standard"
    )
    complaint_state = fields.Selection(related="complaint_id.state", string="Complaint stage")
    description = fields.Char(string="Violation", required=True)
    established = fields.Boolean(
        default=True, help="The investigation established the fact of the violation."
    )
    employee_name = fields.Char(
        string="Employee responsible", help="Employee of the organisation who committed it."
    )
    employee_position = fields.Char(string="Position")
    against_head = fields.Boolean(
        string="Head of the organisation",
        compute="_compute_against_head",
        store=True,
        readonly=False,
        help="The employee responsible is the head of the organisation. On a complaint checked "
        "on the instruction of the education department, the organisation's own check entails "
        "no measure of responsibility against its head (section 2.6.6).",
    )
    disciplinary_measure = fields.Selection(
        [
            ("none", "None"),
            ("remark", "Remark"),
            ("reprimand", "Reprimand"),
            ("dismissal", "Dismissal"),
        ],
        default="none",
        help="Disciplinary sanction applied to the employee (Labour Code, article 192).",
    )
    measure_note = fields.Char(string="Order / details of the measure")
    remedy = fields.Text(help="What was done to remove the violation.")
    remedied = fields.Boolean()
    remedy_date = fields.Date(string="Remedied on")

    @api.depends("employee_name", "complaint_id.organization_id.head_name")
    def _compute_against_head(self):
        for violation in self:
            head = violation.complaint_id.organization_id.head_name
            violation.against_head = violation.against_head or _same_person(
                violation.employee_name, head
            )

    @api.constrains("against_head", "disciplinary_measure", "employee_name", "complaint_id")
    def _check_no_sanction_against_the_head(self):
        """2.6.6: "the establishment of the fact of a violation by the organisation itself does
        not entail measures of responsibility against the head of the organisation"."""
        for violation in self:
            complaint = violation.complaint_id
            if (
                complaint.level == deadlines.DEPARTMENT
                and violation.disciplinary_measure not in (False, "none")
                and (
                    violation.against_head
                    or _same_person(violation.employee_name, complaint.organization_id.head_name)
                )
            ):
                raise ValidationError(
                    self.env._(
                        "The complaint %(name)s is checked on the instruction of the education "
                        "department: the organisation's check entails no measure of "
                        "responsibility against its head (section 2.6.6).",
                        name=complaint.name,
                    )
                )

    @api.onchange("remedied")
    def _onchange_remedied(self):
        if self.remedied and not self.remedy_date:
            self.remedy_date = fields.Date.context_today(self)

    def _check_complaint_open(self, complaints):
        locked = complaints.filtered(lambda c: c._lock_is_locked())
        if locked:
            raise UserError(
                self.env._(
                    "The complaint %(name)s is answered: its investigation is locked.",
                    name=locked[0].name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        violations = super().create(vals_list)
        self._check_complaint_open(violations.complaint_id)
        return violations

    def write(self, vals):
        # a violation of an answered complaint is refused by the lock (naming the field)
        result = super().write(vals)
        if "complaint_id" in vals:
            self._check_complaint_open(self.complaint_id)
        return result
