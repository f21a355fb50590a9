#!/usr/bin/env bash
# `make run`: prepares the environment and serves a demo database with every addon of addons/
# installed with demo data on http://127.0.0.1:8069 (admin / admin), until Ctrl-C.
set -euo pipefail
source "$(dirname "$0")/prepare.sh"
MSQ_NEED_PDF=1 msq_prepare

db=${MSQ_DB:-msq_demo}
port=${MSQ_HTTP_PORT:-8069}
run_dir="$MSQ_CACHE/run"
mkdir -p "$run_dir"
MSQ_LOG_LEVEL=${MSQ_LOG_LEVEL:-info} msq_write_config "$run_dir/odoo.conf" "$run_dir/data" "$port"
addons=$(msq_addons)

exists=$("$PYTHON" - "$db" <<'PY'
import sys, psycopg2
conn = psycopg2.connect(dbname="postgres")
with conn.cursor() as cr:
    cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [sys.argv[1]])
    print("yes" if cr.fetchone() else "no")
PY
)
if [ "$exists" = yes ]; then
    msq_step run "updating $addons in the demo database $db"
    mode=(-u "$addons")
else
    msq_step run "creating the demo database $db with $addons and demo data"
    mode=(-i "$addons")
fi
msq_step run "serving http://127.0.0.1:$port (admin / admin) - Ctrl-C to stop"
exec "$PYTHON" -m odoo -c "$run_dir/odoo.conf" -d "$db" --db-filter="^$db\$" "${mode[@]}"
