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

// A citizen on a phone writes in the complaints book: the form has its text box, an empty
// text is refused in words, a filled form gives the entry's number.
registry.category("web_tour.tours").add("rating_console_book_tour", {
    steps: () => [
        {
            content: "The book fits the phone",
            trigger: "textarea#body",
            run() {
                const width = document.documentElement.scrollWidth;
                if (width > window.innerWidth) {
                    throw new Error(`the book is ${width}px wide on a ${window.innerWidth}px screen`);
                }
            },
        },
        { content: "Name", trigger: "input#name", run: "edit Vasyl Tour" },
        { content: "Send without a text", trigger: "button.o_rating_console_book_send", run: "click" },
        {
            content: "The text is asked for, in words",
            trigger: "textarea#body.is-invalid ~ .invalid-feedback:contains('Please write your complaint')",
        },
        { content: "The name was kept", trigger: "input#name:value('Vasyl Tour')" },
        { content: "Suggestion", trigger: "select#kind", run: "select suggestion" },
        { content: "Write", trigger: "textarea#body", run: "edit Please add a second window on Saturdays." },
        { content: "Send", trigger: "button.o_rating_console_book_send", run: "click" },
        { content: "The entry's number", trigger: ".o_rating_console_book_thanks .o_rating_console_book_number" },
    ],
});
