/** @odoo-module **/

import { registry } from "@web/core/registry";

// Checks of the public and council pages of the culture rating, at the width of the browser
// the test chooses (390 px for a phone, 1400 px for a wide screen).

function fitsTheScreen(content) {
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

// The words of the visible texts under `selector` that the layout cut across two lines
// ("Учр/ежд/ени/е"); addresses (URLs) and hyphens may break, words may not.
function brokenWords(selector) {
    const broken = [];
    for (const root of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
            const parent = node.parentElement;
            if (!parent || !parent.offsetParent || parent.closest("a[href^='http']")) {
                continue;
            }
            // a compound word may break at its hyphen ("культурно-/досуговый")
            const words = /[^\s\u2010-\u2014-]+/g;
            let match;
            while ((match = words.exec(node.data))) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const lines = new Set(
                    [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))
                );
                if (lines.size > 1) {
                    broken.push(match[0]);
                }
            }
        }
    }
    return broken;
}

function noBrokenWord(content, selector) {
    return {
        content: `${content}: no word cut across lines`,
        trigger: selector,
        run() {
            const broken = brokenWords(selector);
            if (broken.length) {
                throw new Error(`${content}: words cut across lines: ${broken.join(", ")}`);
            }
        },
    };
}

// Cells whose content is wider than the cell: a name truncated, scores written over each other.
function nothingCut(content, selector) {
    return {
        content: `${content}: no cell cut or overlapping`,
        trigger: selector,
        run() {
            const cut = [...document.querySelectorAll(selector)].filter(
                (cell) => cell.offsetParent && cell.scrollWidth > cell.clientWidth + 1
            );
            if (cut.length) {
                throw new Error(`${content}: cut cells: ${cut.map((c) => c.textContent.trim()).join(" | ")}`);
            }
        },
    };
}

registry.category("web_tour.tours").add("culture_rating_public_phone_tour", {
    steps: () => [
        { content: "The ranking is shown as cards", trigger: ".o_culture_ranking_card:visible" },
        fitsTheScreen("The public ranking"),
        noBrokenWord("The ranking", ".o_culture_rating_public"),
        nothingCut("The scores of an institution", ".o_culture_rating_public td"),
        {
            content: "The first place is the first in the rating, not a contest winner",
            trigger: ".o_culture_first_in_rating:contains('First in the independent rating')",
            run() {
                const text = document.body.innerText.toLowerCase();
                for (const word of ["winner", "contest"]) {
                    if (text.includes(word)) {
                        throw new Error(`The public page says "${word}"`);
                    }
                }
            },
        },
    ],
});

registry.category("web_tour.tours").add("culture_rating_council_phone_tour", {
    steps: () => [
        { content: "A page of the council", trigger: "#wrap h2" },
        fitsTheScreen("The council page"),
        noBrokenWord("The council page", "#wrap"),
    ],
});

registry.category("web_tour.tours").add("culture_rating_council_wide_tour", {
    steps: () => [
        { content: "The ranking is shown as a table", trigger: "table.o_culture_ranking:visible" },
        fitsTheScreen("The council's campaign"),
        nothingCut("The ranking", "table.o_culture_ranking td, table.o_culture_ranking th"),
        noBrokenWord("The names of the ranking", "table.o_culture_ranking td.o_culture_name"),
        noBrokenWord("The disclosure checks", "table.o_culture_portal_checks"),
    ],
});
