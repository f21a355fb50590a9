from odoo import api, models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    @api.model_create_multi
    def create(self, vals_list):
        departments = super().create(vals_list)
        if any(vals.get("manager_id") for vals in vals_list):
            # the record rules of bonus reviews depend on who manages which unit
            self.env.registry.clear_cache()
        return departments

    def write(self, vals):
        res = super().write(vals)
        if {"manager_id", "parent_id"} & set(vals):
            self.env.registry.clear_cache()
        return res
