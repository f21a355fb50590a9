from urllib.parse import urlsplit

from odoo import api, models

# the language cookie of Odoo's public pages (http_routing reads it)
FRONTEND_LANG_COOKIE = "frontend_lang"


class ResLang(models.Model):
    _inherit = "res.lang"

    @api.model
    def _municipal_public_lang_target(self, code, target):
        """The installed public language ``code`` (or False) and the local page to return to
        after switching to it: ``target`` when it is a path of this site, without the language
        prefix it may carry (the cookie decides from now on), else the home page."""
        langs = self._get_frontend()
        if code not in langs:
            return False, "/"
        parts = urlsplit(target or "/")
        path = parts.path or "/"
        if (
            parts.scheme
            or parts.netloc
            or not path.startswith("/")
            or path.startswith("//")
            or "\\" in target
        ):
            return code, "/"
        prefixes = {lang.url_code for lang in langs.values()}
        first, _sep, rest = path[1:].partition("/")
        if first in prefixes:
            path = "/" + rest
        return code, path + (f"?{parts.query}" if parts.query else "")

    @api.model
    def _municipal_load_languages(self, codes):
        """Activate the languages ``codes`` and load their terms for every installed module
        (the modules installed afterwards load theirs as they install)."""
        langs = self.browse()
        for code in codes:
            self._activate_lang(code)
            langs |= self._lang_get(code)
        if langs:
            self.env["base.language.install"].create(
                {"lang_ids": [(6, 0, langs.ids)], "overwrite": False}
            ).lang_install()
        return True
