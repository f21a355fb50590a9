/** @odoo-module **/

import publicWidget from "@web/legacy/js/public/public_widget";

const DAY = 24 * 60 * 60 * 1000;

function parseDay(value) {
    // "YYYY-MM-DD" -> UTC milliseconds of that day (no time zone shift)
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
    return match ? Date.UTC(+match[1], +match[2] - 1, +match[3]) : null;
}

function formatDay(time) {
    return new Date(time).toLocaleDateString(document.documentElement.lang || undefined, {
        timeZone: "UTC",
    });
}

/**
 * Complaint form of the portal (issue 13): as soon as the applicant gives the day on which he
 * established the violation, tell him when the 10 days of the head of the organisation are
 * over (the complaint would be refused) and offer the education department while its 30 days
 * are open. The server checks the same and files a late complaint only once confirmed.
 */
publicWidget.registry.EduComplaintFiling = publicWidget.Widget.extend({
    selector: "form.o_edu_complaint_form",
    events: {
        "change #violation_date": "_update",
        "input #violation_date": "_update",
        "change #level": "_update",
        "click .o_edu_to_department": "_onToDepartment",
    },

    start() {
        this._update();
        return this._super(...arguments);
    },

    _toggle(selector, visible) {
        for (const el of this.el.querySelectorAll(selector)) {
            el.classList.toggle("d-none", !visible);
        }
    },

    _update() {
        const warning = this.el.querySelector(".o_edu_late_warning");
        const violation = parseDay(this.el.querySelector("#violation_date").value);
        const today = parseDay(this.el.dataset.today);
        const level = this.el.querySelector("#level").value;
        if (!warning || violation === null || today === null) {
            warning?.classList.add("d-none");
            return;
        }
        const headDeadline = violation + Number(this.el.dataset.headDays) * DAY;
        const departmentDeadline = violation + Number(this.el.dataset.departmentDays) * DAY;
        const headLate = level === "organization" && today > headDeadline;
        const departmentOpen = today <= departmentDeadline;
        const allLate = (headLate || level === "department") && !departmentOpen;
        for (const el of this.el.querySelectorAll(".o_edu_head_deadline")) {
            el.textContent = formatDay(headDeadline);
        }
        for (const el of this.el.querySelectorAll(".o_edu_department_deadline")) {
            el.textContent = formatDay(departmentDeadline);
        }
        this._toggle(".o_edu_case_head", headLate);
        this._toggle(".o_edu_case_department_open", headLate && departmentOpen);
        this._toggle(".o_edu_case_all_late", allLate);
        warning.classList.toggle("d-none", !(headLate || allLate));
        if (!(headLate || allLate)) {
            this.el.querySelector("#confirm_late").checked = false;
        }
    },

    _onToDepartment(ev) {
        ev.preventDefault();
        const select = this.el.querySelector("#level");
        select.value = "department";
        select.dispatchEvent(new Event("change", { bubbles: true }));
        select.focus();
    },
});

export default publicWidget.registry.EduComplaintFiling;
