from odoo import api, fields, models


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

    @api.model
    def _municipal_demo_archive_odoo_people(self):
        """Demo data: Odoo's own HR demo (an English company's people, departments and
        positions) archived, so that the municipal lists, posters and reviews show the town's
        servants only; the administrator's employee keeps its place under a municipal name."""
        admin_employee = self.env.ref("hr.employee_admin", raise_if_not_found=False)
        data = self.env["ir.model.data"].sudo()
        for model in ("hr.employee", "hr.department", "hr.job"):
            records = self.env[model].browse(
                data.search([("module", "=", "hr"), ("model", "=", model)]).mapped("res_id")
            ).exists()
            if model == "hr.employee" and admin_employee:
                records -= admin_employee
            records.write({"active": False})
        if admin_employee:
            admin_employee.write(
                {
                    "name": self.env.ref("base.partner_admin").name,
                    "job_title": False,
                    "department_id": False,
                    "job_id": False,
                    "parent_id": False,
                    "coach_id": False,
                    "work_email": False,
                }
            )
        return True
