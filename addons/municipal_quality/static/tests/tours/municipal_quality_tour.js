/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// A quality officer opens the app, finds a service, reads its regulation in force,
// then lists the regulations whose review is overdue.
registry.category("web_tour.tours").add("municipal_quality_services_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Service Quality app",
            trigger: ".o_app[data-menu-xmlid='municipal_quality.menu_root']",
            run: "click",
        },
        {
            content: "The municipal services are listed",
            trigger: ".o_list_view .o_data_row td:contains('TOUR-1')",
            run: "click",
        },
        {
            content: "The service form shows its regulation in force",
            trigger: ".o_form_view .o_field_widget[name='current_regulation_id']:contains('Tour regulation v1')",
        },
        {
            content: "Open the regulations menu",
            trigger: ".o_main_navbar button:contains('Services')",
            run: "click",
        },
        {
            content: "Administrative regulations",
            trigger: ".dropdown-item:contains('Administrative regulations')",
            run: "click",
        },
        {
            content: "The regulation in force of the tour service is listed",
            trigger: ".o_list_view .o_data_row td:contains('Tour regulation v1')",
        },
    ],
});
