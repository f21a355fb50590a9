import hashlib
import hmac
import secrets
from datetime import UTC, datetime, timedelta

import psycopg2.errors

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError, UserError
from odoo.tools import html_escape

from ..bridge.bus import MESSAGE_TYPE, bus_channel
from . import event_rules
from .event_rules import EventInputError

DEFAULT_HEARTBEAT_TIMEOUT = 10  # minutes
# Pairing a tablet console: a short one-time code a manager reads on the console's form and
# types on the tablet; the server exchanges it for the console's credentials (the token is never
# shown or typed). 8 characters of 32 (no I, O, 0, 1): 2^40 codes, valid 15 minutes, once.
PAIRING_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PAIRING_LENGTH = 8
PAIRING_VALID_MINUTES = 15
# How long a request waits for the lock of its console (another request of the same console,
# e.g. a bridge's retry while the first attempt still runs). Past it, PostgreSQL raises
# LockNotAvailable and Odoo runs the request again (``odoo.service.model.retrying``).
EVENT_LOCK_TIMEOUT_MS = 10000


def hash_token(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def normalize_pairing_code(code):
    """The code as typed (any case, with dashes or spaces) -> its canonical form, or None."""
    if not isinstance(code, str) or len(code) > 32:
        return None
    code = code.upper().replace("-", "").replace(" ", "")
    if len(code) != PAIRING_LENGTH or any(char not in PAIRING_ALPHABET for char in code):
        return None
    return code


def hash_pairing_code(code):
    return hashlib.sha256(b"rating_console.pairing:" + code.encode("ascii")).hexdigest()


class MunicipalConsole(models.Model):
    """A three-button rating console (Bad / Good / Excellent) attached to a workplace."""

    _name = "municipal.console"
    _description = "Rating Console"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _rec_name = "serial"
    _order = "serial"

    serial = fields.Char(string="Serial number", required=True, index=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    workplace_id = fields.Many2one(
        "municipal.workplace", index=True, tracking=True, ondelete="restrict"
    )
    office_id = fields.Many2one(related="workplace_id.office_id", store=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [
            ("new", "Not connected"),
            ("active", "In service"),
            ("faulty", "Faulty"),
        ],
        required=True,
        default="new",
        tracking=True,
        readonly=True,
    )
    token_hash = fields.Char(copy=False, index=True, groups="base.group_system", readonly=True)
    bus_channel = fields.Char(copy=False, groups="base.group_system", readonly=True)
    token_generated_at = fields.Datetime(copy=False, readonly=True)
    pairing_code_hash = fields.Char(
        copy=False, index="btree_not_null", groups="base.group_system", readonly=True
    )
    pairing_expires_at = fields.Datetime(
        string="Pairing code valid until",
        copy=False,
        readonly=True,
        help="The one-time code to pair a tablet with this console works until then (once).",
    )
    has_token = fields.Boolean(compute="_compute_has_token")
    last_heartbeat = fields.Datetime(readonly=True, copy=False)
    last_press_at = fields.Datetime(
        string="Latest press",
        readonly=True,
        copy=False,
        help="The press time of the latest vote stored for this console: an older press is "
        "refused (a console's events arrive in order).",
    )
    firmware = fields.Char(string="Firmware version", readonly=True, copy=False)
    fault_ids = fields.One2many("municipal.console.fault", "console_id", string="Fault log")
    open_fault_count = fields.Integer(compute="_compute_open_fault_count")
    note = fields.Text()

    _sql_constraints = [
        ("serial_uniq", "unique(serial)", "The serial number of a console must be unique."),
        (
            "workplace_uniq",
            "unique(workplace_id)",
            "A workplace has one console; detach the old one first.",
        ),
    ]

    @api.depends("token_generated_at")
    def _compute_has_token(self):
        for console in self:
            console.has_token = bool(console.token_generated_at)

    @api.depends("fault_ids.closed_at")
    def _compute_open_fault_count(self):
        counts = dict(
            self.env["municipal.console.fault"]._read_group(
                [("console_id", "in", self.ids), ("closed_at", "=", False)],
                ["console_id"],
                ["__count"],
            )
        )
        for console in self:
            console.open_fault_count = counts.get(console, 0)

    # -- token ---------------------------------------------------------------------------------
    def generate_token(self):
        """Create a new token, store only its hash and return the plain token (shown once)."""
        self.ensure_one()
        self.check_access("write")
        token = secrets.token_urlsafe(32)
        self.sudo().write(
            {
                "token_hash": hash_token(token),
                "bus_channel": bus_channel(token),
                "token_generated_at": fields.Datetime.now(),
            }
        )
        self.message_post(body=self.env._("A new access token was generated."))
        return token

    def action_generate_token(self):
        self.ensure_one()
        token = self.generate_token()
        # shown once by a field that is not stored: the plain token is written nowhere
        return self.env["municipal.console.token.wizard"]._show_once(
            token, self.env._("Console token"), console_id=self.id
        )

    # -- pairing a tablet console ----------------------------------------------------------------
    def action_pair_tablet(self):
        """A one-time pairing code for a tablet at the workplace, shown once (its hash stored)."""
        self.ensure_one()
        if not self.env.su and not self.env.user.has_group("rating_console.group_rating_manager"):
            raise AccessError(
                self.env._("Only a manager of the rating consoles pairs a tablet with a console.")
            )
        self.check_access("write")
        if not self.workplace_id:
            raise UserError(
                self.env._("Attach the console to a workplace before pairing a tablet.")
            )
        code = "".join(secrets.choice(PAIRING_ALPHABET) for _ in range(PAIRING_LENGTH))
        expires = fields.Datetime.now() + timedelta(minutes=PAIRING_VALID_MINUTES)
        self.sudo().write(
            {"pairing_code_hash": hash_pairing_code(code), "pairing_expires_at": expires}
        )
        self.message_post(body=self.env._("A pairing code for a tablet was issued."))
        shown = f"{code[:4]}-{code[4:]}"
        return self.env["municipal.console.token.wizard"]._show_once(
            shown, self.env._("Pair a tablet"), console_id=self.id, pairing=True
        )

    @api.model
    def _pair_with_code(self, code):
        """(console, token) for a valid pairing code, used up at once; else (empty, None).

        Server code of the pairing route (superuser): the console gets a new token (the previous
        device of the console stops working), the code is cleared (single use)."""
        code = normalize_pairing_code(code)
        if not code:
            return self.browse(), None
        self.flush_model(["pairing_code_hash", "pairing_expires_at", "active"])
        self.env.cr.execute(
            """
            SELECT id, pairing_expires_at FROM municipal_console
             WHERE pairing_code_hash = %s AND active FOR NO KEY UPDATE
            """,
            [hash_pairing_code(code)],
        )
        row = self.env.cr.fetchone()
        if not row:
            return self.browse(), None
        console = self.browse(row[0]).sudo()
        if not row[1] or row[1] < fields.Datetime.now():
            console.write({"pairing_code_hash": False, "pairing_expires_at": False})
            return self.browse(), None
        token = console.generate_token()
        console.write({"pairing_code_hash": False, "pairing_expires_at": False})
        console.message_post(body=self.env._("A tablet was paired with the console."))
        return console, token

    @api.model
    def _authenticate(self, serial, token):
        """The console ``serial`` if ``token`` is its token (constant-time check), else empty.

        Called on every request of the event API: the credentials come from a registry cache
        (:meth:`_credentials`), so that a vote costs no query to authenticate.
        """
        if not serial or not token or not isinstance(serial, str):
            return self.browse()
        console_id, stored_hash = self._credentials(serial)
        presented = hash_token(token)  # same work whether the console exists or not
        if not stored_hash or not hmac.compare_digest(stored_hash, presented):
            return self.browse()
        return self.browse(console_id)

    @api.model
    @tools.ormcache("serial")
    def _credentials(self, serial):
        """(id, token hash) of the active console ``serial``, or (None, None).

        Cached in the registry; every change of a serial number, token or active flag, and every
        new or deleted console, clears the cache (:meth:`_clear_credentials`) in every worker.
        """
        self.flush_model(["serial", "token_hash", "active"])
        self.env.cr.execute(
            "SELECT id, token_hash FROM municipal_console WHERE serial = %s AND active",
            [serial],
        )
        row = self.env.cr.fetchone()
        return tuple(row) if row else (None, None)

    def _clear_credentials(self):
        self.env.registry.clear_cache()

    def init(self):
        # the latest press of each console, for databases that stored votes before the field
        # (at the first installation the vote table comes after this one: nothing to do)
        if not tools.sql.table_exists(self.env.cr, "municipal_console_vote"):
            return
        self.env.cr.execute(
            """
            UPDATE municipal_console c
               SET last_press_at = v.latest
              FROM (SELECT console_id, max(pressed_at) AS latest
                      FROM municipal_console_vote GROUP BY console_id) v
             WHERE v.console_id = c.id AND c.last_press_at IS NULL
            """
        )

    # -- events of the device (the event API) ----------------------------------------------------
    @api.model
    def _delivery_window_hours(self):
        return event_rules.delivery_window_hours(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(
                "rating_console.delivery_window_hours",
                event_rules.DEFAULT_DELIVERY_WINDOW_HOURS,
            )
        )

    def _lock_for_events(self, event_ids):
        """Lock this console's row for the request (events of one console are processed one
        request at a time, in order) and return (latest press stored, event ids already known).

        One round trip: the lock timeout (kept for the request: every lock wait of an event
        request is bounded, and Odoo runs the request again past it), the lock, the latest press
        and the known event ids.
        """
        self.ensure_one()
        self.env.cr.execute(
            f"""
            SET LOCAL lock_timeout = {int(EVENT_LOCK_TIMEOUT_MS)};
            SELECT c.last_press_at,
                   ARRAY(SELECT event_id FROM municipal_console_vote WHERE event_id = ANY(%(ids)s)
                         UNION ALL
                         SELECT event_id FROM municipal_console_fault
                          WHERE event_id = ANY(%(ids)s))
              FROM municipal_console c WHERE c.id = %(id)s FOR NO KEY UPDATE OF c
            """,
            {"id": self.id, "ids": list(event_ids)},
        )
        latest, known = self.env.cr.fetchone()
        return latest, set(known)

    def _receive_events(self, events):
        """The outcome of each event of a request of this console, in the order of the request:
        ``{"accepted": [ids], "duplicates": [ids], "rejected": [{"id", "reason"}]}``.

        ``events`` passed :func:`event_rules.check_envelope`. Each event is checked on its own
        (:func:`event_rules.check_event`, the rules of time of :func:`event_rules.press_refusal`):
        a bad event is one rejection, never the failure of the request. Heartbeats and faults go
        through the ORM, each in its own savepoint; votes are written in one set-based statement
        (``_record_console_votes``, which also locks the console's row), so a single vote costs
        one query and a batch of 1,000 presses a few; each vote is one row: never half-written.
        A request with heartbeats or faults first locks the console (``_lock_for_events``).
        """
        self.ensure_one()
        ids = [event["id"] for event in events]
        if any(event.get("type") != "vote" for event in events):
            latest, known = self._lock_for_events(ids)
        else:
            # votes only (the hot path): the statement that stores them locks the console and
            # refuses a press older than its latest stored press; here, the order in the batch
            latest, known = None, set()
        window = self._delivery_window_hours()
        now = datetime.now(UTC).replace(tzinfo=None)
        outcome = {}
        votes = []
        details = {}  # the "why?" of the presses a client explained (tablet console)
        office_reasons = None  # read once, only for a request with a reason
        for event in events:
            event_id = event["id"]
            if event_id in known:
                outcome[event_id] = "duplicate"
                continue
            try:
                at = event_rules.check_event(event, now)
                if event["type"] == "vote":
                    refusal = event_rules.press_refusal(at, now, window, latest)
                    if refusal:
                        raise EventInputError(refusal)
                    reason = event.get("reason")
                    if reason is not None:
                        if office_reasons is None:
                            office_reasons = self._office_reason_ids()
                        refusal = event_rules.reason_refusal(reason, office_reasons)
                        if refusal:
                            raise EventInputError(refusal)
                    comment = event_rules.check_comment(event)
                    if reason is not None or comment:
                        details[event_id] = (reason, comment)
                    latest = max(latest, at) if latest else at
                    votes.append((event_id, event["value"], at))
                    continue
                try:
                    with self.env.cr.savepoint():
                        self._process_device_event(event, at)
                except psycopg2.errors.UniqueViolation:  # stored meanwhile by a concurrent retry
                    self.env.invalidate_all()
                    outcome[event_id] = "duplicate"
                    continue
                outcome[event_id] = "accepted"
            except EventInputError as exc:
                outcome[event_id] = str(exc)
        if votes:
            outcome.update(
                self.env["municipal.console.vote"]._record_console_votes(
                    self, votes, lock_timeout_ms=EVENT_LOCK_TIMEOUT_MS, details=details
                )
            )
        if votes and any(outcome.get(event_id) == "accepted" for event_id, _v, _at in votes):
            self.env["municipal.quality.alert.rule"]._alert_evaluate_console(self)
        result = {"accepted": [], "duplicates": [], "rejected": []}
        for event_id in ids:
            state = outcome[event_id]
            if state == "accepted":
                result["accepted"].append(event_id)
            elif state == "duplicate":
                result["duplicates"].append(event_id)
            else:
                result["rejected"].append({"id": event_id, "reason": state})
        return result

    def _office_reason_ids(self):
        """Ids of the active "why?" reasons of the office of this console's workplace."""
        self.ensure_one()
        self.env.cr.execute(
            """
            SELECT r.id FROM municipal_console_reason r
              JOIN municipal_workplace w ON w.office_id = r.office_id
              JOIN municipal_console c ON c.workplace_id = w.id
             WHERE c.id = %s AND r.active
            """,
            [self.id],
        )
        return {row[0] for row in self.env.cr.fetchall()}

    def _process_device_event(self, event, at):
        code = event.get("code")
        if event["type"] == "heartbeat":
            self._register_heartbeat(at, code)
        else:
            open_codes = set(
                self.fault_ids.filtered(lambda f: not f.closed_at and f.reason == "error").mapped(
                    "code"
                )
            )
            if code not in open_codes and len(open_codes) >= event_rules.MAX_OPEN_FAULT_CODES:
                raise EventInputError(
                    event_rules.REASON_TOO_MANY_FAULTS.format(count=len(open_codes))
                )
            self._register_heartbeat(at)
            self._open_fault("error", code=code, at=at, event_id=event["id"])

    # -- push to the device --------------------------------------------------------------------
    def _push(self, payload):
        """Send ``payload`` to the bridge/IoT box of each console over Odoo's bus."""
        for console in self.sudo():
            if console.bus_channel:
                self.env["bus.bus"]._sendone(console.bus_channel, MESSAGE_TYPE, payload)

    # -- heartbeat and faults ------------------------------------------------------------------
    def _register_heartbeat(self, at, firmware=None):
        self.ensure_one()
        vals = {}
        if not self.last_heartbeat or at > self.last_heartbeat:
            vals["last_heartbeat"] = at
            if firmware:
                vals["firmware"] = firmware
        if self.state == "new":
            vals["state"] = "active"
        if vals:
            self.write(vals)
        stale = self.fault_ids.filtered(lambda f: not f.closed_at and f.reason == "no_heartbeat")
        if stale:
            stale._close(at)

    def _open_fault(self, reason, code=None, at=None, event_id=None):
        """Log the fault once (the fault marks the console faulty and tells the heads and IT)."""
        self.ensure_one()
        at = at or fields.Datetime.now()
        Fault = self.env["municipal.console.fault"]
        existing = self.fault_ids.filtered(
            lambda f: not f.closed_at and f.reason == reason and (f.code or "") == (code or "")
        )
        if existing:
            return existing[:1]
        return Fault.create(
            {
                "console_id": self.id,
                "reason": reason,
                "code": code,
                "opened_at": at,
                "event_id": event_id,
            }
        )

    def _fault_responsible_users(self):
        self.ensure_one()
        users = self.env["res.users"]
        office = self.office_id
        while office:
            if office.manager_id.user_id:
                users |= office.manager_id.user_id
                break
            office = office.parent_id
        it_group = self.env.ref("rating_console.group_rating_it")
        users |= it_group.users.filtered(
            lambda u: self.company_id in u.company_ids and not u.share
        ) - self.env.ref("base.user_root")
        return users

    def _schedule_fault_activities(self, fault):
        """One activity per responsible user and faulty console: a second fault while the first
        is open adds a line to the chatter, not a second activity (and mail) per user. The note
        is text, escaped: a fault code never renders as a link or an image."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        console = self.sudo()
        told = console.activity_ids.filtered(lambda a: a.activity_type_id == activity_type).user_id
        for user in self._fault_responsible_users() - told:
            console.activity_schedule(
                activity_type_id=activity_type.id,
                summary=self.env._("Rating console %(serial)s is faulty", serial=self.serial),
                note=html_escape(fault._describe()),
                user_id=user.id,
            )
        if told:
            console.message_post(body=html_escape(fault._describe()), subtype_xmlid="mail.mt_note")

    @api.model
    def _heartbeat_timeout(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("rating_console.heartbeat_timeout", DEFAULT_HEARTBEAT_TIMEOUT)
        )
        try:
            return max(1, int(value))
        except (TypeError, ValueError):
            return DEFAULT_HEARTBEAT_TIMEOUT

    @api.model
    def _cron_check_heartbeats(self):
        """Consoles silent for longer than the configured time are marked faulty."""
        now = fields.Datetime.now()
        limit = now - timedelta(minutes=self._heartbeat_timeout())
        silent = self.search(
            [
                ("state", "=", "active"),
                ("workplace_id", "!=", False),
                ("last_heartbeat", "<", limit),
            ]
        )
        for console in silent:
            console._open_fault("no_heartbeat", at=now)
        return silent

    def action_view_faults(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "rating_console.municipal_console_fault_action"
        )
        action["domain"] = [("console_id", "=", self.id)]
        action["context"] = {"default_console_id": self.id}
        return action

    @api.model_create_multi
    def create(self, vals_list):
        consoles = super().create(vals_list)
        self._clear_credentials()  # a serial number may have been refused from the cache
        return consoles

    def write(self, vals):
        if "token_hash" in vals and not self.env.su:
            raise AccessError(self.env._("The token is set only by 'Generate token'."))
        if vals.keys() & {"pairing_code_hash", "pairing_expires_at"} and not self.env.su:
            raise AccessError(self.env._("A pairing code is issued only by 'Pair a tablet'."))
        result = super().write(vals)
        if vals.keys() & {"serial", "token_hash", "active"}:
            self._clear_credentials()
        return result

    def unlink(self):
        result = super().unlink()
        self._clear_credentials()
        return result
