#!/usr/bin/env bash
# `make test`: prepares the environment, installs every addon of addons/ (with demo data) into a
# freshly created database, runs every Odoo test of every addon and every test under tests/
# (but tests/bench/) with pytest-odoo, then drops the database. Non-zero exit on any failure,
# error, or test skipped (a skipped browser test means a missing tool, not a pass).
set -euo pipefail
source "$(dirname "$0")/prepare.sh"
MSQ_NEED_BROWSER=1 msq_prepare
msq_fresh_database msq_test

msq_step test "running the Odoo tests of every addon and tests/ (pytest-odoo)"
cd "$MSQ_ROOT"
"$PYTHON" -m pytest --odoo-config="$MSQ_ODOO_CONFIG" --odoo-database="$MSQ_DB" --odoo-http \
    --odoo-log-level=warn "$@"
