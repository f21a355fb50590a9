# Copyright 2026 Municipal Service Quality contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Education Quality Standard",
    "summary": "Quality standard of the additional education of children: yearly indicators, "
    "bands, complaints with their legal deadlines, control checks",
    "version": "18.0.1.0.3",
    "category": "Services/Municipal Quality",
    "website": "https://github.com/municipal-service-quality/municipal-service-quality",
    "author": "Municipal Service Quality contributors",
    "license": "AGPL-3",
    "application": True,
    "installable": True,
    "depends": ["municipal_quality", "portal", "mail", "report_xlsx"],
    "data": [
        "security/security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "data/edu_standard_requirement_data.xml",
        "views/edu_organization_views.xml",
        "views/edu_standard_requirement_views.xml",
        "views/edu_standard_assessment_views.xml",
        "views/edu_complaint_views.xml",
        "views/edu_appeal_views.xml",
        "views/edu_control_check_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/municipal_settings_views.xml",
        "views/portal_templates.xml",
        "views/menus.xml",
        "report/edu_standard_reports.xml",
        "report/report_assessment_summary.xml",
        "report/report_complaint_answer.xml",
    ],
    "demo": [
        "demo/edu_standard_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "edu_standard/static/src/js/complaint_form.js",
        ],
        "web.assets_tests": [
            "edu_standard/static/tests/tours/*.js",
        ],
    },
}
