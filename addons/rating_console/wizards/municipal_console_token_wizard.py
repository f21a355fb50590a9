from odoo import fields, models


class MunicipalConsoleTokenWizard(models.TransientModel):
    """Shows a newly generated console token once; only its hash stays in the database."""

    _name = "municipal.console.token.wizard"
    _description = "Console Token"

    console_id = fields.Many2one("municipal.console", required=True, readonly=True)
    token = fields.Char(readonly=True)

    def action_done(self):
        # The wizard line is wiped at once: the plain token lives only in the user's copy.
        self.write({"token": False})
        return {"type": "ir.actions.act_window_close"}
