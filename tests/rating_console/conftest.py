"""Suite-level tests of the rating console bridge: pure Python, loopback only, no database.

They load the addon's ``bridge`` package by path (as the IoT box handler does), so they also run
without an Odoo database (``python3 -m pytest tests/rating_console``).
"""

import importlib.util
import sys
from pathlib import Path

import pytest

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


@pytest.fixture(scope="session", autouse=True)
def load_registry():
    """No Odoo registry needed here (overrides pytest-odoo's fixture for this directory)."""
    yield


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    odoo = sys.modules.get("odoo")
    if odoo is not None and hasattr(odoo, "tools"):
        odoo.tools.config["test_enable"] = True
