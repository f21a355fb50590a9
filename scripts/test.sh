#!/usr/bin/env bash
# `make test`: prepares the environment, installs every addon of addons/ (with demo data) into a
# freshly created database, runs every Odoo test of every addon and every test under tests/
# (but tests/bench/) with pytest-odoo, then drops the database. Non-zero exit on any failure,
# error, or test skipped (a skipped browser test means a missing tool, not a pass).
set -euo pipefail
source "$(dirname "$0")/prepare.sh"
MSQ_NEED_BROWSER=1 msq_prepare

work=$(mktemp -d -t msq-test.XXXXXX)
db="msq_test_$(date +%Y%m%d_%H%M%S)_$$"
cleanup() {
    local rc=$?
    "$PYTHON" - "$db" <<'PY' || true
import sys, psycopg2
conn = psycopg2.connect(dbname="postgres")
conn.autocommit = True
with conn.cursor() as cr:
    cr.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [sys.argv[1]])
    cr.execute('DROP DATABASE IF EXISTS "%s"' % sys.argv[1])
PY
    rm -rf "$work"
    echo "==> database $db dropped"
    exit $rc
}
trap cleanup EXIT

addons=$(msq_addons)
[ -n "$addons" ] || msq_die "no addon found under addons/"
msq_write_config "$work/odoo.conf" "$work/data"

msq_step test "installing $addons into the fresh database $db (with demo data)"
start=$(date +%s)
"$PYTHON" -m odoo -c "$work/odoo.conf" -d "$db" -i "$addons" --stop-after-init --no-http \
    --log-level=warn 2>&1 | tee "$work/install.log"
if grep -qE ' (ERROR|CRITICAL) ' "$work/install.log"; then
    msq_die "the installation logged errors (see above)"
fi
echo "    installed in $(( $(date +%s) - start )) s"

msq_step test "running the Odoo tests of every addon and tests/ (pytest-odoo)"
cd "$MSQ_ROOT"
"$PYTHON" -m pytest --odoo-config="$work/odoo.conf" --odoo-database="$db" --odoo-http \
    --odoo-log-level=warn "$@"
