#!/usr/bin/env bash
# `make bench`: runs every benchmark under tests/bench/ against a fresh database with every addon
# installed. Each benchmark prints, as its last line, its figure, its baseline measured in the
# same run and their ratio.
set -euo pipefail
source "$(dirname "$0")/prepare.sh"
msq_prepare

work=$(mktemp -d -t msq-bench.XXXXXX)
db="msq_bench_$(date +%Y%m%d_%H%M%S)_$$"
cleanup() {
    local rc=$?
    "$PYTHON" - "$db" <<'PY' || true
import sys, psycopg2
conn = psycopg2.connect(dbname="postgres")
conn.autocommit = True
with conn.cursor() as cr:
    cr.execute('DROP DATABASE IF EXISTS "%s"' % sys.argv[1])
PY
    rm -rf "$work"
    exit $rc
}
trap cleanup EXIT
msq_write_config "$work/odoo.conf" "$work/data"
msq_step bench "installing $(msq_addons) into $db"
"$PYTHON" -m odoo -c "$work/odoo.conf" -d "$db" -i "$(msq_addons)" --stop-after-init --no-http
export MSQ_ODOO_CONFIG="$work/odoo.conf" MSQ_DB="$db"
status=0
for bench in "$MSQ_ROOT"/tests/bench/bench_*.py; do
    [ -e "$bench" ] || continue
    msq_step bench "$(basename "$bench")"
    "$PYTHON" "$bench" || status=1
done
exit $status
