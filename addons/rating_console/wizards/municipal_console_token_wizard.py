from odoo import api, fields, models

# The key of the action's context that carries the plain secret to the form, for display only:
# the secret is never written to a table (the field is not stored), and a client that sends
# this key sees its own text, nothing else.
SECRET_KEY = "rating_console_secret_once"


class MunicipalConsoleTokenWizard(models.TransientModel):
    """Shows a newly generated secret once (a console token, the queue system's API key).

    Only the hash of the secret is stored (on the console, in ``res.users.apikeys``). The plain
    secret travels in the context of the action that opens this form and is shown by a field
    that is not stored: the wizard's table never holds it, not even until *Done*.
    """

    _name = "municipal.console.token.wizard"
    _description = "Console Token"

    console_id = fields.Many2one("municipal.console", readonly=True)
    user_id = fields.Many2one("res.users", string="Queue system user", readonly=True)
    token = fields.Char(compute="_compute_token", store=False, readonly=True)
    pairing_code = fields.Char(
        string="Pairing code", compute="_compute_token", store=False, readonly=True
    )
    pairing = fields.Boolean(readonly=True, help="The secret is a one-time pairing code.")
    tablet_url = fields.Char(compute="_compute_tablet_url", string="Tablet page")

    def _compute_tablet_url(self):
        for wizard in self:
            wizard.tablet_url = wizard.get_base_url() + "/rating_console/tablet"

    def init(self):
        # earlier versions stored the plain token in this table until *Done*: gone, with them
        self.env.cr.execute(f"ALTER TABLE {self._table} DROP COLUMN IF EXISTS token")

    @api.depends("pairing")
    @api.depends_context(SECRET_KEY)
    def _compute_token(self):
        for wizard in self:
            wizard.token = self.env.context.get(SECRET_KEY) or False
            wizard.pairing_code = wizard.token if wizard.pairing else False

    @api.model
    def _show_once(self, secret, title, **vals):
        """The action that shows ``secret`` once."""
        wizard = self.create([vals])
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
            "context": {SECRET_KEY: secret},
        }

    def web_read(self, specification):
        """Read on the primary database: the form opens right after the wizard was created
        there, and a lagging replica would show an empty dialog (issue 14)."""
        return super().web_read(specification)

    web_read._readonly = False  # ``/web/dataset/call_kw`` routes by this flag

    def action_done(self):
        return {"type": "ir.actions.act_window_close"}
