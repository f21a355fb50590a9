"""Each addon has its template and complete Russian and Ukrainian translations."""

import polib

from ._common import ADDONS_DIR, LANGUAGES, expect_none, parametrize_addons, po_problems


def _load(path):
    try:
        return polib.pofile(str(path))
    except (OSError, ValueError) as exc:
        expect_none([f"does not parse: {exc}"], str(path))


@parametrize_addons()
def test_translations(addon):
    i18n = ADDONS_DIR / addon / "i18n"
    names = [f"{addon}.pot"] + [f"{lang}.po" for lang in LANGUAGES]
    expect_none([f"i18n/{n} is missing" for n in names if not (i18n / n).is_file()], addon)
    pot = _load(i18n / f"{addon}.pot")
    problems = []
    for lang in LANGUAGES:
        po = _load(i18n / f"{lang}.po")
        problems += [f"i18n/{lang}.po: {problem}" for problem in po_problems(pot, po, lang)]
    expect_none(problems, addon)
