from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class EduControlShortcoming(models.Model):
    """A shortcoming found by a control check, analysed for the employee concerned (2.8.3):
    considered at the pedagogical council (or a meeting at the director), with the measures to
    remove it and, if the employee's guilt in the poor quality of the service is established, the
    disciplinary sanction."""

    _name = "edu.control.shortcoming"
    _description = "Shortcoming Analysed per Employee"
    _inherit = ["municipal.lock.mixin"]
    _order = "check_id, employee_name, id"

    # Locked with its check: the analysis of a done check is frozen.
    _lock_state_field = "check_state"
    _lock_states = ("done",)

    check_id = fields.Many2one("edu.control.check", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(
        related="check_id.company_id", store=True, index=True, precompute=True
    )
    organization_id = fields.Many2one(
        related="check_id.organization_id", store=True, index=True, precompute=True
    )
    check_date = fields.Date(related="check_id.date", store=True, string="Date of the check")
    check_state = fields.Selection(related="check_id.state", string="Check stage")
    council_kind = fields.Selection(related="check_id.council_kind")
    council_date = fields.Date(related="check_id.council_date")
    council_minutes = fields.Char(related="check_id.council_minutes")
    employee_name = fields.Char(string="Employee", required=True)
    employee_position = fields.Char(string="Position")
    requirement_id = fields.Many2one(
        "edu.standard.requirement", string="Requirement of the Standard"
    )
    description = fields.Text(string="Shortcoming", required=True)
    measures = fields.Text(
        string="Measures to remove it", help="Measures taken to remove the shortcoming."
    )
    guilt_established = fields.Boolean(
        string="Guilt established",
        help="The employee's guilt in the poor quality of the service is established: only then "
        "a disciplinary sanction is imposed (section 2.8.3).",
    )
    disciplinary_measure = fields.Selection(
        [
            ("none", "None"),
            ("remark", "Remark"),
            ("reprimand", "Reprimand"),
            ("dismissal", "Dismissal"),
        ],
        default="none",
        required=True,
        help="Disciplinary sanction (Labour Code, article 192).",
    )
    measure_note = fields.Char(string="Order / details of the measure")

    @api.constrains("guilt_established", "disciplinary_measure")
    def _check_sanction_needs_guilt(self):
        for shortcoming in self:
            if shortcoming.disciplinary_measure != "none" and not shortcoming.guilt_established:
                raise ValidationError(
                    self.env._(
                        "A disciplinary sanction against %(employee)s is imposed only if the "
                        "employee's guilt in the poor quality of the service is established "
                        "(section 2.8.3).",
                        employee=shortcoming.employee_name,
                    )
                )

    def _check_open(self):
        locked = self.check_id.filtered(lambda check: check._lock_is_locked())
        if locked:
            raise UserError(
                self.env._(
                    "The check %(name)s is done: its shortcomings cannot change.",
                    name=locked[0].name,
                )
            )

    def _employee_spelling(self, check, name):
        """One employee, one name: the name is written as the earlier shortcomings of the same
        organisation wrote it (other cases or spaces are the same name), so that the analysis
        per employee counts one row per person."""
        name = " ".join((name or "").split())
        if not name or not check:
            return name
        known = self.sudo().search(
            [("organization_id", "=", check.organization_id.id), ("employee_name", "=ilike", name)],
            order="id",
            limit=1,
        )
        return known.employee_name if known else name

    @api.model_create_multi
    def create(self, vals_list):
        Check = self.env["edu.control.check"]
        for vals in vals_list:
            if vals.get("employee_name"):
                vals["employee_name"] = self._employee_spelling(
                    Check.browse(vals.get("check_id")).sudo(), vals["employee_name"]
                )
        shortcomings = super().create(vals_list)
        shortcomings._check_open()
        if not self.env.su:
            shortcomings.check_id._check_controller(self.env._("changing a check"))
        return shortcomings

    def write(self, vals):
        if vals.get("employee_name") and len(self.check_id) == 1:
            vals = dict(
                vals,
                employee_name=self._employee_spelling(self.check_id.sudo(), vals["employee_name"]),
            )
        if not self.env.su and set(vals) - self._lock_writable_in(False):
            (self - self._lock_lifted()).check_id._check_controller(self.env._("changing a check"))
        result = super().write(vals)
        if "check_id" in vals:
            self._check_open()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_by_controller(self):
        if not self.env.su:
            (self - self._lock_lifted()).check_id._check_controller(self.env._("changing a check"))
