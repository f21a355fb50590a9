from odoo import fields, models


class HrEmployee(models.Model):
    _name = "hr.employee"
    _inherit = ["hr.employee", "municipal.quality.link.mixin"]
    _quality_link_kind = "servant"

    municipal_service_ids = fields.Many2many(
        "municipal.service",
        "municipal_service_employee_rel",
        "employee_id",
        "service_id",
        string="Municipal services",
        groups="hr.group_hr_user,municipal_quality.group_quality_user",
        help="Municipal services this servant provides.",
    )
    quality_survey_url = fields.Char(groups="hr.group_hr_user,municipal_quality.group_quality_user")
