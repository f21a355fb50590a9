/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// An officer of the education department opens the app, reads a yearly assessment with its
// band, then opens the open complaints.
registry.category("web_tour.tours").add("edu_standard_tour", {
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
            trigger: ".o_main_navbar button:contains('Assessments')",
            run: "click",
        },
        {
            content: "Yearly assessments",
            trigger: ".dropdown-item:contains('Yearly assessments')",
            run: "click",
        },
        {
            content: "The assessment of the tour organisation is listed",
            trigger: ".o_list_view .o_data_row td:contains('Tour school')",
            run: "click",
        },
        {
            content: "The form shows the total of 93 points",
            trigger: ".o_form_view .o_field_widget[name='total_points']:contains('93')",
        },
        {
            content: "Open the complaints menu",
            trigger: ".o_main_navbar button:contains('Complaints')",
            run: "click",
        },
        {
            content: "Complaints",
            trigger: ".dropdown-item:contains('Complaints')",
            run: "click",
        },
        {
            content: "The complaint about the tour organisation is listed",
            trigger: ".o_list_view .o_data_row td:contains('Tour school')",
        },
    ],
});
