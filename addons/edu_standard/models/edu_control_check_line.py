from odoo import api, fields, models
from odoo.exceptions import UserError


class EduControlCheckLine(models.Model):
    """A complaint of the period examined by a control check, and whether measures were taken."""

    _name = "edu.control.check.line"
    _description = "Complaint Examined by a Control Check"
    _inherit = ["municipal.lock.mixin"]
    _order = "check_id, id"

    # Locked with its check: the complaints examined by a done check are frozen.
    _lock_state_field = "check_state"
    _lock_states = ("done",)

    check_id = fields.Many2one("edu.control.check", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(
        related="check_id.company_id", store=True, index=True, precompute=True
    )
    check_state = fields.Selection(related="check_id.state", string="Check stage")
    complaint_id = fields.Many2one("edu.complaint", required=True, ondelete="restrict")
    date_filed = fields.Date(related="complaint_id.date_filed")
    complaint_state = fields.Selection(related="complaint_id.state", string="Complaint stage")
    outcome = fields.Selection(related="complaint_id.outcome")
    level = fields.Selection(related="complaint_id.level", string="Addressed to")
    book_expected = fields.Boolean(
        string="Belongs in the book",
        compute="_compute_book_expected",
        store=True,
        help="A complaint to the head of the organisation is recorded in its complaints book.",
    )
    in_book = fields.Boolean(
        string="In the book",
        compute="_compute_in_book",
        store=True,
        help="An entry of the complaints book typed in by the check records this complaint.",
    )
    measures_taken = fields.Boolean(
        help="The complaint was answered: refused with its reasons, or every violation it "
        "established was remedied."
    )
    note = fields.Char()

    @api.depends("complaint_id.level")
    def _compute_book_expected(self):
        for line in self:
            line.book_expected = line.complaint_id.level == "organization"

    @api.depends("complaint_id", "check_id.book_entry_ids.complaint_id")
    def _compute_in_book(self):
        for line in self:
            line.in_book = line.complaint_id in line.check_id.book_entry_ids.complaint_id

    @api.model
    def _measures_taken(self, complaint):
        if complaint.state not in ("answered", "closed"):
            return False
        if complaint.outcome == "refused":
            return True
        established = complaint.violation_ids.filtered("established")
        return all(established.mapped("remedied"))

    def _check_open(self):
        locked = self.check_id.filtered(lambda check: check._lock_is_locked())
        if locked:
            raise UserError(
                self.env._(
                    "The check %(name)s is done: its complaints cannot change.",
                    name=locked[0].name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_open()
        if not self.env.su:
            lines.check_id._check_controller(self.env._("changing a check"))
        return lines

    def write(self, vals):
        # a line of a done check is refused by the lock (naming the field)
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
