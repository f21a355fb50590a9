"""Refresh an addon's translation template and merge it into its ru.po and uk.po.

    python3 scripts/i18n_update.py ADDON --config ODOO_CONF --database DB [--fill FILE.json]

1. exports ``addons/ADDON/i18n/ADDON.pot`` from DB (where ADDON is installed) with Odoo's
   ``--i18n-export``;
2. merges it into ``i18n/ru.po`` and ``i18n/uk.po``: translations of msgids still present are
   kept, new msgids are added untranslated, vanished ones are dropped;
3. with ``--fill``, takes translations from a JSON file ``{"ru": {msgid: msgstr}, "uk": {...}}``;
4. prints, per language, the msgids still untranslated (the static check fails on any).
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = {
    "ru": ("Russian / русский язык", "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
           "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"),
    "uk": ("Ukrainian / українська", "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
           "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"),
}


def export_pot(addon, config, database):
    pot_path = ROOT / "addons" / addon / "i18n" / f"{addon}.pot"
    pot_path.parent.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{addon}.pot"
        subprocess.run(
            [sys.executable, "-m", "odoo", "-c", config, "-d", database, "--no-http",
             f"--i18n-export={out}", f"--modules={addon}", "--stop-after-init",
             "--log-level=warn"],
            check=True,
        )
        pot = polib.pofile(str(out), wrapwidth=78)
    pot.save(str(pot_path))
    return pot


def merge(addon, pot, lang, fill):
    po_path = ROOT / "addons" / addon / "i18n" / f"{lang}.po"
    old = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
    known = {(e.msgctxt, e.msgid): e.msgstr for e in old if e.msgstr and not e.obsolete}
    known_by_id = {e.msgid: e.msgstr for e in old if e.msgstr and not e.obsolete}
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(pot.metadata)
    po.metadata.update({
        "Language": lang,
        "Language-Team": LANGUAGES[lang][0],
        "Plural-Forms": LANGUAGES[lang][1],
        "Content-Type": "text/plain; charset=UTF-8",
    })
    missing = []
    for entry in pot:
        msgstr = (fill.get(entry.msgid) or known.get((entry.msgctxt, entry.msgid))
                  or known_by_id.get(entry.msgid) or "")
        po.append(polib.POEntry(
            msgid=entry.msgid, msgstr=msgstr, msgctxt=entry.msgctxt,
            occurrences=entry.occurrences, comment=entry.comment, tcomment=entry.tcomment,
            flags=[f for f in entry.flags if f != "fuzzy"],
        ))
        if not msgstr:
            missing.append(entry.msgid)
    po.save(str(po_path))
    return missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("addon")
    parser.add_argument("--config", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--fill", help="JSON file {lang: {msgid: msgstr}}")
    parser.add_argument("--no-export", action="store_true", help="reuse the existing .pot")
    args = parser.parse_args()
    if args.no_export:
        pot = polib.pofile(str(ROOT / "addons" / args.addon / "i18n" / f"{args.addon}.pot"))
    else:
        pot = export_pot(args.addon, args.config, args.database)
    fill = json.loads(Path(args.fill).read_text()) if args.fill else {}
    status = 0
    for lang in LANGUAGES:
        missing = merge(args.addon, pot, lang, fill.get(lang, {}))
        print(f"{args.addon} {lang}.po: {len(pot)} msgids, {len(missing)} untranslated")
        for msgid in missing:
            print(f"    {msgid!r}")
        status |= bool(missing)
    return status


if __name__ == "__main__":
    sys.exit(main())
