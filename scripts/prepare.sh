# shellcheck shell=bash
# Prepares the environment for `make run` / `make test` / `make bench`, idempotently.
#
# Source it (it exports the PostgreSQL connection variables for the caller):
#     source scripts/prepare.sh && msq_prepare
#
# Steps, each announced with one progress line:
#   1. Python packages from requirements.txt (everything but the OCA addons)
#   2. Odoo 18.0 Community: the one python3 imports; else $ODOO_SRC; else the official source release
#   3. OCA addons from requirements.txt (odoo-addon-*), which require the `odoo` distribution
#   4. PostgreSQL: $PGHOST/$PGPORT/$PGUSER/$PGPASSWORD when reachable; else Debian's postgresql
#   5. Chromium for Odoo's browser tests (MSQ_NEED_BROWSER=1), wkhtmltopdf for PDF reports
#      (MSQ_NEED_PDF=1)

MSQ_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export MSQ_ROOT
PYTHON=${PYTHON:-python3}
MSQ_CACHE=${MSQ_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/municipal-service-quality}
ODOO_RELEASE_URL=${ODOO_RELEASE_URL:-https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz}
MSQ_PG_ROLE=${MSQ_PG_ROLE:-msq}

msq_step() { printf '\n==> [%s] %s\n' "$1" "$2"; }
msq_die() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }

msq_as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        msq_die "'$*' needs root (no sudo found)"; fi
}

msq_pip() {
    "$PYTHON" -m pip install --disable-pip-version-check --root-user-action=ignore --no-input -q "$@"
}

msq_apt_install() {
    if [ -z "${MSQ_APT_UPDATED:-}" ]; then
        msq_as_root apt-get update -qq || msq_die "apt-get update failed"
        MSQ_APT_UPDATED=1
    fi
    msq_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" \
        || msq_die "apt-get install $* failed"
}

msq_odoo_ok() {
    "$PYTHON" - <<'PY' >/dev/null 2>&1
import odoo.cli, odoo.release
assert odoo.release.version_info[:2] == (18, 0), odoo.release.version
PY
}

msq_step_python() {
    msq_step 1/5 "Python packages from requirements.txt"
    local base
    base=$(mktemp)
    grep -v -E '^odoo-addon-' "$MSQ_ROOT/requirements.txt" > "$base"
    msq_pip -r "$base" || { rm -f "$base"; msq_die "pip could not install requirements.txt"; }
    rm -f "$base"
    echo "    ok"
}

msq_step_odoo() {
    msq_step 2/5 "Odoo 18.0 Community"
    if msq_odoo_ok; then
        echo "    ok: $("$PYTHON" -c 'import odoo.release as r, os; print(r.version, "from", os.path.dirname(r.__file__))')"
        return
    fi
    if [ -n "${ODOO_SRC:-}" ] && [ -f "$ODOO_SRC/setup.py" ]; then
        echo "    installing the source tree in \$ODOO_SRC=$ODOO_SRC (--no-deps, editable)"
        # compat mode: a plain path entry, so that the OCA wheels' site-packages/odoo/addons
        # extends odoo.addons instead of shadowing the source tree.
        msq_pip --no-deps -e "$ODOO_SRC" --config-settings editable_mode=compat || true
        msq_odoo_ok && { echo "    ok"; return; }
    fi
    echo "    downloading the official 18.0 source release: $ODOO_RELEASE_URL"
    mkdir -p "$MSQ_CACHE"
    local archive="$MSQ_CACHE/odoo_18.0.latest.tar.gz" src="$MSQ_CACHE/odoo-18.0-src"
    if "$PYTHON" - "$ODOO_RELEASE_URL" "$archive.part" <<'PY' 2>/dev/null; then
import shutil, sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=60) as answer, open(sys.argv[2], "wb") as out:
    shutil.copyfileobj(answer, out)
