import logging
import re

import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

_logger = logging.getLogger(__name__)

# The transitions of the electronic queue (order 2.1, 2.4, 2.7).
TRANSITIONS = {
    "call": (("waiting",), "called"),
    "start": (("called",), "serving"),
    "finish": (("called", "serving"), "done"),
    "no_show": (("called",), "no_show"),
}
# The actions of the queue API and the methods that make them.
QUEUE_API_ACTIONS = {
    "call": "action_call",
    "start": "action_start",
    "finish": "action_finish",
    "no_show": "action_no_show",
}
# Who drives the queue: operators (heads and managers imply it) and the queue system.
QUEUE_GROUPS = ("rating_console.group_rating_operator", "rating_console.group_rating_queue_api")
# Who calls a ticket to any workplace of the office (an operator calls to his own only).
ANY_WORKPLACE_GROUPS = ("rating_console.group_rating_head", "rating_console.group_rating_queue_api")
# One open (called or serving) ticket per workplace, kept by PostgreSQL (init()).
OPEN_TICKET_INDEX = "municipal_queue_ticket_one_open_per_workplace_idx"
# Ticket numbers of the queue API (CONFIGURE.md): short strings of this alphabet.
TICKET_NUMBER = re.compile(r"[A-Za-z0-9._-]{1,16}")
TICKET_NUMBER_RULE = "1-16 characters of A-Z a-z 0-9 - _ ."
# Still writable once a ticket is called: what the client asks for.
SERVICE_FIELDS = ("service_id", "category_id")


def check_ticket_number(number):
    """The ticket number of a queue API request, or ValueError (answered 400)."""
    if isinstance(number, int) and not isinstance(number, bool) and number >= 0:
        number = str(number)
    if isinstance(number, str) and len(number) <= 64:
        number = number.strip()  # surrounding blanks, as before
    if not isinstance(number, str) or not TICKET_NUMBER.fullmatch(number):
        raise ValueError(f"'ticket' must be a ticket number: {TICKET_NUMBER_RULE}")
    return number


