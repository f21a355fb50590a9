from odoo import fields, models

from odoo.addons.base.models.res_partner import _lang_get


class MunicipalOffice(models.Model):
    _inherit = "municipal.office"

    console_lang = fields.Selection(
        _lang_get,
        string="Language of the tablet consoles",
        help="The language of the tablet consoles of the office's workplaces; empty: the "
        "language of the company.",
    )
    console_reason_ids = fields.One2many(
        "municipal.console.reason", "office_id", string="Reasons asked after a press"
    )
    console_reason_after_good = fields.Boolean(
        string="Ask why after Good too",
        help="A tablet console asks \"why?\" after a Bad press; with this option after a Good "
        "press as well.",
    )

    def _console_lang(self):
        """The language of the office's tablet consoles (an installed one)."""
        self.ensure_one()
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        if self.console_lang in installed:
            return self.console_lang
        return self.company_id._municipal_document_lang()
