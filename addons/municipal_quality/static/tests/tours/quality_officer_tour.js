/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// A quality officer reads the dynamics of the indicator, then plans a monitoring of the
// regulations and starts it.
registry.category("web_tour.tours").add("municipal_quality_officer_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Service Quality app",
            trigger: ".o_app[data-menu-xmlid='municipal_quality.menu_root']",
            run: "click",
        },
        {
            content: "Open the satisfaction menu",
            trigger: ".o_main_navbar button:contains('Satisfaction')",
            run: "click",
        },
        {
            content: "Dynamics by year",
            trigger: ".dropdown-item:contains('Dynamics by year')",
            run: "click",
        },
        {
            content: "The year of the tour responses is listed with its rate",
            trigger: ".o_list_view .o_data_row:contains('2014'):contains('66.67')",
        },
        {
            content: "Open the satisfaction menu again",
            trigger: ".o_main_navbar button:contains('Satisfaction')",
            run: "click",
        },
        {
            content: "Satisfaction analysis",
            trigger: ".dropdown-item:contains('Satisfaction analysis')",
            run: "click",
        },
        {
            content: "It opens on the twelve months with answers: the rate and the target",
            trigger: ".o_pivot .o_pivot_cell_value:contains('66.67')",
        },
        {
            content: "The target is shown beside the rate",
            trigger: ".o_pivot .o_pivot_cell_value:contains('80.00')",
        },
        {
            content: "The period filter says which months",
            trigger: ".o_searchview_facet:contains('Last 12 months with answers')",
        },
        {
            content: "Open the monitoring menu",
            trigger: ".o_main_navbar button:contains('Monitoring')",
            run: "click",
        },
        {
            content: "Monitorings",
            trigger: ".dropdown-item:contains('Monitorings')",
            run: "click",
        },
        {
            content: "Create a monitoring",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Name it",
            trigger: ".o_form_view .o_field_widget[name='name'] input",
            run: "edit Tour monitoring",
        },
        {
            content: "Period start",
            trigger: ".o_form_view .o_field_widget[name='date_from'] input",
            run: "edit 01/01/2014",
        },
        {
            content: "Period end",
            trigger: ".o_form_view .o_field_widget[name='date_to'] input",
            run: "edit 12/31/2014",
        },
        {
            content: "Close the date picker",
            trigger: ".o_form_view .oe_title label",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "Start the monitoring",
            trigger: ".o_form_view button[name='action_start']",
            run: "click",
        },
        {
            content: "The monitoring is in progress",
            trigger: ".o_form_view .o_field_widget[name='state'] .o_arrow_button_current:contains('In progress')",
        },
    ],
});
