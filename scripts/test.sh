#!/usr/bin/env bash
# The second README command: checks, lint, and the whole test suite on SQLite, then on
# PostgreSQL (127.0.0.1:5432 unless TEST_POSTGRES_URL says otherwise). Without PostgreSQL
# the PostgreSQL run is skipped with a message, unless REQUIRE_POSTGRES=1 (CI) makes it fail.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=config.settings.test
unset DATABASE_URL REDIS_URL ELASTICSEARCH_URL

echo "==> Checks"
$PY manage.py check
$PY manage.py makemigrations --check --dry-run
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports  # the layers the README claims (.importlinter)
.venv/bin/mypy  # type hints of the modules listed in pyproject.toml [tool.mypy] (issue 19)

workers="${TEST_WORKERS:-auto}"
start=$(date +%s)
echo "==> Test suite on SQLite"
# Line coverage of the services, scoring, sizing and import modules ([tool.coverage.run] in
# pyproject.toml), with a floor (issue 19: a floor of 90 %).
$PY -m pytest -n "$workers" --cov --cov-report=term --cov-fail-under=90 "$@"

PG_URL_BASE="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}"
if $PY - "$PG_URL_BASE" <<'PYEOF'
import sys
import psycopg
try:
    psycopg.connect(sys.argv[1] + "/postgres", connect_timeout=3).close()
except Exception as exc:  # noqa: BLE001
    print(f"PostgreSQL unreachable: {exc}", file=sys.stderr)
    sys.exit(1)
PYEOF
then
    echo "==> Test suite on PostgreSQL"
    # A fresh database per run: pytest-django creates test_<name> and drops it afterwards.
    # The browser journeys ran on SQLite above; here every other test runs (the concurrency
    # tests need PostgreSQL's row locks), which keeps CI well inside its time limit.
    # PG_E2E=1 runs the browser journeys on PostgreSQL too.
    pg_marks=()
    [ "${PG_E2E:-0}" = "1" ] || pg_marks=(-m "not e2e")
    DATABASE_URL="$PG_URL_BASE/dx_$(date +%s)_$$" $PY -m pytest -n "$workers" --create-db "${pg_marks[@]}" "$@"
elif [ "${REQUIRE_POSTGRES:-0}" = "1" ]; then
    echo "ERROR: PostgreSQL is required (REQUIRE_POSTGRES=1) but unreachable." >&2
    exit 1
else
    echo "==> SKIPPED the PostgreSQL run: no server at $PG_URL_BASE (set TEST_POSTGRES_URL)."
fi
echo "==> All tests passed in $(( $(date +%s) - start )) s"
