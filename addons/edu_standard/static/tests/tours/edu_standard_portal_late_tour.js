/** @odoo-module **/

import { registry } from "@web/core/registry";

function setValue(selector, value) {
    const el = document.querySelector(selector);
    el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
}

function noHorizontalScroll() {
    const { scrollWidth } = document.documentElement;
    if (scrollWidth > window.innerWidth) {
        throw new Error(`The page scrolls sideways: ${scrollWidth} > ${window.innerWidth}`);
    }
}

// Issue 13 (parents), on a phone: a parent files a complaint 15 days after the violation.
// The form warns that the head's 10 days are over and offers the education department (its
// 30 days are still open); the parent takes it, and the complaint is addressed to the
// department.
registry.category("web_tour.tours").add("edu_standard_portal_late_tour", {
    url: "/my/edu_complaints/new",
    steps: () => [
        {
            content: "The complaint form, no warning yet",
            trigger: "form.o_edu_complaint_form:has(.o_edu_late_warning.d-none)",
            run: noHorizontalScroll,
        },
        {
            content: "Choose the organisation",
            trigger: "select#organization_id",
            run() {
                const option = [...this.anchor.options].find((o) =>
                    o.textContent.includes("Portal tour school")
                );
                setValue("#organization_id", option.value);
            },
        },
        {
            content: "To the head of the organisation",
            trigger: "select#level",
            run: () => setValue("#level", "organization"),
        },
        {
            content: "The violation was established 15 days ago",
            trigger: "input#violation_date",
            run() {
                const today = document.querySelector("form.o_edu_complaint_form").dataset.today;
                const [y, m, d] = today.split("-").map(Number);
                const day = new Date(Date.UTC(y, m - 1, d - 15)).toISOString().slice(0, 10);
                setValue("#violation_date", day);
            },
        },
        {
            content: "Warned: the head's 10 days are over; the department is offered",
            trigger:
                ".o_edu_late_warning:not(.d-none):has(.o_edu_head_deadline:not(:empty)):has(.o_edu_department_deadline:not(:empty)) .o_edu_case_head:not(.d-none) + .o_edu_case_department_open:not(.d-none) .o_edu_to_department",
            run: noHorizontalScroll,
        },
        {
            content: "Take the alternative: the education department",
            trigger: ".o_edu_to_department",
            run: "click",
        },
        {
            content: "The complaint is now addressed to the department; no warning left",
            trigger:
                "form.o_edu_complaint_form:has(#level option[value='department']:checked):has(.o_edu_late_warning.d-none)",
        },
        {
            content: "The pupil",
            trigger: "input#pupil_name",
            run: "edit Late Pupil",
        },
        {
            content: "Describe the violation",
            trigger: "textarea#description",
            run: "edit Classes cancelled for two weeks without notice",
        },
        {
            content: "The limits are stated on the form",
            trigger:
                "form.o_edu_complaint_form:has(#description[maxlength='5000']):has(.form-text:contains('5000')):has(#pupil_name[maxlength='200'])",
        },
        {
            content: "Confirm the legal capacity (2.6.3)",
            trigger: "input#legal_capacity",
            run: "check",
        },
        {
            content: "File the complaint",
            trigger: "form.o_edu_complaint_form button[type='submit']",
            run: "click",
        },
        {
            content: "Filed with the head of the education department",
            trigger: ".card-body:contains('Head of the education department')",
            run: noHorizontalScroll,
        },
    ],
});

// Issue 13 (parents), on a phone: after the head's answer, the parent takes the complaint to
// the education department from its page.
registry.category("web_tour.tours").add("edu_standard_portal_escalation_tour", {
    steps: () => [
        {
            content: "The answer of the head, and the offer of the department",
            trigger: ".o_edu_escalation:contains('Not satisfied with the answer?')",
            run: noHorizontalScroll,
        },
        {
            content: "Take it to the education department",
            trigger: ".o_edu_escalation button[type='submit']",
            run: "click",
        },
        {
            content: "The new complaint, addressed to the department",
            trigger:
                ".card-body:contains('Head of the education department'):contains('Taken to the education department after the answer')",
            run: noHorizontalScroll,
        },
    ],
});

// Section 2.6.1, on a phone: the documents of the organisations, no sideways scroll.
registry.category("web_tour.tours").add("edu_standard_portal_documents_tour", {
    url: "/my/edu_documents",
    steps: () => [
        {
            content: "The charter of the school, with its file",
            trigger: ".o_edu_documents:contains('Documents art school') a[href^='/my/edu_documents/']",
            run: noHorizontalScroll,
        },
    ],
});
