from odoo import api, fields, models

from . import scoring
from .hr_job import POSITION_FUNCTION_SELECTION, POSITION_GROUP_SELECTION, check_head_group

CATEGORY_SELECTION = [
    (scoring.HIGHEST_HEAD, "Heads of the highest group (tables 1-2)"),
    (scoring.MAIN_LEADING_HEAD, "Heads of the main and leading groups (tables 3-4)"),
    (scoring.SPECIALIST, "Specialists (tables 5-6)"),
]


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    position_group = fields.Selection(
        POSITION_GROUP_SELECTION,
        string="Municipal-service group",
        compute="_compute_position",
        store=True,
        readonly=False,
        help="Taken from the job position; may be overridden for this employee.",
    )
    position_function = fields.Selection(
        POSITION_FUNCTION_SELECTION,
        string="Function",
        compute="_compute_position",
        store=True,
        readonly=False,
        help="Taken from the job position; may be overridden for this employee.",
    )
    bonus_category = fields.Selection(
        CATEGORY_SELECTION,
        string="Bonus criteria category",
        compute="_compute_bonus_category",
        store=True,
        help="Which tables of section 3.1 of the regulation apply to this employee.",
    )

    @api.depends("job_id.position_group", "job_id.position_function")
    def _compute_position(self):
        for employee in self:
            if employee.job_id:
                employee.position_group = employee.job_id.position_group
                employee.position_function = employee.job_id.position_function

    @api.depends("position_group", "position_function")
    def _compute_bonus_category(self):
        for employee in self:
            employee.bonus_category = scoring.position_category(
                employee.position_group, employee.position_function
            )

    @api.constrains("position_group", "position_function")
    def _check_head_group(self):
        check_head_group(self, self.env)

    def write(self, vals):
        res = super().write(vals)
        if "user_id" in vals:
            # the record rules of bonus reviews depend on who manages which unit
            self.env.registry.clear_cache()
        return res
