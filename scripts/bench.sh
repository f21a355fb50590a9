#!/usr/bin/env bash
# `make bench`: runs every benchmark under tests/bench/ against a fresh database with every addon
# installed (MSQ_ODOO_CONFIG and MSQ_DB tell them which). Each benchmark prints, as its last
# line, its figure, its baseline measured in the same run and their ratio.
set -euo pipefail
source "$(dirname "$0")/prepare.sh"
msq_prepare
msq_fresh_database msq_bench

status=0
for bench in "$MSQ_ROOT"/tests/bench/bench_*.py; do
    [ -e "$bench" ] || continue
    msq_step bench "$(basename "$bench")"
    "$PYTHON" "$bench" || status=1
done
exit $status