class MunicipalQueueTicket(models.Model):
    """A ticket of the electronic queue: waiting -> called -> serving -> done / no-show.

    Tickets are operational records created by the thousand every day: no chatter on them; the
    times of each transition are kept as fields.

    A vote lands on the ticket called at the console's workplace at the press time, and on its
    operator: the operator, state and times (``_lock_workflow_fields``) change only through the
    queue actions (buttons, the queue API), never by ``write``; from the call on, only the
    service and direction stay writable, and a done or no-show ticket is frozen.
    """

    _name = "municipal.queue.ticket"
    _inherit = ["municipal.lock.mixin"]
    _description = "Queue Ticket"
    _order = "issued_at desc, id desc"
    _rec_name = "number"

    _lock_states = {"called": SERVICE_FIELDS, "serving": SERVICE_FIELDS, "done": (), "no_show": ()}
    _lock_workflow_fields = frozenset(
        {"employee_id", "called_at", "started_at", "ended_at", "issued_at"}
    )

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
        "hr.employee", string="Operator", index=True, ondelete="restrict", readonly=True,
        copy=False,
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
        copy=False,
    )
    issued_at = fields.Datetime(
        required=True, default=fields.Datetime.now, readonly=True, copy=False
    )
    # no index of its own: every lookup by call time is per workplace and uses the composite
    # index of init(); a second index on called_at tempts the planner into scanning the calls
    # of every workplace for the ticket of a press (seen: 10x slower event batches)
    called_at = fields.Datetime(readonly=True, copy=False)
    started_at = fields.Datetime(readonly=True, copy=False)
    ended_at = fields.Datetime(readonly=True, copy=False)
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
        # one open ticket per workplace, whatever the concurrency: a second call at the same
        # instant meets this index (its UPDATE waits for the first transaction, then fails)
        self.env.cr.execute(
            """
            SELECT workplace_id FROM municipal_queue_ticket
             WHERE state IN ('called', 'serving') AND workplace_id IS NOT NULL
             GROUP BY workplace_id HAVING count(*) > 1 LIMIT 1
            """
        )
        if self.env.cr.fetchone():
            _logger.error(
                "Several tickets are open at one workplace: finish them, then update the module "
                "to create the index %s.", OPEN_TICKET_INDEX,
            )
            return
        self.env.cr.execute(  # the name is OPEN_TICKET_INDEX
            """
            CREATE UNIQUE INDEX IF NOT EXISTS municipal_queue_ticket_one_open_per_workplace_idx
                ON municipal_queue_ticket (workplace_id)
             WHERE state IN ('called', 'serving') AND workplace_id IS NOT NULL
            """
        )

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

    # ------------------------------------------------------------------ who acts
    def _check_queue_groups(self, action):
        self._lock_check_groups(*QUEUE_GROUPS, action=action)

    def _check_own_workplace(self, workplace):
        """An operator calls clients only to his own workplace; heads and the queue system call
        to any workplace of the office."""
        if self.env.su or any(self.env.user.has_group(xmlid) for xmlid in ANY_WORKPLACE_GROUPS):
            return
        if workplace.sudo().employee_id.user_id != self.env.user:
            raise AccessError(
                self.env._(
                    "You call clients only to your own workplace; %(workplace)s is not yours.",
                    workplace=workplace.display_name,
                )
            )

    # ------------------------------------------------------------------ transitions
    def _transition(self, action, vals=None):
        allowed, target = TRANSITIONS[action]
        action_label = {
            "call": self.env._("called"),
            "start": self.env._("started"),
            "finish": self.env._("finished"),
            "no_show": self.env._("marked as a no-show"),
        }[action]
        self._check_queue_groups(
            {
                "call": self.env._("calling a ticket"),
                "start": self.env._("starting the service of a ticket"),
                "finish": self.env._("finishing the service of a ticket"),
                "no_show": self.env._("marking a ticket as a no-show"),
            }[action]
        )
        now = fields.Datetime.now()
        for ticket in self:
            if ticket.state not in allowed:
                state_label = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(
                    self.env._(
                        "Ticket %(ticket)s is %(state)s: it cannot be %(action)s.",
                        ticket=ticket.number,
                        state=state_label[ticket.state],
                        action=action_label,
                    )
                )
        values = dict(vals or {}, state=target)
        if action == "call":
            values["called_at"] = now
        elif action == "start":
            values["started_at"] = now
        else:
            values["ended_at"] = now
        # the record rules of the acting user apply: an operator moves only his own tickets
        self._lock_write(values)
        return True

    def _workplace_of(self, workplace):
        """``workplace`` as a record: a record from server code, an id from a client."""
        Workplace = self.env["municipal.workplace"]
        if workplace is None or workplace is False:
            return Workplace
        if isinstance(workplace, models.BaseModel) and workplace._name == Workplace._name:
            return workplace
        if isinstance(workplace, int) and not isinstance(workplace, bool):
            return Workplace.browse(workplace).exists()
        raise UserError(self.env._("Choose the workplace that calls the ticket."))

    def action_call(self, workplace=None):
        """Call the ticket to ``workplace``: the console there lights all three buttons."""
        self._check_queue_groups(self.env._("calling a ticket"))
        workplace = self._workplace_of(workplace)
        for ticket in self:
            target = workplace or ticket.workplace_id
            if not target:
                raise UserError(self.env._("Choose the workplace that calls the ticket."))
            if target.office_id != ticket.office_id:
                raise UserError(
                    self.env._(
                        "Workplace %(workplace)s is not in office %(office)s.",
                        workplace=target.name,
                        office=ticket.office_id.display_name,
                    )
                )
            ticket._check_own_workplace(target)
            busy = target.current_ticket_id
            if busy and busy != ticket:
                raise UserError(
                    self.env._(
                        "Ticket %(ticket)s is still open at %(workplace)s: finish it or mark it "
                        "as a no-show before calling the next client.",
                        ticket=busy.number,
                        workplace=target.name,
                    )
                )
            try:
                with self.env.cr.savepoint():  # flushed here: the index answers now
                    ticket._transition(
                        "call",
                        {
                            "workplace_id": target.id,
                            "employee_id": (ticket.employee_id or target.employee_id).id,
                        },
                    )
            except psycopg2.errors.UniqueViolation as exc:
                if exc.diag.constraint_name != OPEN_TICKET_INDEX:
                    raise
                raise UserError(
                    self.env._(
                        "Another ticket was called at %(workplace)s at the same moment: finish "
                        "it or mark it as a no-show before calling the next client.",
                        workplace=target.name,
                    )
                ) from exc
            target.console_id._push({"action": "call", "ticket": ticket.number})
        return True

    def action_start(self):
        return self._transition("start")

    def action_finish(self):
        self._transition("finish")
        self._push_end()
        return True

    def action_no_show(self):
        rated = self.sudo().filtered("vote_ids")
        if rated:
            raise UserError(
                self.env._(
                    "The client of ticket %(ticket)s rated the service: finish the ticket "
                    "instead of marking it as a no-show.",
                    ticket=rated[0].number,
                )
            )
        self._transition("no_show")
        self._push_end()
        return True

    def _push_end(self):
        for ticket in self:
            ticket.workplace_id.console_id._push({"action": "end", "ticket": ticket.number})

    # ------------------------------------------------------------------ queue API
    @api.model
    def _queue_api_drive(self, workplace_code, action, number, service=None, operator=None):
        """One request of the external queue system: ``action`` (call, start, finish, no_show)
        on today's ticket ``number`` of the office of the workplace ``workplace_code``.

        ``call`` creates the ticket when the queue system issued it (with its ``service`` code
        and its ``operator`` barcode); a retry of a transition already made is answered, not
        refused. Returns ``(workplace, ticket)`` (an empty ticket: no such ticket today);
        raises ``ValueError`` for an unknown workplace, service or operator and ``UserError``
        for a transition the ticket's state does not allow.
        """
        self._lock_check_groups(
            "rating_console.group_rating_queue_api", action=self.env._("the queue API")
        )
        if action not in QUEUE_API_ACTIONS:
            raise ValueError(f"'action' must be one of {', '.join(QUEUE_API_ACTIONS)}")
        workplace = self.env["municipal.workplace"].search([("code", "=", workplace_code)], limit=1)
        if not workplace:
            raise ValueError(f"unknown workplace {workplace_code}")
        today = fields.Date.context_today(self)
        ticket = self.search(
            [
                ("office_id", "=", workplace.office_id.id),
                ("number", "=", number),
                ("ticket_date", "=", today),
            ],
            limit=1,
        )
        if not ticket and action == "call":
            ticket = self._queue_api_issue(workplace, number, today, service, operator)
        if not ticket:
            return workplace, ticket
        if action != "call" and ticket.workplace_id != workplace:
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s is held by workplace %(holder)s, not by %(workplace)s: a "
                    "step names the workplace that called the ticket.",
                    ticket=ticket.number,
                    holder=ticket.workplace_id.code or "-",
                    workplace=workplace.code,
                )
            )
        target = TRANSITIONS[action][1]
        already = ticket.state == target and (action != "call" or ticket.workplace_id == workplace)
        if already:
            return workplace, ticket  # a retry of a transition already made: idempotent
        if action == "call":
            ticket.action_call(workplace)
        else:
            getattr(ticket, QUEUE_API_ACTIONS[action])()
        return workplace, ticket

    @api.model
    def _queue_api_issue(self, workplace, number, today, service_code, barcode):
        vals = {"number": number, "office_id": workplace.office_id.id, "ticket_date": today}
        if service_code:
            service = self.env["municipal.service"].search(
                [("code", "=", str(service_code)), ("company_id", "=", workplace.company_id.id)],
                limit=1,
            )
            if not service:
                raise ValueError(f"unknown service {service_code}")
            vals.update(service_id=service.id, category_id=service.category_id.id)
        if barcode:
            employee = self.env["hr.employee"].sudo().search(
                [("barcode", "=", str(barcode)), ("company_id", "=", workplace.company_id.id)],
                limit=1,
            )
            if not employee:
                raise ValueError(f"unknown operator barcode {barcode}")
            vals["employee_id"] = employee.id
        try:
            with self.env.cr.savepoint():  # flushed here: the unique number answers now
                if vals.get("employee_id"):
                    # the operator named by the queue system: set at issue, by this path only
                    return self._lock_create([vals])
                return self.create([vals])
        except psycopg2.errors.UniqueViolation as exc:
            if exc.diag.constraint_name != "municipal_queue_ticket_number_uniq":
                raise
            self._raise_concurrent_issue(vals)

    def _raise_concurrent_issue(self, vals):
        """The same ticket was issued by a concurrent request (the same step sent twice at
        once), committed after this transaction began: it is invisible here. The same INSERT
        with ``ON CONFLICT DO NOTHING`` makes PostgreSQL raise the serialization failure it is
        (REPEATABLE READ), so that Odoo runs the request again and answers as for a retry."""
        self.env.cr.execute(
            """
            INSERT INTO municipal_queue_ticket (number, office_id, ticket_date, state, issued_at)
            VALUES (%s, %s, %s, 'waiting', now() AT TIME ZONE 'UTC')
            ON CONFLICT DO NOTHING
            """,
            [vals["number"], vals["office_id"], vals["ticket_date"]],
        )
        # not reached under REPEATABLE READ; under READ COMMITTED the row is visible now
        raise UserError(
            self.env._("Ticket %(ticket)s was issued at the same moment: send the step again.",
                       ticket=vals["number"])
        )

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
