import contextlib
import contextvars

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..bridge.protocol import RATINGS
from .event_rules import REASON_NO_SHOW, REASON_OUT_OF_ORDER

VALUES = [("bad", "Bad"), ("good", "Good"), ("excellent", "Excellent")]
# Set only by this module's server code, for the duration of one ORM creation of votes: nothing
# a client sends (no context key) lets ``create`` through.
_RECORDING = contextvars.ContextVar("rating_console_vote_recording", default=False)


@contextlib.contextmanager
def _recording_votes():
    token = _RECORDING.set(True)
    try:
        yield
    finally:
        _RECORDING.reset(token)

# One statement per request: for each press, the ticket called or served at the console's
# workplace at the press time (the latest called), then the vote, unless its event id is known
# (as a vote or a fault) or the ticket is already rated. ``ON CONFLICT DO NOTHING`` covers a
# concurrent retry and a second press for the same ticket: the first press of a batch wins.
_TICKET_AT_PRESS = """
    SELECT t.* FROM municipal_queue_ticket t
     WHERE t.workplace_id = c.workplace_id
       AND t.called_at <= e.at
       AND (t.ended_at IS NULL OR t.ended_at >= e.at)
     ORDER BY t.called_at DESC, t.id DESC
     LIMIT 1
"""
_INSERT_VOTES = f"""
    WITH c AS (  -- the console's row, locked: one request of a console at a time
        SELECT id, workplace_id, office_id, company_id, last_press_at FROM municipal_console
         WHERE id = %(console)s FOR NO KEY UPDATE
    ), inserted AS (
    INSERT INTO municipal_console_vote
           (ticket_id, office_id, company_id, category_id, service_id, employee_id,
            value, rating, pressed_at, event_id, console_id, workplace_id, reason_id, comment,
            create_uid, write_uid, create_date, write_date)
    SELECT t.id, t.office_id, t.company_id, COALESCE(t.category_id, s.category_id),
           t.service_id, t.employee_id, e.value, e.rating, e.at, e.event_id, c.id,
           c.workplace_id, e.reason_id, e.comment,
           %(uid)s, %(uid)s, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM unnest(%(ord)s::int[], %(event_id)s::varchar[], %(value)s::varchar[],
                  %(rating)s::int[], %(at)s::timestamp[], %(reason_id)s::int[],
                  %(comment)s::varchar[])
           AS e(ord, event_id, value, rating, at, reason_id, comment)
      JOIN c ON TRUE
      JOIN LATERAL ({_TICKET_AT_PRESS}) t ON TRUE
      LEFT JOIN municipal_service s ON s.id = t.service_id
     WHERE t.state IN ('called', 'serving', 'done')
       AND (c.last_press_at IS NULL OR e.at >= c.last_press_at)
       AND NOT EXISTS (SELECT 1 FROM municipal_console_fault f WHERE f.event_id = e.event_id)
     ORDER BY e.ord
        ON CONFLICT DO NOTHING
    RETURNING id, event_id, pressed_at
    ), latest AS (
    UPDATE municipal_console
       SET last_press_at = GREATEST(last_press_at, (SELECT max(pressed_at) FROM inserted))
     WHERE id = %(console)s AND EXISTS (SELECT 1 FROM inserted)
    )
    SELECT inserted.id, inserted.event_id, c.company_id, c.office_id, c.workplace_id
      FROM inserted, c
"""
# Why each press that was not inserted was refused.
_EXPLAIN_REFUSALS = f"""
    SELECT e.event_id,
           EXISTS(SELECT 1 FROM municipal_console_vote v WHERE v.event_id = e.event_id)
           OR EXISTS(SELECT 1 FROM municipal_console_fault f WHERE f.event_id = e.event_id),
           c.workplace_id IS NULL, t.number, t.state,
           EXISTS(SELECT 1 FROM municipal_console_vote r WHERE r.ticket_id = t.id)
      FROM unnest(%(event_id)s::varchar[], %(at)s::timestamp[]) AS e(event_id, at)
      JOIN municipal_console c ON c.id = %(console)s
      LEFT JOIN LATERAL ({_TICKET_AT_PRESS}) t ON TRUE
"""


