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
# The demo runs as a town hall would: the scheduled actions run (console heartbeats, reminders,
# erasure of address hashes), and the database manager is off, behind a generated master
# password kept in $run_dir/master_password (MSQ_MASTER_PASSWORD to choose one).
if [ -z "${MSQ_MASTER_PASSWORD:-}" ]; then
    if [ ! -s "$run_dir/master_password" ]; then
        (umask 077; "$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(24))' \
            > "$run_dir/master_password")
    fi
    MSQ_MASTER_PASSWORD=$(cat "$run_dir/master_password")
fi
MSQ_MASTER_PASSWORD=$MSQ_MASTER_PASSWORD MSQ_LIST_DB=False MSQ_CRON_THREADS=${MSQ_CRON_THREADS:-1} \
    MSQ_LOG_LEVEL=${MSQ_LOG_LEVEL:-info} msq_write_config "$run_dir/odoo.conf" "$run_dir/data" "$port"
addons=$(msq_addons)

# The addons already installed in the demo database are updated, the others installed.
installed=$("$PYTHON" - "$db" "$addons" <<'PY'
import sys, psycopg2
db, addons = sys.argv[1], sys.argv[2].split(",")
conn = psycopg2.connect(dbname="postgres")
with conn.cursor() as cr:
    cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db])
    exists = cr.fetchone()
conn.close()
if exists:
    with psycopg2.connect(dbname=db) as conn, conn.cursor() as cr:
        cr.execute("SELECT name FROM ir_module_module WHERE state = 'installed' AND name = ANY(%s)",
                   [addons])
        print(",".join(sorted(name for name, in cr.fetchall())))
PY
)
missing=$("$PYTHON" -c 'import sys; have = set(filter(None, sys.argv[2].split(","))); print(",".join(a for a in sys.argv[1].split(",") if a not in have))' "$addons" "$installed")
mode=()
if [ -n "$installed" ]; then
    msq_step run "updating $installed in the demo database $db"
    mode+=(-u "$installed")
fi
if [ -n "$missing" ]; then
    msq_step run "installing $missing with demo data in the demo database $db"
    mode+=(-i "$missing")
fi
msq_step run "serving http://127.0.0.1:$port (admin / admin) - Ctrl-C to stop"
exec "$PYTHON" -m odoo -c "$run_dir/odoo.conf" -d "$db" --db-filter="^$db\$" "${mode[@]}"
