"""The one way a document of the suite locks, and the one way its state changes.

A document that inherits ``municipal.lock.mixin`` declares:

- ``_lock_states``: the states in which it is locked. A tuple (every stored field frozen but
  the chatter's and ``_lock_writable_fields``), or a dict ``{state: fields still writable in
  that state}`` for documents that keep a few fields open in one state (a regulation in force
  keeps its review fields).
- ``_lock_writable_fields``: fields writable in every locked state, besides the chatter's.
- ``_lock_state_field``: the field that holds the state (``state``).
- ``_lock_workflow_fields``: fields that only a transition writes, in any state (the state,
  who approved and when...). The state field is always one of them.

Transitions are methods of the document: they check who acts (``_lock_check_groups``,
``_lock_check_not_self`` and the document's own rules), check the current state, then write
through ``_lock_write`` (or ``_lock_transition``), which lifts the lock for those records only,
for the duration of that write.

Nothing a client sends lifts a lock: no context key is read. The lift is a context variable of
this Python module that only server code can set, bound to the database, the model and the ids
of the records being transitioned.
"""

import contextlib
import contextvars

from odoo import api, models
from odoo.exceptions import AccessError, UserError

# Fields of mail.thread, mail.activity.mixin, portal.mixin and rating.mixin: a locked document
# keeps its messages, followers, activities, portal token and ratings.
CHATTER_FIELDS = frozenset(
    {
        "message_follower_ids",
        "message_partner_ids",
        "message_ids",
        "message_main_attachment_id",
        "website_message_ids",
        "activity_ids",
        "activity_user_id",
        "activity_type_id",
        "activity_date_deadline",
        "activity_summary",
        "access_token",
        "rating_ids",
    }
)

# {(dbname, model name, record id)} lifted by the transition under way; ``0`` stands for the
# creation of new records of a model.
_LIFTED = contextvars.ContextVar("municipal_lock_lifted", default=frozenset())


