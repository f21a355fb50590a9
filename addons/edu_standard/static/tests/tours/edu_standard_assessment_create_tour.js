/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// Issue 12, item 1: an officer of the education department creates a yearly assessment
// through the backend form: the "Organisation" dropdown lists the organisations (not "no
// records") and offers no "Create ..." entry.
registry.category("web_tour.tours").add("edu_standard_assessment_create_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Education Quality app",
            trigger: ".o_app[data-menu-xmlid='edu_standard.menu_root']",
            run: "click",
        },
        {
            content: "Open the assessments menu",
            trigger: ".o_main_navbar button[data-menu-xmlid='edu_standard.menu_assessments']",
            run: "click",
        },
        {
            content: "Yearly assessments",
            trigger: ".dropdown-item[data-menu-xmlid='edu_standard.menu_edu_standard_assessment']",
            run: "click",
        },
        {
            content: "New assessment",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Type the organisation's name",
            trigger: ".o_form_view .o_field_widget[name='organization_id'] input",
            run: "edit Tour music",
        },
        {
            content: "The dropdown lists the organisation and offers no creation",
            trigger:
                ".o-autocomplete--dropdown-menu:not(:has(.o_m2o_dropdown_option_create)):not(:has(.o_m2o_dropdown_option_create_edit)) .o-autocomplete--dropdown-item a:contains('Tour music school')",
            run: "click",
        },
        {
            content: "Year",
            trigger: ".o_form_view .o_field_widget[name='year'] input",
            run: "edit 2031",
        },
        ...[
            ["positions_total", "12"],
            ["positions_filled", "12"],
            ["teachers_total", "8"],
            ["teachers_higher_education", "8"],
            ["teachers_trained", "8"],
            ["pupils_start", "150"],
            ["pupils_retained", "150"],
            ["hours_planned", "900"],
            ["hours_delivered", "900"],
        ].map(([name, value]) => ({
            content: `Figure ${name}`,
            trigger: `.o_form_view .o_field_widget[name='${name}'] input`,
            run: `edit ${value}`,
        })),
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: the name of the assessment and its 100 points",
            trigger:
                ".o_form_view .o_form_saved .o_field_widget[name='name']:contains('Tour music school 2031')",
        },
        {
            content: "100 points",
            trigger: ".o_form_view .o_field_widget[name='total_points']:contains('100')",
        },
    ],
});
