/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// An operator opens the Rating Consoles app, opens the workplace and calls the next client:
// the ticket is called (and the console of the workplace would light up).
registry.category("web_tour.tours").add("rating_console_operator_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Rating Consoles app",
            trigger: ".o_app[data-menu-xmlid='rating_console.menu_root']",
            run: "click",
        },
        {
            content: "Open the Queue menu",
            trigger: ".o_main_navbar button:contains('Queue')",
            run: "click",
        },
        {
            content: "Workplaces",
            trigger: ".dropdown-item:contains('Workplaces')",
            run: "click",
        },
        {
            content: "Open the tour workplace",
            trigger: ".o_list_view .o_data_row td:contains('TOUR-W1')",
            run: "click",
        },
        {
            content: "Call the next client",
            trigger: ".o_form_view button[name='action_call_next']",
            run: "click",
        },
        {
            content: "The oldest waiting ticket is called",
            trigger: ".o_form_view .o_field_widget[name='number']:contains('T-100')",
        },
        {
            content: "Its state is Called",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Called')",
        },
    ],
});
