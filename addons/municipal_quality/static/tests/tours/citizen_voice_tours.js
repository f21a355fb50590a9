/** @odoo-module **/

import { registry } from "@web/core/registry";

// Steps shared by the citizen's tours: the page fits a phone, the questionnaire is answered
// and sent.
export function fitsThePhone(content) {
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

function answerAndSend(why) {
    const steps = [
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
    ];
    if (why) {
        steps.push({
            content: "Say why",
            trigger: "div.js_question-wrapper:contains('What should we improve') textarea",
            run: `edit ${why}`,
        });
    }
    steps.push(
        fitsThePhone("The questionnaire"),
        { content: "Send", trigger: "button[value='finish']", run: "click" },
        { content: "Thanked", trigger: "h1:contains('Thank you')" },
        {
            content: "No review of the answers, no retake",
            trigger: "body:not(:has(.o_survey_review)):not(:has(a[href*='/survey/retry/']))",
        }
    );
    return steps;
}

const start = [
    fitsThePhone("The page of the link"),
    {
        content: "The page says the questionnaire is anonymous",
        trigger: ".alert:contains('The questionnaire is anonymous')",
    },
    { content: "Start", trigger: "button.o_municipal_quality_start", run: "click" },
];

// A parent logged in on the phone scans a servant's QR code: told the answers stay anonymous.
registry.category("web_tour.tours").add("municipal_quality_logged_in_anonymous_tour", {
    steps: () => [
        {
            content: "Told that being logged in does not name them",
            trigger: ".o_municipal_quality_logged_in",
        },
        ...start,
        ...answerAndSend("The queue at the entrance was long"),
    ],
});

// The same phone opens the same link again after answering: refused, nothing stored.
registry.category("web_tour.tours").add("municipal_quality_second_answer_tour", {
    steps: () => [
        {
            content: "Remember the link",
            trigger: "body",
            run() {
                sessionStorage.setItem("msq_tour_link", window.location.pathname);
            },
        },
        ...start,
        ...answerAndSend(),
        {
            content: "Open the same link again",
            trigger: "h1:contains('Thank you')",
            run() {
                window.location.assign(sessionStorage.getItem("msq_tour_link"));
            },
        },
        {
            content: "The second answer is refused",
            trigger: "h1:contains('your opinion is already recorded')",
        },
        fitsThePhone("The refusal"),
    ],
});

// The office tablet: two citizens in a row; the second one sees a fresh questionnaire.
registry.category("web_tour.tours").add("municipal_quality_kiosk_tour", {
    steps: () => [
        ...start,
        ...answerAndSend(),
        {
            content: "The tablet offers the next citizen a fresh questionnaire by itself",
            trigger: "button.o_municipal_quality_start",
            timeout: 20000,
        },
        { content: "Second citizen starts", trigger: "button.o_municipal_quality_start", run: "click" },
        {
            content: "Nothing of the first citizen is shown",
            trigger: "div.js_question-wrapper:contains('Were the premises comfortable'):not(:has(input:checked))",
        },
        ...answerAndSend(),
    ],
});

// A citizen on a phone switches the landing page to Ukrainian, then starts the questionnaire:
// the questionnaire speaks Ukrainian too, and neither page is wider than the phone.
registry.category("web_tour.tours").add("municipal_quality_language_tour", {
    steps: () => [
        fitsThePhone("The landing page"),
        {
            content: "Switch to Ukrainian",
            trigger: "nav.o_municipal_quality_langs a[lang='uk-UA']",
            run: "click",
        },
        {
            content: "The page is in Ukrainian",
            trigger: "html[lang='uk-UA'] button.o_municipal_quality_start:contains('Почати анкету')",
        },
        fitsThePhone("The landing page in Ukrainian"),
        {
            content: "Start",
            trigger: "button.o_municipal_quality_start",
            run: "click",
        },
        {
            content: "The questionnaire keeps the language and offers the others",
            trigger: "html[lang='uk-UA'] nav.o_municipal_quality_langs a[lang='ru-RU']",
        },
        fitsThePhone("The questionnaire in Ukrainian"),
    ],
});

// A citizen scans the QR poster of an office, answers anonymously on the phone and sends.
registry.category("web_tour.tours").add("municipal_quality_citizen_survey_tour", {
    steps: () => [
        ...start,
        ...answerAndSend(),
        {
            content: "The thank-you page points to what the office did after the voices",
            trigger: "a.o_municipal_quality_we_did_link[href^='/quality/we-did/']",
            run: "click",
        },
        { content: "You said, we did", trigger: ".o_municipal_quality_we_did h1" },
        fitsThePhone("The page of the measures"),
    ],
});
