/** @odoo-module **/

import { registry } from "@web/core/registry";

// A tablet at a workplace: paired by a one-time code, dark until the server calls a ticket, lit
// by the bus, one press per ticket, "why?" after Bad, reset; then a network outage while a press
// is sent (the first attempt fails, the second reaches the server but its answer is lost): the
// press waits in the tablet's storage and arrives once.
registry.category("web_tour.tours").add("rating_console_tablet_tour", {
    steps: () => {
        const code = new URLSearchParams(window.location.search).get("tour_code");
        return [
            { content: "Type the pairing code", trigger: "input[name=code]", run: `edit ${code}` },
            { content: "Pair", trigger: ".o_rating_tablet_pair_send", run: "click" },
            {
                content: "Paired: the console's page, in the office's language, dark",
                trigger: "html[lang='uk-UA'] .o_rating_tablet[data-subscribed] .o_rating_tablet_main:not(.d-none)",
                run() {
                    if (window.localStorage.getItem("rating_console.tablet").includes(code)) {
                        throw new Error("the pairing code was kept on the tablet");
                    }
                    if (document.querySelector(".o_rating_tablet_button.o_lit")) {
                        throw new Error("a button is lit while no ticket is called");
                    }
                },
            },
            {
                content: "A press while no ticket is called is ignored",
                trigger: ".o_rating_tablet_bad:not(.o_lit):contains('Погано')",
                run: "click",
            },
            {
                content: "Nothing happened (no why?, no thanks)",
                trigger: ".o_rating_tablet_main:not(.d-none) .o_rating_tablet_bad:not(.o_lit)",
                run() {
                    if (!document.querySelector(".o_rating_tablet_why.d-none") ||
                        !document.querySelector(".o_rating_tablet_thanks.d-none")) {
                        throw new Error("an ignored press was answered");
                    }
                },
            },
            {
                content: "The ticket the server called lights the three buttons",
                trigger: ".o_rating_tablet_bad.o_lit",
                run() {
                    const litAt = document.querySelector(".o_rating_tablet").dataset.litAt;
                    console.log(`rating_console tablet lit at ${litAt}`);
                },
            },
            { content: "Press Bad", trigger: ".o_rating_tablet_bad.o_lit", run: "click" },
            {
                content: "One press per ticket: the pressed button stays lit, the two others dark",
                trigger: ".o_rating_tablet_why:not(.d-none)",
                run() {
                    const lit = document.querySelectorAll(".o_rating_tablet_button.o_lit");
                    if (lit.length !== 1 || !lit[0].classList.contains("o_rating_tablet_bad")) {
                        throw new Error("after the press only the pressed button is lit");
                    }
                },
            },
            {
                content: "Why?",
                trigger: ".o_rating_tablet_why:not(.d-none) .o_rating_tablet_reason:contains('Long queue')",
                run: "click",
            },
            { content: "Send", trigger: ".o_rating_tablet_why:has(.o_rating_tablet_reason.o_selected) .o_rating_tablet_send", run: "click" },
            { content: "Thanks", trigger: ".o_rating_tablet_thanks:not(.d-none)" },
            {
                content: "Reset: back to the buttons",
                trigger: ".o_rating_tablet_main:not(.d-none) .o_rating_tablet_bad.o_lit",
                run() {
                    // the network goes away: the first attempt fails, the next one reaches the
                    // server but its answer is lost
                    const realFetch = window.fetch;
                    let calls = 0;
                    window.__rcRealFetch = realFetch;
                    window.fetch = async (...args) => {
                        calls++;
                        if (calls === 1) {
                            throw new TypeError("tour: the server is away");
                        }
                        await realFetch(...args);
                        document.body.dataset.rcAnswerLost = String(calls);
                        throw new TypeError("tour: the answer was lost");
                    };
                },
            },
            {
                content: "The next ticket is called: all three lit again",
                trigger: ".o_rating_tablet_excellent.o_lit",
                run() {
                    if (document.querySelectorAll(".o_rating_tablet_button.o_lit").length !== 3) {
                        throw new Error("a called ticket lights the three buttons");
                    }
                },
            },
            { content: "Press Excellent", trigger: ".o_rating_tablet_excellent.o_lit", run: "click" },
            {
                content: "No answer from the server: the press waits on the tablet",
                trigger: ".o_rating_tablet_pending:not(.d-none)",
                run() {
                    window.dispatchEvent(new Event("online")); // the network comes back...
                },
            },
            {
                content: "...but the answer of the delivery is lost; the network is restored",
                trigger: "body[data-rc-answer-lost]",
                run() {
                    window.fetch = window.__rcRealFetch;
                    window.dispatchEvent(new Event("online"));
                },
            },
            {
                content: "Sent again (a duplicate for the server): nothing waits any more",
                trigger: ".o_rating_tablet[data-pending='0'] .o_rating_tablet_main:not(.d-none)",
                run() {
                    const outbox = window.localStorage.getItem("rating_console.tablet.outbox");
                    if (outbox !== "[]") {
                        throw new Error(`events still waiting: ${outbox}`);
                    }
                },
            },
        ];
    },
});
