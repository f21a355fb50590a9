/** @odoo-module **/

// The web (tablet) console of a workplace: the three buttons of the printed console on a tablet.
//
// Pairing: the page exchanges a one-time code for the console's credentials (serial, token, bus
// channel), kept in the tablet's localStorage; nobody sees or types the token. The buttons light
// exactly when the printed console's would (rating_console/bridge/protocol.py, ConsoleState):
// all three when Odoo pushes "call" on the console's bus channel, the pressed one alone after the
// one press of the ticket, none after "end"; a press while nothing is lit is ignored. A press is
// an event of the event API (/rating_console/v1/events), with its own id: events wait in
// localStorage while the server is away and are sent in order when it is back (the API stores
// an event id once, so a resend is harmless).

import publicWidget from "@web/legacy/js/public/public_widget";

const CREDENTIALS_KEY = "rating_console.tablet";
const OUTBOX_KEY = "rating_console.tablet.outbox";
const WHY_TIMEOUT_MS = 20000;
const THANKS_MS = 3000;
const RETRY_MS = 5000;
const BATCH = 100;

function readJson(key, fallback) {
    try {
        return JSON.parse(window.localStorage.getItem(key)) ?? fallback;
    } catch {
        return fallback;
    }
}

function newEventId() {
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return "tab-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

publicWidget.registry.RatingConsoleTabletPairing = publicWidget.Widget.extend({
    selector: ".o_rating_tablet_pairing",
    events: { "submit form": "_onSubmit" },

    async _onSubmit(ev) {
        ev.preventDefault();
        const input = this.el.querySelector("input[name=code]");
        const show = (cls) => {
            input.classList.toggle("is-invalid", Boolean(cls));
            for (const el of this.el.querySelectorAll(".invalid-feedback")) {
                el.classList.toggle("d-block", el.classList.contains(cls));
            }
        };
        let response;
        try {
            response = await window.fetch("/rating_console/v1/pair", {
                method: "POST",
                headers: { "Content-Type": "application/json" },
                body: JSON.stringify({ code: input.value }),
            });
        } catch {
            show("o_rating_tablet_pair_network");
            return;
        }
        if (!response.ok) {
            show("o_rating_tablet_pair_error");
            return;
        }
        const credentials = await response.json();
        window.localStorage.setItem(CREDENTIALS_KEY, JSON.stringify(credentials));
        window.location.assign(credentials.page);
    },
});

publicWidget.registry.RatingConsoleTablet = publicWidget.Widget.extend({
    selector: ".o_rating_tablet",
    events: {
        "click .o_rating_tablet_button": "_onPress",
        "click .o_rating_tablet_reason": "_onReason",
        "input .o_rating_tablet_comment": "_armWhyTimer",
        "click .o_rating_tablet_send": "_onSend",
        "click .o_rating_tablet_skip": "_onSkip",
    },

    start() {
        this.credentials = readJson(CREDENTIALS_KEY, null);
        this.ticket = null; // the ticket called at the workplace (null: the buttons are dark)
        this.pressed = null; // the button pressed for this ticket
        this.pending = null; // the vote waiting for its "why?"
        this.sending = false;
        if (!this.credentials || this.credentials.console !== this.el.dataset.serial) {
            this._show("o_rating_tablet_unpaired");
            return this._super(...arguments);
        }
        this._render();
        this.busService = this.bindService("bus_service");
        this.busService.subscribe(this.el.dataset.messageType, (payload) => this._onPush(payload));
        this.busService.addChannel(this.credentials.channel).then(() => {
            this.el.dataset.subscribed = "1";
        });
        this._onOnline = () => this._flush();
        window.addEventListener("online", this._onOnline);
        this._flush();
        return this._super(...arguments);
    },

    destroy() {
        window.removeEventListener("online", this._onOnline);
        clearTimeout(this.whyTimer);
        clearTimeout(this.thanksTimer);
        clearTimeout(this.retryTimer);
        this._super(...arguments);
    },

    // -- lights (the state machine of the printed console) ------------------------------------
    _onPush(payload) {
        if (payload.action === "call") {
            if (this.pending) {
                this._finishWhy(true); // the next client is called: the last vote goes as it is
            }
            this.ticket = payload.ticket || "?";
            this.pressed = null;
            this.el.dataset.litAt = String(Date.now());
        } else if (payload.action === "end") {
            this.ticket = null;
            this.pressed = null;
        }
        this._render();
    },

    _render() {
        for (const button of this.el.querySelectorAll(".o_rating_tablet_button")) {
            const value = button.dataset.value;
            const lit = Boolean(this.ticket) && (!this.pressed || this.pressed === value);
            button.classList.toggle("o_lit", lit);
            button.setAttribute("aria-disabled", lit && !this.pressed ? "false" : "true");
        }
        const outbox = readJson(OUTBOX_KEY, []);
        this.el.dataset.pending = String(outbox.length);
        this.el.querySelector(".o_rating_tablet_pending").classList.toggle("d-none", !outbox.length);
    },

    _show(panel) {
        for (const name of ["o_rating_tablet_unpaired", "o_rating_tablet_main",
            "o_rating_tablet_why", "o_rating_tablet_thanks"]) {
            this.el.querySelector("." + name).classList.toggle("d-none", name !== panel);
        }
    },

    // -- the press and its "why?" ----------------------------------------------------------------
    _onPress(ev) {
        const value = ev.currentTarget.dataset.value;
        if (!this.ticket || this.pressed || this.pending) {
            return; // nothing called, or this ticket is rated: ignored, as on the printed console
        }
        this.pressed = value;
        this._render();
        const event = { id: newEventId(), type: "vote", value, at: new Date().toISOString() };
        if (value === "bad" || (value === "good" && this.el.dataset.askGood === "1")) {
            this.pending = event;
            this.reason = null;
            for (const el of this.el.querySelectorAll(".o_rating_tablet_reason")) {
                el.classList.remove("o_selected");
            }
            this.el.querySelector(".o_rating_tablet_comment").value = "";
            this._show("o_rating_tablet_why");
            this._armWhyTimer();
        } else {
            this._send(event);
        }
    },

    _armWhyTimer() {
        clearTimeout(this.whyTimer);
        // no answer: the vote goes with what was given, the page thanks and resets
        this.whyTimer = setTimeout(() => this._finishWhy(true), WHY_TIMEOUT_MS);
    },

    _onReason(ev) {
        this.reason = parseInt(ev.currentTarget.dataset.reasonId, 10);
        for (const el of this.el.querySelectorAll(".o_rating_tablet_reason")) {
            el.classList.toggle("o_selected", el === ev.currentTarget);
        }
        this._armWhyTimer();
    },

    _onSend() {
        this._finishWhy(true);
    },

    _onSkip() {
        this._finishWhy(false);
    },

    _finishWhy(withAnswer) {
        clearTimeout(this.whyTimer);
        const event = this.pending;
        if (!event) {
            return;
        }
        this.pending = null;
        if (withAnswer) {
            const comment = this.el.querySelector(".o_rating_tablet_comment").value.trim();
            if (this.reason) {
                event.reason = this.reason;
            }
            if (comment) {
                event.comment = comment;
            }
        }
        this._send(event);
    },

    _send(event) {
        const outbox = readJson(OUTBOX_KEY, []);
        outbox.push(event);
        window.localStorage.setItem(OUTBOX_KEY, JSON.stringify(outbox));
        this._show("o_rating_tablet_thanks");
        clearTimeout(this.thanksTimer);
        this.thanksTimer = setTimeout(() => {
            this._show("o_rating_tablet_main");
            this._render();
        }, THANKS_MS);
        this._flush();
    },

    // -- delivery: in order, kept while the server is away -----------------------------------------
    async _flush() {
        if (this.sending) {
            return;
        }
        const batch = readJson(OUTBOX_KEY, []).slice(0, BATCH);
        if (!batch.length) {
            this._render();
            return;
        }
        this.sending = true;
        clearTimeout(this.retryTimer);
        let done = false;
        try {
            const response = await window.fetch("/rating_console/v1/events", {
                method: "POST",
                headers: {
                    "Content-Type": "application/json",
                    Authorization: `Bearer ${this.credentials.token}`,
                },
                body: JSON.stringify({ console: this.credentials.console, events: batch }),
            });
            if (response.status === 401) {
                this._show("o_rating_tablet_unpaired"); // the console got a new token
            } else if (response.ok || (response.status >= 400 && response.status < 500)) {
                // answered: each event is stored, known already or refused for good
                const result = response.ok ? await response.json() : {};
                for (const refused of result.rejected || []) {
                    console.warn("rating console: event refused", refused.id, refused.reason);
                }
                const sent = new Set(batch.map((event) => event.id));
                const outbox = readJson(OUTBOX_KEY, []).filter((event) => !sent.has(event.id));
                window.localStorage.setItem(OUTBOX_KEY, JSON.stringify(outbox));
                done = true;
            }
        } catch {
            // the server is away: the events wait in the tablet's storage
        } finally {
            this.sending = false;
        }
        this._render();
        if (readJson(OUTBOX_KEY, []).length) {
            this.retryTimer = setTimeout(() => this._flush(), done ? 0 : RETRY_MS);
        }
    },
});
