from odoo import api, fields, models

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

    has_consoles = fields.Boolean(
        string="Has rating consoles",
        compute="_compute_has_consoles",
        search="_search_has_consoles",
        help="A rating console is attached to a workplace of this office or of one of its "
        "branches.",
    )

    def _offices_with_consoles(self):
        """Ids of the offices with a console in their own workplaces or their branches'."""
        consoles = self.env["municipal.console"].sudo().search([("office_id", "!=", False)])
        return {
            int(office_id)
            for path in consoles.office_id.mapped("parent_path")
            for office_id in path.strip("/").split("/")
        }

    def _compute_has_consoles(self):
        offices = self._offices_with_consoles()
        for office in self:
            office.has_consoles = office.id in offices

    def _search_has_consoles(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError
        positive = (operator == "=") == bool(value)
        return [("id", "in" if positive else "not in", list(self._offices_with_consoles()))]

    # the console alert rules cache the offices each rule watches (the office and its branches,
    # ``municipal.quality.alert.rule._console_rules_data``): a new, moved or deleted office
    # changes them
    @api.model_create_multi
    def create(self, vals_list):
        offices = super().create(vals_list)
        self.env.registry.clear_cache()
        return offices

    def write(self, vals):
        result = super().write(vals)
        if "parent_id" in vals:
            self.env.registry.clear_cache()
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()
        return result
