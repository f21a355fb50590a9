"""``POST /iot/get_handlers`` for IoT boxes paired with a Community server.

A stock IoT box asks its server for its handlers at start and replaces all of its own with the
answer (``hw_drivers/tools/helpers.py: download_iot_handlers``). Odoo's Enterprise ``iot`` app
serves that route; on Community it is absent and the box would delete its handlers on the 404
page. This route answers the zip the box expects: the stock handlers of ``hw_drivers`` plus the
rating console driver and the shared protocol package, so a box pointed at this server loads the
console driver without copying files by hand. When the ``iot`` app is installed, it is left to
serve the route.
"""

import io
import zipfile
from pathlib import Path

from odoo import http
from odoo.http import request
from odoo.tools.misc import file_path

ADDON_DIR = Path(__file__).resolve().parent.parent


def _files(directory):
    return sorted(
        p for p in directory.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    )


def build_handlers_zip():
    """The zip of stock ``hw_drivers/iot_handlers`` + this addon's driver and bridge package."""
    buffer = io.BytesIO()
    stock = Path(file_path("hw_drivers/iot_handlers"))
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in _files(stock):
            archive.write(path, path.relative_to(stock).as_posix())
        ours = ADDON_DIR / "iot_handlers"
        for path in _files(ours):
            archive.write(path, path.relative_to(ours).as_posix())
        for path in _files(ADDON_DIR / "bridge"):
            relative = path.relative_to(ADDON_DIR / "bridge").as_posix()
            archive.write(path, f"lib/rating_console_bridge/{relative}")
    return buffer.getvalue()


class RatingConsoleIot(http.Controller):
    @http.route(
        "/iot/get_handlers",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def get_handlers(self, mac=None, auto=None, **_kwargs):
        if request.env["ir.module.module"].sudo().search_count(
            [("name", "=", "iot"), ("state", "=", "installed")]
        ):
            raise request.not_found()  # the Enterprise IoT app serves its own handlers
        return request.make_response(
            build_handlers_zip(),
            headers=[
                ("Content-Type", "application/zip"),
                ("Content-Disposition", 'attachment; filename="iot_handlers.zip"'),
            ],
        )
