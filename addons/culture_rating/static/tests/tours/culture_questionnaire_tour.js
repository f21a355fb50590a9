/** @odoo-module **/

import { registry } from "@web/core/registry";

function fitsThePhone(content) {
    return {
        content: `${content}: no horizontal scroll at this width`,
        trigger: "body",
        run() {
            const width = document.documentElement.scrollWidth;
            if (width > window.innerWidth) {
                throw new Error(`${content}: the page is ${width}px wide on a ${window.innerWidth}px screen`);
            }
        },
    };
}

// A visitor logged in on the phone (a portal user) scans the QR code of an institution: told
// the questionnaire is anonymous, answers it and sends it; no review, no retake.
registry.category("web_tour.tours").add("culture_rating_anonymous_questionnaire_tour", {
    steps: () => [
        fitsThePhone("The page of the link"),
        {
            content: "The page says the questionnaire is anonymous",
            trigger: ".alert:contains('The questionnaire is anonymous')",
        },
        {
            content: "Told that being logged in does not name them",
            trigger: ".o_municipal_quality_logged_in",
        },
        { content: "Start", trigger: "button.o_municipal_quality_start", run: "click" },
        {
            content: "The questionnaire of the culture institutions is shown",
            trigger: "div.js_question-wrapper:contains('Did you use the information stands')",
        },
        fitsThePhone("The questionnaire"),
        {
            content: "Answer every question shown with its last choice (No)",
            trigger: "div.js_question-wrapper:contains('conditions of service in the institution overall')",
            run() {
                for (const wrapper of document.querySelectorAll("div.js_question-wrapper")) {
                    if (wrapper.offsetParent === null) {
                        continue; // a question hidden by the skip logic
                    }
                    const labels = wrapper.querySelectorAll("label.o_survey_choice_btn");
                    if (labels.length) {
                        labels[labels.length - 1].click();
                    }
                }
            },
        },
        { content: "Send", trigger: "button[value='finish']", run: "click" },
        { content: "Thanked", trigger: "h1:contains('Thank you')" },
        {
            content: "No review of the answers, no retake",
            trigger: "body:not(:has(.o_survey_review)):not(:has(a[href*='/survey/retry/']))",
        },
        fitsThePhone("The thank-you page"),
    ],
});
