from odoo import api, fields, models
from odoo.exceptions import UserError


class MunicipalWorkplace(models.Model):
    """An operator's workplace (window) of a service centre or branch, with its console."""

    _name = "municipal.workplace"
    _description = "Workplace"
    _inherit = ["mail.thread"]
    _order = "office_id, window_number, code"

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(
        required=True,
        index=True,
        tracking=True,
        help="Unique code of the workplace, used by the queue system and in public links.",
    )
    active = fields.Boolean(default=True, tracking=True)
    office_id = fields.Many2one(
        "municipal.office",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    company_id = fields.Many2one(related="office_id.company_id", store=True, index=True)
    window_number = fields.Char(string="Window", tracking=True)
    category_ids = fields.Many2many(
        "municipal.service.category",
        "municipal_workplace_category_rel",
        "workplace_id",
        "category_id",
        string="Service directions",
        help="Directions served at this workplace; 'Call next' takes the oldest waiting ticket "
        "of these directions (of any direction when empty).",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Current operator",
        tracking=True,
        domain="[('company_id', 'in', (company_id, False))]",
    )
    console_ids = fields.One2many("municipal.console", "workplace_id", string="Consoles")
    console_id = fields.Many2one(
        "municipal.console", compute="_compute_console_id", store=True
    )
    console_state = fields.Selection(related="console_id.state", string="Console state")
    ticket_ids = fields.One2many("municipal.queue.ticket", "workplace_id", string="Tickets")
    current_ticket_id = fields.Many2one(
        "municipal.queue.ticket", compute="_compute_current_ticket_id", string="Current ticket"
    )
    public_url = fields.Char(compute="_compute_public_url", string="Public page")

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The workplace code must be unique."),
    ]

    @api.depends("console_ids")
    def _compute_console_id(self):
        for workplace in self:
            workplace.console_id = workplace.console_ids[:1]

    @api.depends("ticket_ids.state")
    def _compute_current_ticket_id(self):
        tickets = self.env["municipal.queue.ticket"].search(
            [("workplace_id", "in", self.ids), ("state", "in", ("called", "serving"))],
            order="called_at desc",
        )
        current = {}
        for ticket in tickets:
            current.setdefault(ticket.workplace_id.id, ticket)
        for workplace in self:
            workplace.current_ticket_id = current.get(workplace.id, False)

    def _compute_public_url(self):
        base = self.get_base_url()
        for workplace in self:
            workplace.public_url = f"{base}/rating_console/workplace/{workplace.code}"

    def action_call_next(self):
        """Call the oldest waiting ticket of the office in this workplace's directions."""
        self.ensure_one()
        if self.current_ticket_id:
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s is still open at %(workplace)s: finish it or mark it as "
                    "a no-show before calling the next client.",
                    ticket=self.current_ticket_id.number,
                    workplace=self.name,
                )
            )
        domain = [("office_id", "=", self.office_id.id), ("state", "=", "waiting")]
        if self.category_ids:
            domain.append(("category_id", "in", self.category_ids.ids))
        ticket = self.env["municipal.queue.ticket"].search(
            domain, order="issued_at, id", limit=1
        )
        if not ticket:
            raise UserError(self.env._("Nobody is waiting for this workplace."))
        ticket.action_call(self)
        return {
            "type": "ir.actions.act_window",
            "res_model": "municipal.queue.ticket",
            "res_id": ticket.id,
            "view_mode": "form",
        }
