"""The integrity tests of the whole suite are Odoo tests over real HTTP: unlike the other
suite-level tests they need the database of ``make test``, so they take back pytest-odoo's
registry loading that ``tests/conftest.py`` turns off."""

import threading

import pytest


@pytest.fixture(scope="session", autouse=True)
def load_registry():
    import odoo

    threading.current_thread().testing = True
    # as the plugin does: load the registry outside test mode, or Odoo would run the tests of
    # every module while loading it (tests/conftest.py turns test mode on before fixtures)
    enabled = odoo.tools.config["test_enable"]
    odoo.tools.config["test_enable"] = False
    try:
        odoo.modules.registry.Registry(odoo.tools.config["db_name"])
    finally:
        odoo.tools.config["test_enable"] = enabled
    yield
