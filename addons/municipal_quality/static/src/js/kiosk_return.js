/** @odoo-module **/
// The office tablet (kiosk link of the citizen questionnaire): once the thank-you page is
// shown, go back to a fresh questionnaire of the same office after the configured delay, so
// that nothing of the previous citizen stays on the screen. The survey form injects the
// thank-you page without reloading: watch the page for it.

function armKioskReturn(element) {
    if (element.dataset.armed) {
        return;
    }
    element.dataset.armed = "1";
    const seconds = Math.max(parseInt(element.dataset.seconds, 10) || 8, 1);
    setTimeout(() => window.location.assign(element.dataset.href), seconds * 1000);
}

function scan() {
    document.querySelectorAll(".o_municipal_quality_kiosk_return").forEach(armKioskReturn);
}

if (typeof document !== "undefined") {
    new MutationObserver(scan).observe(document.documentElement, {
        childList: true,
        subtree: true,
    });
    document.addEventListener("DOMContentLoaded", scan);
    scan();
}
