#!/usr/bin/env bash
# `make lint`: the static checks (ruff, and tests/static: manifests, XML, access rules,
# translations, Docker files). Needs no database.
set -euo pipefail
source "$(dirname "$0")/prepare.sh"
msq_step_python
cd "$MSQ_ROOT"
msq_step lint "ruff"
"$PYTHON" -m ruff check .
msq_step lint "static checks (tests/static)"
"$PYTHON" -m pytest tests/static "$@"
