from odoo import api, models


class MunicipalOffice(models.Model):
    _inherit = "municipal.office"

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