PY
        mv "$archive.part" "$archive"
        rm -rf "$src" && mkdir -p "$src"
        tar -xzf "$archive" -C "$src" --strip-components=1 \
            && msq_pip --no-deps "$src" || true
    else
        rm -f "$archive.part"
    fi
    msq_odoo_ok && { echo "    ok"; return; }
    msq_die "Odoo 18.0 Community is not available to $PYTHON. Provide it in one of three ways:
  1. install it so that '$PYTHON -c \"import odoo.cli\"' works (e.g. pip install --no-deps <odoo-18.0-source>);
  2. point ODOO_SRC at an Odoo 18.0 source tree (git clone -b 18.0 https://github.com/odoo/odoo),
     which is then installed with --no-deps;
  3. let this script download the official source release ($ODOO_RELEASE_URL),
     which needs network access to that address (set ODOO_RELEASE_URL to use a mirror)."
}

msq_step_oca() {
    msq_step 3/5 "OCA addons from requirements.txt"
    local oca
    oca=$(grep -E '^odoo-addon-' "$MSQ_ROOT/requirements.txt" | tr '\n' ' ')
    # shellcheck disable=SC2086
    msq_pip --no-deps $oca || msq_die "pip could not install the OCA addons: $oca"
    echo "    ok: $oca"
}

msq_pg_reachable() {
    "$PYTHON" - <<'PY' >/dev/null 2>&1
import os, psycopg2
psycopg2.connect(dbname="postgres", connect_timeout=3).close()
PY
}

msq_step_postgres() {
    msq_step 4/5 "PostgreSQL"
    if [ -n "${PGHOST:-}" ] && msq_pg_reachable; then
        echo "    ok: using ${PGUSER:-$USER}@$PGHOST:${PGPORT:-5432} from the environment"
        export PGHOST PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-$USER}" PGPASSWORD="${PGPASSWORD:-}"
        return
    fi
    [ -n "${PGHOST:-}" ] && echo "    \$PGHOST=$PGHOST is not reachable: using a local PostgreSQL instead"
    unset PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE
    if ! command -v pg_lsclusters >/dev/null; then
        echo "    installing Debian's postgresql"
        msq_apt_install postgresql
    fi
    local line ver name port status
    line=$(pg_lsclusters -h | head -n 1)
    if [ -z "$line" ]; then
        ver=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
        msq_as_root pg_createcluster "$ver" main >/dev/null || msq_die "pg_createcluster failed"
        line=$(pg_lsclusters -h | head -n 1)
    fi
    read -r ver name port status _ <<<"$line"
    if [ "$status" != online ]; then
        msq_as_root pg_ctlcluster "$ver" "$name" start || msq_die "could not start PostgreSQL $ver/$name"
    fi
    local i
    for i in $(seq 1 30); do
        pg_isready -q -h 127.0.0.1 -p "$port" && break
        sleep 1
    done
    pg_isready -q -h 127.0.0.1 -p "$port" || msq_die "PostgreSQL $ver/$name does not answer on port $port"
    local pw=${MSQ_PG_PASSWORD:-msq}
    msq_as_root runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 -d postgres >/dev/null <<SQL \
        || msq_die "could not create the PostgreSQL role $MSQ_PG_ROLE"
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$MSQ_PG_ROLE') THEN
    CREATE ROLE "$MSQ_PG_ROLE" LOGIN CREATEDB PASSWORD '$pw';
  ELSE
    ALTER ROLE "$MSQ_PG_ROLE" LOGIN CREATEDB PASSWORD '$pw';
  END IF;
END \$\$;
SQL
    export PGHOST=127.0.0.1 PGPORT=$port PGUSER=$MSQ_PG_ROLE PGPASSWORD=$pw
    msq_pg_reachable || msq_die "cannot log in to PostgreSQL as $PGUSER@$PGHOST:$PGPORT"
    echo "    ok: PostgreSQL $ver/$name on port $port, role $PGUSER"
}

msq_chrome() {
    local b
    for b in google-chrome chromium chromium-browser google-chrome-stable; do
        command -v "$b" >/dev/null && { command -v "$b"; return 0; }
    done
    return 1
}

