# Copyright 2026 Municipal Service Quality contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Municipal Service Quality",
    "summary": "Offices, municipal services, administrative regulations and the quality of "
    "the work of municipal servants",
    "version": "18.0.1.0.0",
    "category": "Services/Municipal Quality",
    "website": "https://github.com/municipal-service-quality/municipal-service-quality",
    "author": "Municipal Service Quality contributors",
    "license": "AGPL-3",
    "application": True,
    "installable": True,
    "depends": ["hr", "survey", "portal", "mail"],
    "data": [
        "security/security.xml",
        "security/ir.model.access.csv",
        "views/municipal_office_views.xml",
        "views/municipal_service_category_views.xml",
        "views/municipal_service_views.xml",
        "views/municipal_regulation_views.xml",
        "views/hr_employee_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/hr_demo.xml",
        "demo/municipal_office_demo.xml",
        "demo/municipal_service_demo.xml",
        "demo/municipal_regulation_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "municipal_quality/static/tests/tours/*.js",
        ],
    },
}
