"""Suite-wide pytest hooks.

A skipped test is a failure here: Odoo skips its browser tests when Chromium or the
``websocket-client`` package is missing, and pytest-odoo skips HttpCase tests without an HTTP
server. A run in which any test was skipped has not tested what it claims, so it fails.
"""

import logging

_SKIPPED = []


def _not_test_framework_import(record):
    # pytest-odoo imports odoo.tests before it turns Odoo's test mode on, and Odoo then logs an
    # error "Importing test framework..." with a stack: noise, not a problem of the suite.
    return not record.getMessage().startswith("Importing test framework")


logging.getLogger("odoo.tests.common").addFilter(_not_test_framework_import)


def pytest_runtest_logreport(report):
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        _SKIPPED.append((report.nodeid, reason))


def pytest_sessionfinish(session, exitstatus):
    if _SKIPPED and session.exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter):
    if _SKIPPED:
        terminalreporter.section("skipped tests fail the run", sep="!")
        for nodeid, reason in _SKIPPED:
            terminalreporter.write_line(f"SKIPPED (counts as a failure): {nodeid}: {reason}")