class MunicipalConsoleVote(models.Model):
    """A client's rating pressed on a console (order 2.6, 2.8): stored automatically, never by hand.

    Nobody creates, edits or deletes a vote in the interface or over RPC: the access rights are
    read-only for every group; the event API stores votes with one set-based statement
    (:meth:`_record_console_votes`), and ``create`` accepts only the superuser environment of
    :meth:`_create_from_console` (one vote through the ORM: demo data, tests), inside the
    module's own ``_recording_votes`` block (a context variable, not a context key). ``write`` and
    ``unlink`` are refused.
    """

    _name = "municipal.console.vote"
    _description = "Console Vote"
    _order = "pressed_at desc, id desc"
    _rec_name = "ticket_id"

    ticket_id = fields.Many2one(
        "municipal.queue.ticket", required=True, index=True, ondelete="restrict", readonly=True
    )
    console_id = fields.Many2one(
        "municipal.console", required=True, index=True, ondelete="restrict", readonly=True
    )
    workplace_id = fields.Many2one(
        "municipal.workplace", index=True, ondelete="restrict", readonly=True
    )
    office_id = fields.Many2one(
        "municipal.office", index=True, ondelete="restrict", readonly=True
    )
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    category_id = fields.Many2one(
        "municipal.service.category", string="Direction", index=True, readonly=True,
        ondelete="restrict",
    )
    service_id = fields.Many2one("municipal.service", readonly=True, ondelete="restrict")
    employee_id = fields.Many2one(
        "hr.employee", string="Operator", index=True, readonly=True, ondelete="restrict"
    )
    value = fields.Selection(VALUES, required=True, readonly=True)
    rating = fields.Integer(required=True, readonly=True, aggregator="avg")
    pressed_at = fields.Datetime(string="Press time", required=True, index=True, readonly=True)
    event_id = fields.Char(required=True, readonly=True)
    reason_id = fields.Many2one(
        "municipal.console.reason",
        index="btree_not_null",
        readonly=True,
        ondelete="restrict",
        help="The reason the client chose on a tablet console after the press (the \"why?\").",
    )
    comment = fields.Char(
        string="Client's comment",
        readonly=True,
        help="The short text the client wrote on a tablet console after the press. Never "
        "published, never shown with the operator's name in public.",
    )
    case_ids = fields.One2many("municipal.quality.case", "vote_id", string="Quality cases")

    _sql_constraints = [
        ("ticket_uniq", "unique(ticket_id)", "A ticket is rated once."),
        ("event_uniq", "unique(event_id)", "A console event is stored once."),
        ("rating_check", "CHECK(rating IN (1, 3, 5))", "A rating is 1, 3 or 5."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        if not (self.env.su and _RECORDING.get()):
            raise AccessError(
                self.env._(
                    "Votes are recorded only by the rating consoles; nobody can create a vote "
                    "by hand (order 2.8, 3.2)."
                )
            )
        votes = super().create(vals_list)
        # the latest press of each console (the event API refuses an older one)
        votes.flush_recordset(["console_id", "pressed_at"])
        self.env.cr.execute(
            """
            UPDATE municipal_console c
               SET last_press_at = GREATEST(c.last_press_at, v.latest)
              FROM (SELECT console_id, max(pressed_at) AS latest FROM municipal_console_vote
                     WHERE id = ANY(%s) GROUP BY console_id) v
             WHERE v.console_id = c.id
            """,
            [votes.ids],
        )
        self.env["municipal.console"].invalidate_model(["last_press_at"])
        return votes

    def write(self, vals):
        if vals:
            raise AccessError(self.env._("A vote recorded by a console cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise AccessError(self.env._("A vote recorded by a console cannot be deleted."))

    @api.model
    def _create_from_console(self, console, ticket, value, pressed_at, event_id):
        """Record one vote through the ORM (demo data and tests; the event API writes in SQL)."""
        if value not in RATINGS:
            raise UserError(self.env._("Unknown rating value %s.", value))
        with _recording_votes():
            return self.sudo().create(
                {
                    "ticket_id": ticket.id,
                    "console_id": console.id,
                    "workplace_id": ticket.workplace_id.id,
                    "office_id": ticket.office_id.id,
                    "company_id": ticket.company_id.id,
                    "category_id": (ticket.category_id or ticket.service_id.category_id).id,
                    "service_id": ticket.service_id.id,
                    "employee_id": ticket.employee_id.id,
                    "value": value,
                    "rating": RATINGS[value],
                    "pressed_at": pressed_at,
                    "event_id": event_id,
                }
            )

    @api.model
    def _record_console_votes(self, console, votes, lock_timeout_ms=None, details=None):
        """Record the presses ``votes`` = [(event_id, value, press time)] of ``console``;
        ``details`` = {event_id: (reason id, comment)} for the presses the client explained on a
        tablet console (checked already): a Bad one explained opens a quality case.

        The only write path of the event API, set-based: one INSERT ... SELECT finds, for each
        press, the ticket called or served at the console's workplace at the press time and
        stores the vote unless the event or the ticket is known; a second query runs only when
        a press was refused, to tell why. Returns {event_id: outcome}, outcome being "accepted",
        "duplicate" or the reason of the rejection.
        """
        self.env.flush_all()  # tickets changed in this transaction must be visible to SQL
        details = details or {}
        cr = self.env.cr
        params = {
            "console": console.id,
            "uid": self.env.uid,
            "ord": list(range(len(votes))),
            "event_id": [event_id for event_id, _value, _at in votes],
            "value": [value for _event_id, value, _at in votes],
            "rating": [RATINGS[value] for _event_id, value, _at in votes],
            "at": [at for _event_id, _value, at in votes],
            "reason_id": [details.get(event_id, (None, None))[0] for event_id, *_r in votes],
            "comment": [details.get(event_id, (None, None))[1] for event_id, *_r in votes],
        }
        # the lock timeout rides with the statement (one round trip for a single vote)
        prefix = f"SET LOCAL lock_timeout = {int(lock_timeout_ms)};" if lock_timeout_ms else ""
        cr.execute(prefix + _INSERT_VOTES, params)
        rows = cr.fetchall()
        inserted = {event_id: vote_id for vote_id, event_id, *_place in rows}
        outcome = dict.fromkeys(inserted, "accepted")
        refused = [(event_id, at) for event_id, _value, at in votes if event_id not in inserted]
        if refused:
            cr.execute(
                _EXPLAIN_REFUSALS,
                {
                    "console": console.id,
                    "event_id": [event_id for event_id, _at in refused],
                    "at": [at for _event_id, at in refused],
                },
            )
            for event_id, known, no_workplace, number, state, rated in cr.fetchall():
                if known:
                    outcome[event_id] = "duplicate"
                elif no_workplace:
                    outcome[event_id] = "the console is not attached to a workplace"
                elif not number:
                    outcome[event_id] = "no ticket was called at the workplace at the press time"
                elif state not in ("called", "serving", "done"):
                    outcome[event_id] = REASON_NO_SHOW.format(number=number)
                elif rated:
                    outcome[event_id] = f"ticket {number} is already rated"
                else:  # the statement's last condition: older than the latest stored press
                    outcome[event_id] = REASON_OUT_OF_ORDER
        if inserted:
            self.invalidate_model()
            self.env["municipal.queue.ticket"].invalidate_model(["vote_ids", "vote_value"])
            console.invalidate_recordset(["last_press_at"])
            # the console's place as the statement read it, under the console's lock: what the
            # alert rules need next costs no query (a request starts with nothing in cache)
            _vote_id, _event_id, company_id, office_id, workplace_id = rows[0]
            for name, value in (
                ("company_id", company_id),
                ("office_id", office_id),
                ("workplace_id", workplace_id),
            ):
                self.env.cache.update(console, console._fields[name], [value])
            explained = [
                inserted[event_id]
                for event_id, value, _at in votes
                if value == "bad" and event_id in inserted and any(details.get(event_id, ()))
            ]
            if explained:
                self.browse(explained)._open_quality_cases()
        return outcome

    def _open_quality_cases(self):
        """A Bad vote the client explained (a reason or a text) opens a quality case for the
        head of the office (the closed loop). The case says what the client said, never who
        served him: the operator is on the vote, which only the office's staff read."""
        Case = self.env["municipal.quality.case"]
        for vote in self.sudo():
            lang = vote.office_id.sudo()._console_lang()
            parts = []
            if vote.reason_id:
                parts.append(vote.reason_id.with_context(lang=lang).name)
            if vote.comment:
                parts.append(vote.comment)
            Case._case_open(
                "console",
                "\n".join(parts),
                company_id=vote.company_id.id,
                office_id=vote.office_id.id,
                service_id=vote.service_id.id,
                vote_id=vote.id,
            )

    @api.model
    def _demo_history(self, workplaces, days=60, seed=2013):
        """Demo data: tickets served and rated over the last ``days`` days at ``workplaces``."""
        import random
        from datetime import datetime, time, timedelta

        rng = random.Random(seed)
        workplaces = self.env["municipal.workplace"].browse(workplaces).filtered("console_id")
        today = fields.Date.context_today(self)
        ticket_vals, plans = [], []
        services_of = {
            workplace: self.env["municipal.service"].search(
                [("category_id", "in", workplace.category_ids.ids)]
            )
            for workplace in workplaces
        }
        for offset in range(days, 0, -1):
            day = today - timedelta(days=offset)
            if day.weekday() >= 5:
                continue
            for workplace in workplaces:
                services = services_of[workplace]
                start = datetime.combine(day, time(7, 0))
                for number in range(rng.randint(3, 7)):
                    called = start + timedelta(minutes=25 * number + rng.randint(0, 10))
                    ended = called + timedelta(minutes=rng.randint(5, 20))
                    no_show = rng.random() < 0.05
                    service = rng.choice(services) if services else services
                    ticket_vals.append(
                        {
                            "number": f"{workplace.code[-2:]}{number + 1:03d}",
                            "office_id": workplace.office_id.id,
                            "ticket_date": day,
                            "service_id": service.id,
                            "category_id": service.category_id.id or workplace.category_ids[:1].id,
                            "workplace_id": workplace.id,
                            "employee_id": workplace.employee_id.id,
                            "state": "no_show" if no_show else "done",
                            "issued_at": called - timedelta(minutes=rng.randint(1, 30)),
                            "called_at": called,
                            "started_at": False if no_show else called + timedelta(minutes=1),
                            "ended_at": ended,
                        }
                    )
                    roll = rng.random()
                    value = None
                    if not no_show and roll < 0.8:
                        value = "excellent" if roll < 0.5 else "good" if roll < 0.72 else "bad"
                    plans.append((workplace, value, called + timedelta(minutes=3)))
        # history: tickets already served, created past the lock by this server step
        tickets = self.env["municipal.queue.ticket"]._lock_create(ticket_vals)
        vote_vals = [
            {
                "ticket_id": ticket.id,
                "console_id": workplace.console_id.id,
                "workplace_id": workplace.id,
                "office_id": ticket.office_id.id,
                "company_id": ticket.company_id.id,
                "category_id": ticket.category_id.id,
                "service_id": ticket.service_id.id,
                "employee_id": ticket.employee_id.id,
                "value": value,
                "rating": RATINGS[value],
                "pressed_at": pressed_at,
                "event_id": f"demo-{ticket.id}",
            }
            for ticket, (workplace, value, pressed_at) in zip(tickets, plans, strict=True)
            if value
        ]
        with _recording_votes():
            return self.sudo().create(vote_vals)
