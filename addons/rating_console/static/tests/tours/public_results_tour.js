/** @odoo-module **/

import { registry } from "@web/core/registry";
import { fitsThePhone } from "@municipal_quality/../tests/tours/citizen_voice_tours";

// A citizen opens the public results of the consoles on a phone (390 px): one card per office
// and per direction, nothing wider than the screen, the tables hidden.
registry.category("web_tour.tours").add("rating_console_results_phone", {
    url: "/rating_console/results",
    steps: () => [
        {
            content: "A card for the centre, with its share of Excellent",
            trigger: ".o_rating_console_card:contains('Transparent office'):contains('50.00'):visible",
        },
        {
            content: "The tables are for wider screens",
            trigger: "body:not(:has(table.o_rating_console_by_office:visible))",
        },
        fitsThePhone("The results of the consoles"),
    ],
});
