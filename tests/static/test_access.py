"""Every model an addon defines has at least one access rule in that addon."""

from ._common import (
    ADDONS_DIR,
    addon_models,
    expect_none,
    missing_access_problems,
    parametrize_addons,
)


@parametrize_addons()
def test_models_have_access_rules(addon):
    models = addon_models(ADDONS_DIR / addon)
    csv_path = ADDONS_DIR / addon / "security" / "ir.model.access.csv"
    if models and not csv_path.is_file():
        expect_none([f"defines {sorted(models)} but has no security/ir.model.access.csv"], addon)
    text = csv_path.read_text(encoding="utf-8") if csv_path.is_file() else ""
    expect_none(missing_access_problems(models, text, addon), addon)
