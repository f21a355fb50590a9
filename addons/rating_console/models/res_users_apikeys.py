from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.base.models.res_users import INDEX_SIZE, KEY_CRYPT_CONTEXT

# The scope of the API keys of the external queue system: valid on /rating_console/v1/queue
# only. Odoo accepts a key for the scope ``rpc`` (XML-RPC, JSON-RPC) only when its scope is NULL
# or ``rpc``, so a queue key opens no RPC door; and the queue API accepts no global key.
QUEUE_SCOPE = "rating_console.queue"
QUEUE_GROUP = "rating_console.group_rating_queue_api"


class ResUsersApikeys(models.Model):
    _inherit = "res.users.apikeys"

    def _check_credentials(self, *, scope, key):
        uid = super()._check_credentials(scope=scope, key=key)
        if uid and scope != QUEUE_SCOPE and self._rating_queue_only(uid):
            # the queue system works through the queue API only, whatever key it holds
            return None
        return uid

    @api.model
    def _rating_queue_only(self, uid):
        user = self.env["res.users"].sudo().browse(uid)
        return user.exists() and user._has_group(QUEUE_GROUP)

    @api.model
    def _check_queue_credentials(self, key):
        """The user of ``key`` if it is a valid API key of the queue scope, else None.

        Strict: a global key (scope NULL, an ordinary RPC key) or a key of another scope is
        refused, unlike ``_check_credentials`` which takes a global key for any scope.
        """
        if not key or not isinstance(key, str):
            return None
        self.env.cr.execute(
            f"""
            SELECT k.user_id, k.key
              FROM {self._table} k
              JOIN res_users u ON u.id = k.user_id
             WHERE u.active AND k.index = %s AND k.scope = %s
               AND (k.expiration_date IS NULL
                    OR k.expiration_date >= now() AT TIME ZONE 'utc')
            """,  # noqa: S608 - the table name is the model's
            [key[:INDEX_SIZE], QUEUE_SCOPE],
        )
        for user_id, hashed in self.env.cr.fetchall():
            if KEY_CRYPT_CONTEXT.verify(key, hashed):
                return user_id
        return None

    @api.model
    def _is_global_key(self, key):
        """Whether ``key`` is a valid key of NULL or another scope (to tell the client why)."""
        self.env.cr.execute(
            f"SELECT k.key FROM {self._table} k WHERE k.index = %s AND "  # noqa: S608
            "(k.scope IS NULL OR k.scope != %s)",
            [key[:INDEX_SIZE], QUEUE_SCOPE],
        )
        return any(KEY_CRYPT_CONTEXT.verify(key, row[0]) for row in self.env.cr.fetchall())

    @api.model
    def _generate_queue_key(self, user, days=365):
        """A new API key of the queue scope for the queue system ``user`` (server code: the
        caller checks who acts). Returns the plain key, which is stored only as a hash."""
        name = self.env._("Electronic queue API (%s)", fields.Date.context_today(self))
        expiration = fields.Datetime.now() + timedelta(days=days)
        return self.with_user(user).sudo()._generate(QUEUE_SCOPE, name, expiration)
