"""Shared pieces of the benchmarks: a fresh database, the site under gunicorn with
production settings, a load generator (wrk), and a report next to the static-file ceiling.

Benchmarks run on demand (`make bench`), never in CI.
"""

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable
PG_BASE = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
SECRET = "bench-" + "s3cr3t-k3y-for-benchmarks-only-" * 2


def fresh_database(kind, name="dx_bench", reuse=False):
    """A new empty database (or, with `reuse`, the one an earlier run filled); returns its
    DATABASE_URL."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    if kind == "sqlite":
        path = RESULTS / f"{name}.sqlite3"
        if reuse:
            return f"sqlite:///{path}"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    if reuse:
        return f"{PG_BASE}/{name}"
    import psycopg

    with psycopg.connect(f"{PG_BASE}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{PG_BASE}/{name}"


def site_env(database_url, **extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "ERROR",
        "EMAIL_BACKEND": "memory",
        "DEMO_ADMIN_PASSWORD": "bench-admin-password",
    }
    env.update(extra)
    return env


def manage(env, *args, quiet=True):
    out = subprocess.DEVNULL if quiet else None
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=out)


def prepare_site(env):
    """Migrate, load the demo content, collect static files."""
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "--clear")


@contextlib.contextmanager
def server(env, port=8900, workers=3):
    """gunicorn with `workers` sync workers, as in production behind the proxy."""
    gunicorn = str(Path(PYTHON).parent / "gunicorn")
    process = subprocess.Popen(
        [gunicorn, "config.wsgi:application", "-w", str(workers), "-b", f"127.0.0.1:{port}", "--log-level", "error"],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("the server did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def fetch_status(url):
    try:
        return urllib.request.urlopen(url, timeout=10).status
    except urllib.error.HTTPError as exc:
        return exc.code


def wrk(url, duration=20, connections=16, threads=2):
    """Throughput and latency for one URL, measured by wrk (Debian package `wrk`)."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    result = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            "-s",
            str(ROOT / "bench" / "wrk_report.lua"),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    line = [raw for raw in result.stdout.splitlines() if raw.startswith("{")][-1]
    return json.loads(line)


def query_counts(env, paths):
    """SQL queries per request for each path, measured in-process with the same settings."""
    code = (
        "import json, sys, django; django.setup();"
        "from django.test import Client; from django.db import connection;"
        "from django.test.utils import CaptureQueriesContext;"
        "c = Client(); out = {}\n"
        "for p in json.loads(sys.argv[1]):\n"
        "    c.get(p)\n"
        "    with CaptureQueriesContext(connection) as q: c.get(p)\n"
        "    out[p] = len(q.captured_queries)\n"
        "print(json.dumps(out))"
    )
    env = {**env, "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost"}
    result = subprocess.run(
        [PYTHON, "-c", code, json.dumps(paths)], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def static_url(base):
    """The hashed URL of the stylesheet, as the pages link it (whitenoise serves it)."""
    import re

    html = urllib.request.urlopen(base + "/").read().decode()
    match = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', html)
    return match.group(1) if match else "/static/css/site.css"


def measure_served(env, urls, *, duration, warmup=3, connections=16, workers=3, port=8900, queries=None):
    """Serve the site with gunicorn and measure each URL with wrk after a warm-up, next to the
    static file served by the same server. Returns (rows for print_report, the ceiling)."""
    with server(env, port=port, workers=workers) as base:
        for path in urls:
            status = fetch_status(base + path)
            if status != 200:
                raise SystemExit(f"{path} answered {status}")
        static = static_url(base)
        for path in [static, *urls]:
            wrk(base + path, duration=warmup, connections=connections)
        ceiling = wrk(base + static, duration=duration, connections=connections)
        rows = [
            (path, wrk(base + path, duration=duration, connections=connections), (queries or {}).get(path, "-"))
            for path in urls
        ]
    return rows, ceiling


def print_report(title, rows, ceiling, targets=None):
    """rows: [(label, wrk_result, queries)]; ceiling: wrk result for the static file;
    targets: label -> (kind, minimum share) (bench/run.py), printed next to each share."""
    print(f"\n## {title}")
    header = (
        f"{'URL':<48} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} {'queries':>8} "
        f"{'share':>7} {'target':>14}"
    )
    print(header)
    print("-" * len(header))
    for label, result, queries in [("static file (ceiling)", ceiling, "-"), *rows]:
        ratio = result["rps"] / ceiling["rps"] if ceiling["rps"] else 0
        kind, minimum = targets(label) if targets and result is not ceiling else (None, None)
        target = f"{kind} ≥{minimum:.1%}" if minimum is not None else ""
        print(
            f"{label[:48]:<48} {result['rps']:>9.1f} {result['p50_ms']:>8.2f} {result['p95_ms']:>8.2f} "
            f"{result['p99_ms']:>8.2f} {result['errors']:>7} {queries!s:>8} {ratio:>7.1%} {target:>14}"
        )


# One URL of each public page type of the demo content (`manage.py load_demo`).
PUBLIC_PAGES = [
    "/",
    "/en/",
    "/gioi-thieu/",
    "/tin-tuc/",
    "/tin-tuc/bao/",
    "/tin-tuc/bao/htx-ca-phe-thuan-an-len-san-thuong-mai-dien-tu/",
    "/cam-nang/",
    "/cam-nang/chuyen-doi-so-la-gi/",
    "/cam-nang/chuyen-doi-so-la-gi/lo-trinh-5-buoc/",
    "/cam-nang/hoi-dap/",
    "/cam-nang/huong-dan-dbi/",
    "/su-kien/",
    "/su-kien/hoi-thao-dbi-gia-nghia-2024/",
    "/xep-hang/",
    "/xep-hang/?size=small",
    "/bang-so-lieu/",
    "/search/?q=chuyen+doi+so",
    "/tu-danh-gia-dbi/",
    "/giai-phap/",
    "/ket-noi-cung-cau/",
    "/ho-tro-nha-nuoc/",
    "/ho-tro/",
]
