"""Bench: 500 concurrent registrations for an event with 100 seats, on PostgreSQL, through
the real HTTP stack (gunicorn, production settings, CSRF, the anti-bot checks).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dx_events_bench .venv/bin/python bench/bench_events.py

It creates the database if needed, migrates, collects static files, builds a home page, an
events index and one event (100 seats, one person per enterprise), starts gunicorn with
production settings, lets 500 clients each load the event page (cookie, CSRF token, form
token), waits out the form's minimum fill time, then releases every POST at once. Reports
the confirmed and waitlisted counts from the database, errors (anything but the redirect to
the registration page), and latency percentiles of the POSTs.
"""

import http.client
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CLIENTS = int(os.environ.get("BENCH_CLIENTS", 500))
CAPACITY = int(os.environ.get("BENCH_CAPACITY", 100))
PORT = int(os.environ.get("BENCH_PORT", 8103))
WORKERS = os.environ.get("BENCH_WORKERS", "3")
THREADS = os.environ.get("BENCH_THREADS", "4")
HOST = "127.0.0.1"

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"),
    "ALLOWED_HOSTS": HOST,
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_COOKIES": "false",
    "TASKS_BACKEND": os.environ.get("TASKS_BACKEND", "database"),
    "EMAIL_BACKEND": os.environ.get("EMAIL_BACKEND", "file"),
    "EMAIL_FILE_PATH": os.environ.get("EMAIL_FILE_PATH", str(ROOT / "var" / "bench-mail")),
    "LOG_LEVEL": "ERROR",
    # The shared cache production runs with (rate-limit counters, single-use form tokens).
    "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/10"),
    # Every client comes from 127.0.0.1: the per-address limit is raised (still counted).
    "RATE_LIMIT_IP": os.environ.get("RATE_LIMIT_IP", "100000/h"),
}


def manage(*args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=ENV, check=True)


def ensure_database(url):
    import psycopg

    parts = urllib.parse.urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def build_event():
    os.environ.update(ENV)
    import django

    django.setup()
    from datetime import timedelta

    from django.utils import timezone

    from events.factories import EventIndexPageFactory, EventPageFactory
    from events.models import EventIndexPage, EventPage
    from home.demo import build

    class Quiet:
        def write(self, *args, **kwargs):
            pass

    build(Quiet())
    from home.models import HomePage

    home = HomePage.objects.get(depth=2, locale__language_code="vi")
    index = EventIndexPage.objects.filter(locale=home.locale).first() or EventIndexPageFactory(parent=home)
    EventPage.objects.filter(slug="bench-event").delete()
    event = EventPageFactory(
        parent=index,
        slug="bench-event",
        title="Hội thảo đo tải đăng ký",
        start=timezone.now() + timedelta(days=7),
        capacity=CAPACITY,
        max_seats_per_enterprise=1,
    )
    from wagtail.models import Site

    Site.objects.filter(is_default_site=True).update(hostname=HOST, port=PORT)
    return event


def tax_codes(count):
    from enterprises.validators import make_tax_code

    codes, n = [], 0
    while len(codes) < count:
        code = make_tax_code(f"{900000000 + n}")
        n += 1
        if code:
            codes.append(code)
    return codes


FIELD = re.compile(r'name="(csrfmiddlewaretoken|started|submission_key)" value="([^"]+)"')


