# Copyright 2026 Municipal Service Quality contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Rating Consoles",
    "summary": "Three-button rating consoles tied to the queue, IoT box driver, signed event "
    "API and monitoring of the quality of service (Vinnytsia order of 2013)",
    "version": "18.0.1.0.0",
    "category": "Services/Municipal Quality",
    "website": "https://github.com/municipal-service-quality/municipal-service-quality",
    "author": "Municipal Service Quality contributors",
    "license": "AGPL-3",
    "application": True,
    "installable": True,
    "depends": ["municipal_quality", "portal", "report_xlsx", "mail", "hr", "bus"],
    "external_dependencies": {"python": ["pyserial"]},
    "data": [
        "security/security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron.xml",
        "data/ir_sequence.xml",
        "data/res_users.xml",
        "wizards/municipal_console_token_wizard_views.xml",
        "wizards/municipal_console_monthly_wizard_views.xml",
        "views/municipal_workplace_views.xml",
        "views/municipal_console_views.xml",
        "views/municipal_console_fault_views.xml",
        "views/municipal_queue_ticket_views.xml",
        "views/municipal_console_vote_views.xml",
        "views/municipal_complaint_views.xml",
        "views/municipal_rating_request_views.xml",
        "views/municipal_console_report_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/municipal_settings_views.xml",
        "views/municipal_quality_alert_rule_views.xml",
        "views/municipal_console_reason_views.xml",
        "views/menus.xml",
        "views/portal_templates.xml",
        "views/tablet_templates.xml",
        "report/monthly_report.xml",
        "report/monthly_report_templates.xml",
    ],
    "demo": [
        "demo/rating_console_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "rating_console/static/src/js/tablet_console.js",
            "rating_console/static/src/scss/tablet_console.scss",
        ],
        "web.assets_tests": [
            "rating_console/static/tests/tours/*.js",
        ],
    },
}
