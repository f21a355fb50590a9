"""Russian and Ukrainian for the Odoo and OCA modules that our users meet, where those modules
ship none (or a wrong or flippant one): one mechanism for every addon of the suite.

An addon keeps such terms in ``i18n_extra/<module>/<lang>.po`` and registers that folder with
``register(os.path.dirname(__file__))`` when it is imported. The files are added after the
module's own to the ones Odoo reads for it, so that our terms win: its code translations
(Python messages and web client strings) and, on installation, update or a language's loading,
its terms in the database. ``load_extra_terms`` writes them over the terms that were already in
the database before the addon was installed (the post-install hook of each addon).
"""

import functools
import os

from odoo.tools import translate

from odoo.addons.base.models import ir_module

_EXTRA_DIRS = []


def register(addon_dir):
    """Add ``addon_dir``/i18n_extra to the folders of extra terms (once)."""
    folder = os.path.join(addon_dir, "i18n_extra")
    if os.path.isdir(folder) and folder not in _EXTRA_DIRS:
        _EXTRA_DIRS.append(folder)
    return folder


def extra_modules(folder=None):
    """The modules the registered folders (or ``folder``) hold terms for."""
    folders = [folder] if folder else _EXTRA_DIRS
    return sorted(
        {
            name
            for path in folders
            for name in os.listdir(path)
            if os.path.isdir(os.path.join(path, name))
        }
    )


def extra_po_paths(module_name, lang, folder=None):
    """Our files for ``module_name`` in ``lang`` (the language's base first, as Odoo does)."""
    names = dict.fromkeys((lang.split("_")[0], lang))
    folders = [folder] if folder else _EXTRA_DIRS
    paths = [os.path.join(path, module_name, f"{name}.po") for path in folders for name in names]
    return [path for path in paths if os.path.isfile(path)]


def _with_extra(get_po_paths):
    if getattr(get_po_paths, "municipal_extra", False):
        return get_po_paths

    @functools.wraps(get_po_paths)
    def wrapper(module_name, lang, *args, **kwargs):
        yield from get_po_paths(module_name, lang, *args, **kwargs)
        yield from extra_po_paths(module_name, lang)

    wrapper.municipal_extra = True
    return wrapper


translate.get_po_paths = _with_extra(translate.get_po_paths)
ir_module.get_po_paths = _with_extra(ir_module.get_po_paths)


def load_extra_terms(env, folder=None):
    """Write our terms (of ``folder``, or of every registered folder) into the database for the
    installed languages, over the terms already there, and forget the code translations read
    so far (they did not see our files)."""
    installed = set(
        env["ir.module.module"]
        .search([("name", "in", extra_modules(folder)), ("state", "=", "installed")])
        .mapped("name")
    )
    langs = [code for code, _name in env["res.lang"].get_installed() if code != "en_US"]
    importer = translate.TranslationImporter(env.cr, verbose=False)
    for module_name in sorted(installed):
        for lang in langs:
            for path in extra_po_paths(module_name, lang, folder):
                importer.load_file(path, lang)
    importer.save(overwrite=True)
    translate.code_translations.python_translations.clear()
    translate.code_translations.web_translations.clear()


OWN_FOLDER = register(os.path.dirname(__file__))
