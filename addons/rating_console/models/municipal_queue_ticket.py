from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# The transitions of the electronic queue (order 2.1, 2.4, 2.7).
TRANSITIONS = {
    "call": (("waiting",), "called"),
    "start": (("called",), "serving"),
    "finish": (("called", "serving"), "done"),
    "no_show": (("called",), "no_show"),
}


class MunicipalQueueTicket(models.Model):
    """A ticket of the electronic queue: waiting -> called -> serving -> done / no-show.

    Tickets are operational records created by the thousand every day: no chatter on them; the
    times of each transition are kept as fields.
    """

    _name = "municipal.queue.ticket"
    _description = "Queue Ticket"
    _order = "issued_at desc, id desc"
    _rec_name = "number"

    number = fields.Char(required=True, index=True)
    office_id = fields.Many2one(
        "municipal.office", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="office_id.company_id", store=True, index=True)
    centre_id = fields.Many2one(
        "municipal.office",
        compute="_compute_centre_id",
        store=True,
        index=True,
        help="The service centre the office belongs to (the office itself for a centre).",
    )
    ticket_date = fields.Date(
        string="Date", required=True, index=True, default=fields.Date.context_today
    )
    category_id = fields.Many2one(
        "municipal.service.category", string="Direction", index=True, ondelete="restrict"
    )
    service_id = fields.Many2one("municipal.service", index=True, ondelete="restrict")
    # indexed by (workplace_id, called_at, id) in init(): the lookup of the ticket of a press
    workplace_id = fields.Many2one(
        "municipal.workplace", ondelete="restrict",
        domain="[('office_id', '=', office_id)]",
    )
    employee_id = fields.Many2one(
        "hr.employee", string="Operator", index=True, ondelete="restrict"
    )
    state = fields.Selection(
        [
            ("waiting", "Waiting"),
            ("called", "Called"),
            ("serving", "Serving"),
            ("done", "Done"),
            ("no_show", "No-show"),
        ],
        required=True,
        default="waiting",
        index=True,
        readonly=True,
    )
    issued_at = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    # no index of its own: every lookup by call time is per workplace and uses the composite
    # index of init(); a second index on called_at tempts the planner into scanning the calls
    # of every workplace for the ticket of a press (seen: 10x slower event batches)
    called_at = fields.Datetime(readonly=True)
    started_at = fields.Datetime(readonly=True)
    ended_at = fields.Datetime(readonly=True)
    vote_ids = fields.One2many("municipal.console.vote", "ticket_id", string="Votes")
    vote_value = fields.Selection(
        [("bad", "Bad"), ("good", "Good"), ("excellent", "Excellent")],
        compute="_compute_vote_value",
        string="Rating",
    )

    _sql_constraints = [
        (
            "number_uniq",
            "unique(office_id, ticket_date, number)",
            "A ticket number is used once per office and day.",
        ),
    ]

    def init(self):
        # the lookup of the ticket called at a workplace at a press time (event API, batches)
        self.env.cr.execute(
            """
            CREATE INDEX IF NOT EXISTS municipal_queue_ticket_workplace_called_at_idx
                ON municipal_queue_ticket (workplace_id, called_at DESC, id DESC)
            """
        )
        # created by earlier versions (called_at had index=True); Odoo keeps it on update
        self.env.cr.execute("DROP INDEX IF EXISTS municipal_queue_ticket__called_at_index")

    @api.depends("office_id.parent_path")
    def _compute_centre_id(self):
        for ticket in self:
            path = ticket.office_id.parent_path
            ticket.centre_id = int(path.split("/")[0]) if path else ticket.office_id

    @api.depends("vote_ids.value")
    def _compute_vote_value(self):
        for ticket in self:
            ticket.vote_value = ticket.vote_ids[:1].value

    @api.depends("number", "office_id")
    def _compute_display_name(self):
        for ticket in self:
            ticket.display_name = f"{ticket.number} ({ticket.ticket_date})"

    @api.onchange("service_id")
    def _onchange_service_id(self):
        if self.service_id:
            self.category_id = self.service_id.category_id

    @api.constrains("workplace_id", "office_id")
    def _check_workplace_office(self):
        for ticket in self:
            if ticket.workplace_id and ticket.workplace_id.office_id != ticket.office_id:
                raise ValidationError(
                    self.env._(
                        "Workplace %(workplace)s is not in office %(office)s.",
                        workplace=ticket.workplace_id.name,
                        office=ticket.office_id.display_name,
                    )
                )

    def _transition(self, action, vals=None):
        allowed, target = TRANSITIONS[action]
        now = fields.Datetime.now()
        for ticket in self:
            if ticket.state not in allowed:
                state_label = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(
                    self.env._(
                        "Ticket %(ticket)s is %(state)s: it cannot be %(action)s.",
                        ticket=ticket.number,
                        state=state_label[ticket.state],
                        action={
                            "call": self.env._("called"),
                            "start": self.env._("started"),
                            "finish": self.env._("finished"),
                            "no_show": self.env._("marked as a no-show"),
                        }[action],
                    )
                )
        values = dict(vals or {}, state=target)
        if action == "call":
            values["called_at"] = now
        elif action == "start":
            values["started_at"] = now
        else:
            values["ended_at"] = now
        self.write(values)
        return True

    def action_call(self, workplace=None):
        """Call the ticket to ``workplace``: the console there lights all three buttons."""
        for ticket in self:
            workplace = workplace or ticket.workplace_id
            if not workplace:
                raise UserError(self.env._("Choose the workplace that calls the ticket."))
            if workplace.office_id != ticket.office_id:
                raise UserError(
                    self.env._(
                        "Workplace %(workplace)s is not in office %(office)s.",
                        workplace=workplace.name,
                        office=ticket.office_id.display_name,
                    )
                )
            busy = workplace.current_ticket_id
            if busy and busy != ticket:
                raise UserError(
                    self.env._(
                        "Ticket %(ticket)s is still open at %(workplace)s: finish it or mark it "
                        "as a no-show before calling the next client.",
                        ticket=busy.number,
                        workplace=workplace.name,
                    )
                )
            ticket._transition(
                "call",
                {
                    "workplace_id": workplace.id,
                    "employee_id": (ticket.employee_id or workplace.employee_id).id,
                },
            )
            workplace.console_id._push({"action": "call", "ticket": ticket.number})
        return True

    def action_start(self):
        return self._transition("start")

    def action_finish(self):
        self._transition("finish")
        self._push_end()
        return True

    def action_no_show(self):
        self._transition("no_show")
        self._push_end()
        return True

    def _push_end(self):
        for ticket in self:
            ticket.workplace_id.console_id._push({"action": "end", "ticket": ticket.number})

    @api.model
    def _ticket_at(self, workplace, at):
        """The ticket called or served at ``workplace`` at the moment ``at`` (or empty)."""
        return self.search(
            [
                ("workplace_id", "=", workplace.id),
                ("called_at", "<=", at),
                "|",
                ("ended_at", "=", False),
                ("ended_at", ">=", at),
                ("state", "in", ("called", "serving", "done", "no_show")),
            ],
            order="called_at desc, id desc",
            limit=1,
        )
