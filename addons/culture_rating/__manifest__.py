# Copyright 2026 Municipal Service Quality contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Culture Institutions Quality Rating",
    "summary": "Independent quality assessment of municipal culture institutions: methodology, "
    "yearly campaigns, questionnaire, disclosure checklist, ranking, public council and "
    "improvement plans",
    "version": "18.0.1.0.0",
    "category": "Services/Municipal Quality",
    "website": "https://github.com/municipal-service-quality/municipal-service-quality",
    "author": "Municipal Service Quality contributors",
    "license": "AGPL-3",
    "application": True,
    "installable": True,
    "depends": ["municipal_quality", "survey", "portal", "report_xlsx", "mail"],
    "data": [
        "security/security.xml",
        "security/ir.model.access.csv",
        "data/culture_checklist_item_data.xml",
        "data/culture_method_data.xml",
        "data/survey_data.xml",
        "data/ir_cron_data.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "report/culture_reports.xml",
        "report/culture_ranking_templates.xml",
        "report/culture_poster_templates.xml",
        "views/culture_institution_views.xml",
        "views/culture_method_views.xml",
        "views/culture_campaign_views.xml",
        "views/culture_assessment_views.xml",
        "views/culture_assessment_line_views.xml",
        "views/culture_checklist_item_views.xml",
        "views/culture_checklist_line_views.xml",
        "views/culture_expert_value_views.xml",
        "views/culture_improvement_plan_views.xml",
        "views/culture_improvement_measure_views.xml",
        "views/culture_council_meeting_views.xml",
        "views/culture_proposal_views.xml",
        "views/culture_council_work_plan_views.xml",
        "views/survey_views.xml",
        "wizards/culture_response_entry_views.xml",
        "views/culture_public_templates.xml",
        "views/culture_portal_templates.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/culture_institution_demo.xml",
        "demo/culture_campaign_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "culture_rating/static/src/scss/culture_public.scss",
        ],
        "web.assets_tests": [
            "culture_rating/static/tests/tours/*.js",
        ],
    },
}
