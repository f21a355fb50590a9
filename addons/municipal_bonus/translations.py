"""Russian and Ukrainian for the dependencies whose users are ours and that ship neither.

OCA's ``base_tier_validation`` (the approval panel of the reviews and premiums: "Next:",
"Reviews", "Requested by", "Todo by", "Done by"...) has no ru/uk translation. This addon ships
them in ``i18n_extra/<module>/<lang>.po``, and adds those files to the ones Odoo reads for that
module: its code translations (Python messages and the panel's templates) and, on installation,
update or a language's loading, its terms in the database.
"""

import functools
import os

from odoo.tools import translate

from odoo.addons.base.models import ir_module

EXTRA_DIR = os.path.join(os.path.dirname(__file__), "i18n_extra")
EXTRA_MODULES = ("base_tier_validation",)


def extra_po_paths(module_name, lang):
    """Our files for ``module_name`` in ``lang`` (the language's base first, as Odoo does)."""
    if module_name not in EXTRA_MODULES:
        return []
    names = dict.fromkeys((lang.split("_")[0], lang))
    paths = [os.path.join(EXTRA_DIR, module_name, f"{name}.po") for name in names]
    return [path for path in paths if os.path.isfile(path)]


def _with_extra(get_po_paths):
    if getattr(get_po_paths, "municipal_bonus_extra", False):
        return get_po_paths

    @functools.wraps(get_po_paths)
    def wrapper(module_name, lang, *args, **kwargs):
        yield from get_po_paths(module_name, lang, *args, **kwargs)
        yield from extra_po_paths(module_name, lang)

    wrapper.municipal_bonus_extra = True
    return wrapper


translate.get_po_paths = _with_extra(translate.get_po_paths)
ir_module.get_po_paths = _with_extra(ir_module.get_po_paths)


def load_extra_terms(env):
    """Load our terms of the extra modules into the database, for the installed languages
    (base_tier_validation is installed before this addon is imported)."""
    modules = env["ir.module.module"].search(
        [("name", "in", EXTRA_MODULES), ("state", "=", "installed")]
    )
    langs = [code for code, _name in env["res.lang"].get_installed() if code != "en_US"]
    if modules and langs:
        env["ir.module.module"]._load_module_terms(modules.mapped("name"), langs)
    # the code translations read so far did not see our files
    translate.code_translations.python_translations.clear()
    translate.code_translations.web_translations.clear()