class MunicipalLockMixin(models.AbstractModel):
    _name = "municipal.lock.mixin"
    _description = "Document locked by its state, changed by checked transitions"

    _lock_state_field = "state"
    _lock_states = ()
    _lock_writable_fields = frozenset()
    _lock_workflow_fields = frozenset()

    # ------------------------------------------------------------------ declarations
    @api.model
    def _lock_locked_states(self):
        return tuple(self._lock_states)

    @api.model
    def _lock_writable_in(self, state):
        """Fields still writable in the locked ``state``."""
        extra = self._lock_states.get(state, ()) if isinstance(self._lock_states, dict) else ()
        return CHATTER_FIELDS | frozenset(self._lock_writable_fields) | frozenset(extra)

    @api.model
    def _lock_all_workflow_fields(self):
        return frozenset(self._lock_workflow_fields) | {self._lock_state_field}

    def _lock_is_locked(self):
        """Whether this record is locked (its state is one of ``_lock_states``). Documents
        whose lock depends on more than the state override it."""
        self.ensure_one()
        return self[self._lock_state_field] in self._lock_locked_states()

    # ------------------------------------------------------------------ lifting
    def _lock_keys(self):
        dbname = self.env.cr.dbname
        ids = [record_id for record_id in self._ids if isinstance(record_id, int)] or [0]
        return {(dbname, self._name, record_id) for record_id in ids}

    def _lock_lifted(self):
        if not self.env.registry.ready:
            # the server is loading modules (data files, migrations): only its own code runs
            return self
        lifted = _LIFTED.get()
        if not lifted:
            return self.browse()
        dbname = self.env.cr.dbname
        return self.filtered(lambda r: (dbname, r._name, r.id) in lifted)

    @contextlib.contextmanager
    def _lock_lift(self):
        """Lift the lock of these records (of the creation of records of this model, when
        ``self`` is empty) for the duration of the block. Server code only: call it inside a
        method that checked who acts and the state."""
        token = _LIFTED.set(_LIFTED.get() | self._lock_keys())
        try:
            yield self
        finally:
            _LIFTED.reset(token)

    def _lock_write(self, vals):
        """Write ``vals`` past the lock: the last step of a checked transition."""
        with self._lock_lift():
            return self.write(vals)

    def _lock_create(self, vals_list):
        """Create records in a state other than the initial one (a checked server step)."""
        with self.browse()._lock_lift():
            return self.create(vals_list)

    # ------------------------------------------------------------------ checks
    def _lock_field_label(self, name):
        field = self._fields.get(name)
        if not field:
            return name
        return field._description_string(self.env)

    def _lock_state_label(self, state):
        field = self._fields[self._lock_state_field]
        return dict(field._description_selection(self.env)).get(state, state)

    def _lock_check_write(self, vals):
        records = self - self._lock_lifted()
        if not records or not vals:
            return
        workflow = sorted(set(vals) & self._lock_all_workflow_fields())
        if workflow:
            records._lock_access_first("write")
            raise UserError(
                self.env._(
                    "%(document)s: the field '%(field)s' changes only through the buttons of "
                    "the document.",
                    document=self._description_translated(),
                    field=self._lock_field_label(workflow[0]),
                )
            )
        for record in records:
            if not record._lock_is_locked():
                continue
            state = record[self._lock_state_field]
            frozen = sorted(set(vals) - record._lock_writable_in(state))
            if frozen:
                record._lock_access_first("write")
                raise UserError(
                    self.env._(
                        "%(document)s '%(name)s' is %(state)s: the field '%(field)s' can no "
                        "longer be changed.",
                        document=self._description_translated(),
                        name=record.display_name,
                        state=self._lock_state_label(state),
                        field=self._lock_field_label(frozen[0]),
                    )
                )

    def _lock_check_create(self, vals_list):
        if not self.env.registry.ready or (self.env.cr.dbname, self._name, 0) in _LIFTED.get():
            return
        field = self._fields[self._lock_state_field]
        initial = field.default(self) if field.default else False
        for vals in vals_list:
            forced = sorted(
                name
                for name in set(vals) & self._lock_all_workflow_fields()
                if vals[name] and not (name == self._lock_state_field and vals[name] == initial)
            )
            if forced:
                self._lock_access_first("create")
                raise UserError(
                    self.env._(
                        "%(document)s: a new document starts as %(state)s; the field "
                        "'%(field)s' changes only through its buttons.",
                        document=self._description_translated(),
                        state=self._lock_state_label(initial),
                        field=self._lock_field_label(forced[0]),
                    )
                )

    def _lock_access_first(self, operation):
        """A user who may not ``operation`` these records at all is told so (AccessError)
        rather than that they are locked: the access rights come before the lock."""
        self.check_access(operation)

    def _description_translated(self):
        return self.env["ir.model"].sudo()._get(self._name).name or self._description

    @api.model
    def _lock_check_groups(self, *xmlids, action=None):
        """Refuse unless the acting user has one of the groups ``xmlids`` (server code running
        as superuser passes). A view's ``groups=`` is a convenience; this is the control."""
        if self.env.su:
            return
        user = self.env.user
        if any(user.has_group(xmlid) for xmlid in xmlids):
            return
        groups = [self.env.ref(xmlid, raise_if_not_found=False) for xmlid in xmlids]
        raise AccessError(
            self.env._(
                "%(document)s: %(action)s is reserved to %(groups)s.",
                document=self._description_translated(),
                action=action or self.env._("this action"),
                groups=", ".join(f"«{group.full_name}»" for group in groups if group),
            )
        )

    def _lock_check_state(self, states, action=None):
        """Refuse unless every record is in one of ``states``."""
        for record in self:
            state = record[self._lock_state_field]
            if state not in states:
                raise UserError(
                    self.env._(
                        "%(document)s '%(name)s' is %(state)s: %(action)s is not possible in "
                        "this state.",
                        document=self._description_translated(),
                        name=record.display_name,
                        state=self._lock_state_label(state),
                        action=action or self.env._("this action"),
                    )
                )

    def _lock_check_not_self(self, *user_fields, action=None):
        """Separation of duties: the acting user is none of the users in ``user_fields`` of the
        records (the one who prepared a document does not approve it), superuser or not."""
        user = self.env.user
        for record in self:
            for name in user_fields:
                if user in record.sudo()[name]:
                    raise UserError(
                        self.env._(
                            "%(document)s '%(name)s': you are its %(role)s, so %(action)s "
                            "belongs to somebody else (separation of duties).",
                            document=self._description_translated(),
                            name=record.display_name,
                            role=self._lock_field_label(name),
                            action=action or self.env._("this action"),
                        )
                    )

    def _lock_transition(self, from_states, vals, action=None):
        """Check the current state, then write ``vals`` past the lock. Who acts is checked by
        the calling method before."""
        self._lock_check_state(from_states, action=action)
        return self._lock_write(vals)

    # ------------------------------------------------------------------ ORM
    @api.model_create_multi
    def create(self, vals_list):
        self._lock_check_create(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._lock_check_write(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _lock_unlink_unlocked(self):
        for record in self - self._lock_lifted():
            if record._lock_is_locked():
                record._lock_access_first("unlink")
                raise UserError(
                    self.env._(
                        "%(document)s '%(name)s' is %(state)s: it cannot be deleted.",
                        document=self._description_translated(),
                        name=record.display_name,
                        state=self._lock_state_label(record[self._lock_state_field]),
                    )
                )
