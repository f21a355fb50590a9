"""Suite-level tests of the rating console bridge: pure Python, loopback only, no database.

They load the addon's ``bridge`` package by path (as the IoT box handler does), so they also run
without an Odoo database (``python3 -m pytest tests/rating_console``; see tests/conftest.py).
"""

import importlib.util
import sys
from pathlib import Path

ADDON_DIR = Path(__file__).resolve().parents[2] / "addons" / "rating_console"


def load_bridge():
    name = "rating_console_bridge"
    if name in sys.modules:
        return sys.modules[name]
    package = ADDON_DIR / "bridge"
    spec = importlib.util.spec_from_file_location(
        name, package / "__init__.py", submodule_search_locations=[str(package)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


load_bridge()

