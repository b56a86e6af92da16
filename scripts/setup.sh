#!/usr/bin/env bash
# Installs everything the project needs, from the project's own files:
# Debian packages (chromium for browser tests, gettext for translations, pango for PDFs), the Python
# virtual environment (.venv, from requirements-dev.txt) and the npm packages
# (Bootstrap, axe-core, from package-lock.json). Safe to run again: it skips what is done.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

# --- Debian packages -------------------------------------------------------------------
missing=()
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
[ -x /usr/bin/chromium ] || missing+=(chromium)
ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
# The load generator of the benchmarks (make bench sets WITH_BENCH=1; CI does not need it).
[ "${WITH_BENCH:-0}" != "1" ] || command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
    echo "==> Installing Debian packages: ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo -n"
    if $SUDO true 2>/dev/null; then
        $SUDO apt-get update -qq || true
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "WARNING: cannot install ${missing[*]} (needs root); browser tests will be skipped." >&2
    fi
fi

# --- Python ----------------------------------------------------------------------------
if [ ! -x .venv/bin/python ]; then
    echo "==> Creating .venv with $PYTHON"
    "$PYTHON" -m venv .venv
fi
req_hash="$(cat requirements.txt requirements-dev.txt | sha256sum | cut -d' ' -f1)"
if [ "$(cat .venv/.requirements.sha 2>/dev/null)" != "$req_hash" ]; then
    echo "==> Installing Python packages"
    if ! .venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt > .venv/pip.log 2>&1; then
        cat .venv/pip.log >&2
        exit 1
    fi
    echo "$req_hash" > .venv/.requirements.sha
fi

# --- npm -------------------------------------------------------------------------------
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat node_modules/.lock.sha 2>/dev/null)" != "$lock_hash" ]; then
    echo "==> Installing npm packages"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$lock_hash" > node_modules/.lock.sha
fi

# --- Translations ----------------------------------------------------------------------
.venv/bin/python manage.py compilemessages --ignore=node_modules --ignore=.venv -v 0
