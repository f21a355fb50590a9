from odoo import fields, models

from .hr_employee import CATEGORY_SELECTION
from .hr_job import POSITION_FUNCTION_SELECTION, POSITION_GROUP_SELECTION


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    position_group = fields.Selection(
        POSITION_GROUP_SELECTION, string="Municipal-service group", readonly=True
    )
    position_function = fields.Selection(
        POSITION_FUNCTION_SELECTION, string="Function", readonly=True
    )
    bonus_category = fields.Selection(
        CATEGORY_SELECTION, string="Bonus criteria category", readonly=True
    )
