#!/usr/bin/env bash
# The first README command: set up, migrate, load the demo content, serve on :8000.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/python manage.py migrate --noinput -v 0
.venv/bin/python manage.py load_demo
echo "==> Serving http://127.0.0.1:8000/ (admin: http://127.0.0.1:8000/admin/)"
exec .venv/bin/python manage.py runserver "${HOST:-127.0.0.1}:${PORT:-8000}"
