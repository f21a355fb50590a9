"""Russian and Ukrainian for OCA's ``base_tier_validation`` (the approval panel of the reviews
and premiums: "Next:", "Reviews", "Requested by", "Todo by", "Done by"...), which ships
neither: kept in ``i18n_extra/base_tier_validation/<lang>.po`` and loaded by the base's one
mechanism (``municipal_quality.translations``)."""

import os

from odoo.addons.municipal_quality import translations as base

FOLDER = base.register(os.path.dirname(__file__))


def extra_po_paths(module_name, lang):
    """This addon's files for ``module_name`` in ``lang``."""
    return base.extra_po_paths(module_name, lang, FOLDER)


def load_extra_terms(env):
    """Write this addon's terms into the database for the installed languages."""
    base.load_extra_terms(env, FOLDER)
