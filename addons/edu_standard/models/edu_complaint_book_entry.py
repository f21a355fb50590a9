from odoo import api, fields, models
from odoo.exceptions import UserError


class EduComplaintBookEntry(models.Model):
    """An entry of the organisation's physical complaints book, typed in from the book by the
    check of the complaints book (2.8.5.3), to be compared with the complaints in Odoo."""

    _name = "edu.complaint.book.entry"
    _description = "Entry of the Complaints Book"
    _inherit = ["municipal.lock.mixin"]
    _order = "check_id, entry_date, id"

    # Locked with its check: the entries typed in by a done check are frozen.
    _lock_state_field = "check_state"
    _lock_states = ("done",)
    # the match is the comparison's (``edu.control.check._compare_book``), never the client's
    _lock_workflow_fields = frozenset({"complaint_id"})

    check_id = fields.Many2one("edu.control.check", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(
        related="check_id.company_id", store=True, index=True, precompute=True
    )
    check_state = fields.Selection(related="check_id.state", string="Check stage")
    entry_number = fields.Char(string="No. in the book", help="Number or page of the entry.")
    entry_date = fields.Date(string="Date of the entry", required=True)
    applicant_name = fields.Char(string="Applicant", required=True)
    complaint_number = fields.Char(
        string="Complaint number noted",
        help="The number of the complaint in the register, when the book notes it.",
    )
    content = fields.Text(string="Complaint as written")
    measures_noted = fields.Char(
        string="Measures noted in the book",
        help="The measures taken on the complaint, as the book records them.",
    )
    complaint_id = fields.Many2one(
        "edu.complaint",
        string="Complaint in Odoo",
        readonly=True,
        ondelete="set null",
        help="The complaint of the register this entry was matched with by the comparison.",
    )
    in_register = fields.Boolean(string="In Odoo", compute="_compute_in_register", store=True)

    @api.depends("complaint_id")
    def _compute_in_register(self):
        for entry in self:
            entry.in_register = bool(entry.complaint_id)

    def _check_open(self):
        locked = self.check_id.filtered(lambda check: check._lock_is_locked())
        if locked:
            raise UserError(
                self.env._(
                    "The check %(name)s is done: its entries of the book cannot change.",
                    name=locked[0].name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("complaint_id") for vals in vals_list):
            raise UserError(
                self.env._(
                    "The complaint in Odoo of an entry of the complaints book is found by the "
                    "comparison of the book, never typed in."
                )
            )
        entries = super().create(vals_list)
        entries._check_open()
        if not self.env.su:
            entries.check_id._check_controller(self.env._("changing a check"))
        return entries

    def write(self, vals):
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
