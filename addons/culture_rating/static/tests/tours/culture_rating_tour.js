/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// A culture department specialist opens the app, opens the campaign of the year and reads the
// ranking computed from the questionnaire, the checklist and the expert values.
registry.category("web_tour.tours").add("culture_rating_campaign_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Culture Rating app",
            trigger: ".o_app[data-menu-xmlid='culture_rating.menu_root']",
            run: "click",
        },
        {
            content: "The campaign of the tour is listed",
            trigger: ".o_list_view .o_data_row td:contains('Tour campaign')",
            run: "click",
        },
        {
            content: "The ranking shows the institution with its total",
            trigger: ".o_form_view .o_field_widget[name='assessment_ids'] td:contains('Tour library')",
        },
        {
            content: "The campaign is computed",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Computed')",
        },
    ],
});
