import io
import zipfile
from pathlib import Path

from odoo.tests import HttpCase, tagged
from odoo.tools.misc import file_path


@tagged("post_install", "-at_install")
class TestIotHandlersRoute(HttpCase):
    def test_box_gets_stock_handlers_and_the_console_driver(self):
        response = self.url_open("/iot/get_handlers", data={"mac": "00:11:22:33:44:55",
                                                            "auto": "True"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/zip")
        names = set(zipfile.ZipFile(io.BytesIO(response.content)).namelist())
        stock = Path(file_path("hw_drivers/iot_handlers"))
        for path in stock.rglob("*.py"):
            self.assertIn(path.relative_to(stock).as_posix(), names, "stock handlers kept")
        self.assertIn("drivers/RatingConsoleDriver.py", names)
        for module in ("__init__", "protocol", "link", "spool", "sender", "bus"):
            self.assertIn(f"lib/rating_console_bridge/{module}.py", names)
        self.assertFalse([n for n in names if "__pycache__" in n])
