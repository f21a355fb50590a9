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