msq_step_tools() {
    msq_step 5/5 "Chromium for browser tests, wkhtmltopdf for PDF reports"
    if [ "${MSQ_NEED_BROWSER:-0}" = 1 ]; then
        if ! msq_chrome >/dev/null; then
            echo "    installing Debian's chromium"
            msq_apt_install chromium
        fi
        msq_chrome >/dev/null || msq_die "no Chromium found after installing it"
        echo "    ok: $(msq_chrome)"
    fi
    # Odoo prints its PDF reports with wkhtmltopdf (tests render the same reports as HTML).
    if [ "${MSQ_NEED_PDF:-0}" = 1 ]; then
        if ! command -v wkhtmltopdf >/dev/null; then
            echo "    installing Debian's wkhtmltopdf"
            msq_apt_install wkhtmltopdf
        fi
        echo "    ok: $(command -v wkhtmltopdf)"
    fi
    if [ "${MSQ_NEED_BROWSER:-0}" != 1 ] && [ "${MSQ_NEED_PDF:-0}" != 1 ]; then
        echo "    not needed for this command"
    fi
}

msq_prepare() {
    msq_step_python
    msq_step_odoo
    msq_step_oca
    msq_step_postgres
    msq_step_tools
}

# The addons of the suite, in dependency order (as Odoo resolves them anyway).
msq_addons() {
    local d names=()
    for d in "$MSQ_ROOT"/addons/*/__manifest__.py; do
        [ -e "$d" ] || continue
        names+=("$(basename "$(dirname "$d")")")
    done
    (IFS=,; echo "${names[*]}")
}

# Writes an Odoo configuration file for this project and prints its path.
msq_write_config() {
    local cfg=$1 data_dir=$2 http_port=${3:-8069}
    local odoo_addons
    odoo_addons=$("$PYTHON" -c 'import odoo.addons as a; print(",".join(a.__path__))')
    cat >"$cfg" <<CFG
[options]
addons_path = $MSQ_ROOT/addons,$odoo_addons
data_dir = $data_dir
db_host = $PGHOST
db_port = ${PGPORT:-5432}
db_user = $PGUSER
db_password = ${PGPASSWORD:-}
admin_passwd = ${MSQ_MASTER_PASSWORD:-admin}
http_interface = 127.0.0.1
http_port = $http_port
gevent_port = $((http_port + 3))
list_db = ${MSQ_LIST_DB:-True}
log_level = ${MSQ_LOG_LEVEL:-warn}
max_cron_threads = ${MSQ_CRON_THREADS:-0}
without_demo = False
CFG
}

# A fresh database with every addon of addons/ installed with demo data, dropped when the
# calling script exits: `msq_fresh_database PREFIX` sets MSQ_DB, MSQ_WORK and MSQ_ODOO_CONFIG.
msq_fresh_database() {
    MSQ_WORK=$(mktemp -d -t "$1.XXXXXX")
    MSQ_DB="${1}_$(date +%Y%m%d_%H%M%S)_$$"
    MSQ_ODOO_CONFIG="$MSQ_WORK/odoo.conf"
    export MSQ_WORK MSQ_DB MSQ_ODOO_CONFIG
    trap msq_drop_fresh_database EXIT
    local addons start
    addons=$(msq_addons)
    [ -n "$addons" ] || msq_die "no addon found under addons/"
    msq_write_config "$MSQ_ODOO_CONFIG" "$MSQ_WORK/data"
    msq_step db "installing $addons into the fresh database $MSQ_DB (with demo data)"
    start=$(date +%s)
    "$PYTHON" -m odoo -c "$MSQ_ODOO_CONFIG" -d "$MSQ_DB" -i "$addons" --stop-after-init \
        --no-http --log-level=warn 2>&1 | tee "$MSQ_WORK/install.log"
    if grep -qE ' (ERROR|CRITICAL) ' "$MSQ_WORK/install.log"; then
        msq_die "the installation logged errors (see above)"
    fi
    echo "    installed in $(( $(date +%s) - start )) s"
}

msq_drop_fresh_database() {
    local rc=$?
    "$PYTHON" - "$MSQ_DB" <<'PY' || true
import sys, psycopg2
conn = psycopg2.connect(dbname="postgres")
conn.autocommit = True
with conn.cursor() as cr:
    cr.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
               [sys.argv[1]])
    cr.execute('DROP DATABASE IF EXISTS "%s"' % sys.argv[1])
PY
    rm -rf "$MSQ_WORK"
    echo "==> database $MSQ_DB dropped"
    exit $rc
}
