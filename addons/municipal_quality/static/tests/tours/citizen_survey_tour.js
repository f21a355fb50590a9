/** @odoo-module **/

import { registry } from "@web/core/registry";

// A citizen scans the QR poster of an office, answers the questionnaire anonymously and submits.
registry.category("web_tour.tours").add("municipal_quality_citizen_survey_tour", {
    steps: () => [
        {
            content: "Start the questionnaire",
            trigger: "button.btn:contains('Start')",
            run: "click",
        },
        {
            content: "Not satisfied with the premises",
            trigger: "div.js_question-wrapper:contains('Were the premises comfortable') label:contains('Not satisfied')",
            run: "click",
        },
        {
            content: "Satisfied with the servant",
            trigger: "div.js_question-wrapper:contains('Was the servant polite and competent') label:contains('Fully satisfied')",
            run: "click",
        },
        {
            content: "Submit",
            trigger: "button[value='finish']",
            run: "click",
        },
        {
            content: "The questionnaire thanks the citizen",
            trigger: "h1:contains('Thank you')",
        },
    ],
});
