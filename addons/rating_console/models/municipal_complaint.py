from odoo import api, fields, models
from odoo.exceptions import AccessError

# What a citizen may write in the book (shown on the form, enforced by the server).
BOOK_LIMITS = {"name": 200, "contact": 200, "body": 5000}
BOOK_KINDS = ("complaint", "suggestion", "thanks")


class MunicipalComplaint(models.Model):
    """An entry of the complaints and suggestions book of an office (order 3.4)."""

    _name = "municipal.complaint"
    _description = "Complaints and Suggestions Book Entry"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"
    _rec_names_search = ["number", "name"]

    number = fields.Char(
        string="Entry number",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Number of the entry in the book, given to the citizen on the thank-you page.",
    )
    name = fields.Char(string="Author", required=True, tracking=True)
    contact = fields.Char(help="Phone or e-mail for the answer (optional).")
    kind = fields.Selection(
        [("complaint", "Complaint"), ("suggestion", "Suggestion"), ("thanks", "Thanks")],
        required=True,
        default="complaint",
        tracking=True,
    )
    office_id = fields.Many2one("municipal.office", required=True, index=True, ondelete="restrict")
    company_id = fields.Many2one(related="office_id.company_id", store=True, index=True)
    workplace_id = fields.Many2one("municipal.workplace", ondelete="set null")
    employee_id = fields.Many2one("hr.employee", string="Operator", ondelete="set null")
    body = fields.Text(string="Text", required=True)
    console_fault = fields.Boolean(
        help="Written because the rating console of the workplace did not work."
    )
    state = fields.Selection(
        [("new", "New"), ("in_progress", "In progress"), ("answered", "Answered")],
        default="new",
        required=True,
        tracking=True,
    )
    answer = fields.Text()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("number"):
                vals["number"] = (
                    self.env["ir.sequence"].sudo().next_by_code("municipal.complaint.book")
                )
        return super().create(vals_list)

    @api.depends("number", "name")
    def _compute_display_name(self):
        for entry in self:
            entry.display_name = " ".join(part for part in (entry.number, entry.name) if part)

    # ------------------------------------------------------------------ the public book
    @api.model
    def _book_errors(self, values):
        """Per-field errors, in words, of what a citizen sent to the book."""
        errors = {}
        if not values["name"]:
            errors["name"] = self.env._("Please write your name.")
        if not values["body"]:
            errors["body"] = self.env._("Please write your complaint, suggestion or thanks.")
        for field, limit in BOOK_LIMITS.items():
            length = len(values[field])
            if "\x00" in values[field]:
                errors[field] = self.env._("The text contains a NUL character: please remove it.")
            elif length > limit:
                errors[field] = self.env._(
                    "%(length)s characters: please keep it under %(limit)s.",
                    length=length,
                    limit=limit,
                )
        return errors

    @api.model
    def _book_submit(self, office, workplace, post):
        """Record what a citizen wrote in the book of ``office`` (from the workplace
        ``workplace``, if any): ``(entry, {})``, or ``(None, errors)`` with nothing stored."""
        values = {
            field: (post.get(field) if isinstance(post.get(field), str) else "").strip()
            for field in ("name", "contact", "body")
        }
        kind = post.get("kind") if post.get("kind") in BOOK_KINDS else "complaint"
        errors = self._book_errors(values)
        if errors:
            return None, errors
        entry = self.sudo().create(
            {
                **values,
                "kind": kind,
                "office_id": office.id,
                "workplace_id": workplace.id,
                "employee_id": workplace.employee_id.id,
                "console_fault": workplace.console_state == "faulty",
            }
        )
        if kind == "complaint":
            self.env["municipal.quality.case"]._case_open(
                "book",
                entry.body,
                company_id=office.company_id.id,
                office_id=office.id,
                complaint_id=entry.id,
            )
        return entry, {}

    # ------------------------------------------------------------------ buttons
    def _check_book_keeper(self):
        if self.env.su:
            return
        user = self.env.user
        if not (
            user.has_group("rating_console.group_rating_head")
            or user.has_group("rating_console.group_rating_manager")
        ):
            raise AccessError(
                self.env._(
                    "Only the head of the centre or branch, or a manager of the consoles, "
                    "handles the entries of the complaints book."
                )
            )

    def action_start(self):
        self._check_book_keeper()
        self.state = "in_progress"

    def action_answered(self):
        self._check_book_keeper()
        self.state = "answered"
