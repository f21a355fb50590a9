"""pylint-odoo (OCA's odoolint checks) is clean on every addon (settings: .pylintrc)."""

import subprocess
import sys

from ._common import ADDONS_DIR, ROOT, parametrize_addons

PYLINT_ARGS = [
    f"--rcfile={ROOT / '.pylintrc'}",
    "--disable=all",
    "--enable=odoolint",
    "--disable=missing-readme,manifest-superfluous-key",
]


@parametrize_addons()
def test_pylint_odoo(addon):
    result = subprocess.run(
        [sys.executable, "-m", "pylint", *PYLINT_ARGS, str(ADDONS_DIR / addon)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, f"pylint-odoo on {addon}:\n{result.stdout}{result.stderr}"
