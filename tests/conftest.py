"""The suite-level tests under tests/ (static checks, the rating console bridge) need no database,
even though pytest-odoo is loaded.

- pytest-odoo's autouse session fixture ``load_registry`` opens the registry of the configured
  database and fails with "Missing database name" when pytest runs without --odoo-database
  (``make lint``, ``python3 -m pytest tests/rating_console``): overridden here for the tests of
  this directory only; the Odoo tests of the addons still get the plugin's fixture.
- pytest-odoo's ``pytest_runtest_setup`` imports odoo.tests, which logs an error with a long
  stack unless Odoo is in test mode; the plugin's fixture ``enable_odoo_test_flag`` turns test
  mode on for every test module anyway, only later: do it first.
"""

import sys

import pytest


@pytest.fixture(scope="session", autouse=True)
def load_registry():
    yield


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    odoo = sys.modules.get("odoo")
    if odoo is not None and hasattr(odoo, "tools"):
        odoo.tools.config["test_enable"] = True