class Client:
    def __init__(self, n, path, tax_code):
        self.n, self.path, self.tax_code = n, path, tax_code
        self.status = None
        self.latency = None
        self.error = None

    def prepare(self):
        conn = http.client.HTTPConnection(HOST, PORT, timeout=120)
        conn.request("GET", self.path)
        response = conn.getresponse()
        html = response.read().decode()
        conn.close()
        cookies = response.headers.get_all("Set-Cookie") or []
        self.cookie = "; ".join(c.split(";", 1)[0] for c in cookies)
        self.fields = dict(FIELD.findall(html))
        if response.status != 200 or len(self.fields) != 3:
            raise RuntimeError(f"GET {self.path}: {response.status}, fields {sorted(self.fields)}")

    def post(self, barrier):
        body = urllib.parse.urlencode(
            {
                **self.fields,
                "tax_code": self.tax_code,
                "enterprise_name": f"Doanh nghiệp đo tải {self.n}",
                "attendee_name": f"Người tham dự {self.n}",
                "position": "Giám đốc",
                "email": f"bench{self.n}@doanhnghiep.vn",
                "phone": "0912345678",
                "seats": "1",
                "consent": "on",
                "website": "",
            }
        )
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": self.cookie,
            "Referer": f"http://{HOST}:{PORT}{self.path}",
        }
        conn = http.client.HTTPConnection(HOST, PORT, timeout=300)
        barrier.wait()
        started = time.perf_counter()
        try:
            conn.request("POST", self.path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            self.status = response.status
            if response.status != 302 or "/events/registration/" not in (response.getheader("Location") or ""):
                self.error = f"HTTP {response.status}"
        except Exception as exc:
            self.error = repr(exc)
        finally:
            self.latency = time.perf_counter() - started
            conn.close()


def wait_for_server(proc):
    for _ in range(120):
        if proc.poll() is not None:
            raise RuntimeError("gunicorn exited")
        try:
            conn = http.client.HTTPConnection(HOST, PORT, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("gunicorn did not start")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    url = ENV.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL=postgres://… (the bench measures PostgreSQL row locks).")
    ensure_database(url)
    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    event = build_event()
    path = event.url
    codes = tax_codes(CLIENTS)

    gunicorn = [
        sys.executable, "-m", "gunicorn", "config.wsgi",
        "--bind", f"{HOST}:{PORT}", "--workers", WORKERS, "--threads", THREADS,
        "--worker-class", "gthread", "--backlog", "2048", "--timeout", "300", "--log-level", "warning",
    ]  # fmt: skip
    proc = subprocess.Popen(gunicorn, cwd=ROOT, env=ENV)
    try:
        wait_for_server(proc)
        clients = [Client(n, path, codes[n]) for n in range(CLIENTS)]
        prepare_errors = []

        def prepare(client):
            try:
                client.prepare()
            except Exception as exc:
                prepare_errors.append(repr(exc))

        for start in range(0, CLIENTS, 50):
            batch = [threading.Thread(target=prepare, args=(c,)) for c in clients[start : start + 50]]
            for thread in batch:
                thread.start()
            for thread in batch:
                thread.join()
        if prepare_errors:
            sys.exit(f"{len(prepare_errors)} page loads failed: {prepare_errors[:3]}")
        time.sleep(3.2)  # the form's minimum fill time

        barrier = threading.Barrier(CLIENTS)
        threads = [threading.Thread(target=c.post, args=(barrier,)) for c in clients]
        wall = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - wall
    finally:
        proc.terminate()
        proc.wait(timeout=30)

    from django.db.models import Count

    from events.models import Registration

    counts = dict(
        Registration.objects.filter(event=event)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    latencies = [c.latency for c in clients if c.latency is not None]
    errors = [c.error for c in clients if c.error]
    print(f"clients: {CLIENTS}, capacity: {CAPACITY}, gunicorn: {WORKERS} workers × {THREADS} threads (gthread)")
    print(f"confirmed: {counts.get('confirmed', 0)}, waitlisted: {counts.get('waiting', 0)}, other: "
          f"{ {k: v for k, v in counts.items() if k not in ('confirmed', 'waiting')} }")  # fmt: skip
    print(f"errors: {len(errors)} {sorted(set(errors))[:5]}")
    p50, p95, worst = (
        value * 1000 for value in (statistics.median(latencies), percentile(latencies, 95), max(latencies))
    )
    print(f"POST latency: p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {worst:.0f} ms")
    print(f"wall {wall:.1f} s, {CLIENTS / wall:.0f} registrations/s")
    ok = counts.get("confirmed", 0) == CAPACITY and counts.get("waiting", 0) == CLIENTS - CAPACITY and not errors
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
