"""Production settings refuse to start without secrets, and pass `check --deploy`."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k3y-" + "x7Qp9vLm2Rt8Zw4Ns6Bd1Hf5Jc0Yg3Ue" * 2


def run(args, **env):
    full_env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    full_env.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **env})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_secret_key():
    result = run(["check"], ALLOWED_HOSTS="dx.example.vn")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run(["check"], SECRET_KEY=GOOD_KEY)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_check_deploy_is_clean(tmp_path):
    # A shared cache (REDIS_URL) is required for rate limits and single-use forms (core.W001).
    # The database is a new, empty one (not whatever db.sqlite3 lies next to the code): the
    # only warning allowed is the one naming an unmigrated database (enterprises.W000, whose
    # migrated case is tests/enterprises/test_fresh_site.py); every deploy check is clean.
    result = run(
        ["check", "--deploy", "--fail-level", "WARNING"],
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="dx.example.vn",
        REDIS_URL="redis://127.0.0.1:6379/1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    )
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert set(re.findall(r"\(([\w.]+\.[EWC]\d+)\)", output)) == {"enterprises.W000"}, output
    assert "System check identified 1 issue (1 silenced)" in output, output


def test_database_url_selects_postgresql():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings.dev';"
        "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'],"
        "settings.CACHES['default']['BACKEND'],"
        "settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND'])"
    )
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/dx",
        "REDIS_URL": "redis://127.0.0.1:6379/1",
        "ELASTICSEARCH_URL": "http://127.0.0.1:9",
    }
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True).stdout
    assert "postgresql" in out
    assert "RedisCache" in out
    assert "search.backends.elasticsearch" in out  # our elasticsearch8 subclass with fallback


def test_every_environment_variable_is_documented():
    import re

    documented = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    used = set()
    for path in (ROOT / "config" / "settings").glob("*.py"):
        used |= set(re.findall(r'env(?:_bool|_int|_list|_required)?\("([A-Z0-9_]+)"', path.read_text()))
    assert used <= documented, used - documented
