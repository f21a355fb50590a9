/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// A unit head (not an HR officer) opens the Bonuses app, finds the review of the unit and its
// servant.
registry.category("web_tour.tours").add("municipal_bonus_review_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Bonuses app",
            trigger: ".o_app[data-menu-xmlid='municipal_bonus.menu_root']",
            run: "click",
        },
        {
            content: "Open the reviews menu",
            trigger: ".o_main_navbar button:contains('Reviews')",
            run: "click",
        },
        {
            content: "Bonus reviews",
            trigger: ".dropdown-item:contains('Bonus reviews')",
            run: "click",
        },
        {
            content: "The review of the unit is listed",
            trigger: ".o_list_view .o_data_row td:contains('Tour unit')",
            run: "click",
        },
        {
            content: "The servant is in the review",
            trigger: ".o_form_view .o_field_widget[name='line_ids'] td:contains('Tour Servant')",
        },
    ],
});

// An employee (no bonus role) opens "My bonus" and reads the premium of the approved review.
registry.category("web_tour.tours").add("municipal_bonus_my_bonus_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Bonuses app",
            trigger: ".o_app[data-menu-xmlid='municipal_bonus.menu_root']",
            run: "click",
        },
        {
            content: "My bonus lists the own line with its premium",
            trigger: ".o_list_view .o_data_row td[name='bonus_percent']:contains('95.00')",
            run: "click",
        },
        {
            content: "The finding is shown with its indicator",
            trigger: ".o_form_view .o_field_widget[name='finding_ids'] td:contains('5.1')",
        },
    ],
});

// The head of administration approves a submitted review from "Reviews to approve".
registry.category("web_tour.tours").add("municipal_bonus_approve_tour", {
    url: "/odoo/action-municipal_bonus.municipal_bonus_review_action_to_approve",
    steps: () => [
        {
            content: "The submitted review is listed",
            trigger: ".o_list_view .o_data_row td:contains('Tour unit 3')",
            run: "click",
        },
        {
            content: "Approve it",
            trigger: ".o_form_view .alert button[name='validate_tier']",
            run: "click",
        },
        {
            content: "The review is approved",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Approved')",
        },
    ],
});
