from urllib.parse import urlencode

from odoo import models
from odoo.http import request


class IrQweb(models.AbstractModel):
    _inherit = "ir.qweb"

    def _prepare_frontend_environment(self, values):
        irqweb = super()._prepare_frontend_environment(values)

        def quality_lang_url(code):
            """Link of the language switcher of the public pages: back to this page."""
            back = request.httprequest.full_path if request else "/"
            return f"/quality/lang/{code}?{urlencode({'r': back.rstrip('?')})}"

        values["quality_lang_url"] = quality_lang_url
        return irqweb
