from odoo import models
from odoo.http import request


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _serve_fallback(cls):
        """An address no route serves is looked up as an attachment's URL; PostgreSQL refuses a
        NUL byte in a query, so such an address is simply not found (404, not 500)."""
        if "\x00" in request.httprequest.path:
            return None
        return super()._serve_fallback()

    @classmethod
    def _get_default_lang(cls):
        """A visitor who has not chosen a language (no cookie) reads the public pages in the
        language his phone or browser asks for, when it is installed (a Ukrainian phone gets
        Ukrainian, a Russian one Russian), else in the database's default."""
        best = request.best_lang
        if best:
            active = request.env["res.lang"]._get_active_by("code")
            if best not in active:
                prefix = best.split("_")[0]
                best = next((code for code in active if code.split("_")[0] == prefix), None)
            if best:
                return request.env["res.lang"]._get_data(code=best)
        return super()._get_default_lang()
