import logging
import subprocess

from odoo import models

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

_logger = logging.getLogger(__name__)

# whether the wkhtmltopdf of this server is built with patched Qt; whether the log said so
_STATE = {}


def wkhtmltopdf_patched():
    """Whether wkhtmltopdf is the build with patched Qt (the one of the official odoo:18.0
    image), which prints the headers and footers of the reports; Debian's build does not."""
    if "patched" not in _STATE:
        try:
            out = subprocess.run(
                [_get_wkhtmltopdf_bin(), "--version"], capture_output=True, timeout=10, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError):
            out = b""
        _STATE["patched"] = b"patched qt" in out.lower()
    return _STATE["patched"]


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _run_wkhtmltopdf(self, bodies, report_ref=False, header=None, footer=None, **kwargs):
        if not _STATE.get("told") and not wkhtmltopdf_patched():
            _STATE["told"] = True
            _logger.warning(
                "wkhtmltopdf is built without patched Qt (Debian's package): the official "
                "documents keep their letterhead and signature block, printed in their body, "
                "but have no page numbers. Install the patched build (README, Documents)."
            )
        return super()._run_wkhtmltopdf(
            bodies, report_ref=report_ref, header=header, footer=footer, **kwargs
        )
