"""pylint-odoo (OCA's odoolint checks) is clean on every addon (settings: .pylintrc).

pylint runs once over every addon, on every core of the machine; each addon's test reads the
messages of its own files."""

import functools
import os
import subprocess
import sys

from ._common import ADDONS_DIR, ROOT, parametrize_addons

PYLINT_ARGS = [
    f"--rcfile={ROOT / '.pylintrc'}",
    "--disable=all",
    "--enable=odoolint",
    "--disable=missing-readme,manifest-superfluous-key",
    "--output-format=parseable",
    f"--jobs={max(os.cpu_count() or 1, 1)}",
]


@functools.cache
def _pylint_all():
    addons = sorted(p.name for p in ADDONS_DIR.iterdir() if (p / "__manifest__.py").exists())
    result = subprocess.run(
        [sys.executable, "-m", "pylint", *PYLINT_ARGS, *(str(ADDONS_DIR / a) for a in addons)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    return result


@parametrize_addons()
def test_pylint_odoo(addon):
    result = _pylint_all()
    assert "Traceback" not in result.stderr, result.stderr
    prefix = f"addons/{addon}/"
    messages = [
        line for line in result.stdout.splitlines()
        if line.startswith((prefix, str(ADDONS_DIR / addon) + "/"))
    ]
    assert not messages, f"pylint-odoo on {addon}:\n" + "\n".join(messages)
    # pylint exits with a fatal or usage error (bits 1 and 32) only when it could not run
    assert not result.returncode & (1 | 32), f"pylint failed:\n{result.stdout}{result.stderr}"
