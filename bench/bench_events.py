"""Bench: 500 concurrent registrations for an event with 100 seats, on PostgreSQL, through
the real HTTP stack (gunicorn, production settings, CSRF, the anti-bot checks).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dx_events_bench .venv/bin/python bench/bench_events.py

It creates the database if needed, migrates, collects static files, builds a home page, an
events index and one event (100 seats, one person per enterprise), starts gunicorn with
production settings, lets 500 clients each load the event page (cookie, CSRF token, form
token from the form's token endpoint, as events/registration.js does), waits out the form's
minimum fill time, then releases every POST at once (to the form's action). Reports
the confirmed and waitlisted counts from the database, errors (anything but the redirect to
the registration page), and latency percentiles of the POSTs.

    DATABASE_URL=postgres://… .venv/bin/python bench/bench_events.py --profile 100 [TOP]

measures in-process instead: the CPU time per registration through Django's test client,
the queries of one (those inside the seat lock marked) and, with TOP, a cProfile.
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
# gunicorn.conf.py's production defaults on a 2-core machine: sync workers, cores + 1.
WORKERS = os.environ.get("BENCH_WORKERS", "3")
THREADS = os.environ.get("BENCH_THREADS", "1")
WORKER_CLASS = os.environ.get("BENCH_WORKER_CLASS", "sync")
OWN_REDIS = "REDIS_URL" not in os.environ  # the bench's own database, emptied before a run
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
    # As in production once the dashboard has been viewed: every new enterprise is added to
    # the dashboard's registry counts in the request that records it.
    from dashboard.summary import ensure_built

    ensure_built()
    return event


def fresh_start(codes):
    """Every run measures the same thing: the clients' enterprises are new (recorded as pending
    by their registration, the costlier path) and no rate-limit counter or single-use token is
    left from an earlier run (the bench's own Redis database is emptied)."""
    import redis

    from enterprises.models import Enterprise

    Enterprise.objects.filter(tax_code__in=codes).delete()
    if not OWN_REDIS:
        print("REDIS_URL given: its rate-limit counters are left as they are (a rerun may be refused)")
    else:
        redis.Redis.from_url(ENV["REDIS_URL"]).flushdb()  # the bench's own database


def tax_codes(count):
    from enterprises.validators import make_tax_code

    codes, n = [], 0
    while len(codes) < count:
        code = make_tax_code(f"{900000000 + n}")
        n += 1
        if code:
            codes.append(code)
    return codes


FORM = re.compile(r'<form[^>]*id="registration-form"[^>]*>')
ATTRIBUTE = re.compile(r'(action|data-tokens-url)="([^"]+)"')
TOKEN_FIELDS = ("csrfmiddlewaretoken", "started", "submission_key")


class Client:
    def __init__(self, n, path, tax_code):
        self.n, self.path, self.tax_code = n, path, tax_code
        self.status = None
        self.latency = None
        self.error = None

    def _get(self, path, cookie=""):
        conn = http.client.HTTPConnection(HOST, PORT, timeout=120)
        conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = conn.getresponse()
        body = response.read().decode()
        conn.close()
        if response.status != 200:
            raise RuntimeError(f"GET {path}: {response.status}")
        return response, body

    def prepare(self):
        """What the browser does: the (cached, shared) event page, then this visitor's tokens
        from the form's token endpoint (events/registration.js), which sets the CSRF cookie."""
        import json

        _response, html = self._get(self.path)
        form = FORM.search(html)
        attributes = dict(ATTRIBUTE.findall(form.group(0))) if form else {}
        if "data-tokens-url" not in attributes:
            raise RuntimeError(f"GET {self.path}: no cacheable registration form")
        self.action = attributes["action"]
        response, body = self._get(attributes["data-tokens-url"])
        cookies = response.headers.get_all("Set-Cookie") or []
        self.cookie = "; ".join(c.split(";", 1)[0] for c in cookies)
        tokens = json.loads(body)
        self.fields = {name: tokens.get(name) for name in TOKEN_FIELDS}
        if not all(self.fields.values()) or "csrftoken" not in self.cookie:
            raise RuntimeError(f"tokens: {sorted(tokens)}, cookie {self.cookie!r}")

    def request(self):
        """The POST as bytes, built before the clock starts."""
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
        ).encode()
        head = (
            f"POST {self.action} HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nConnection: close\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(body)}\r\nCookie: {self.cookie}\r\n"
            f"Referer: http://{HOST}:{PORT}{self.path}\r\n\r\n"
        )
        return head.encode() + body

    async def post(self, payload):
        """Connect, send, read the whole answer (the server closes the connection)."""
        import asyncio

        started = time.perf_counter()
        writer = None
        try:
            reader, writer = await asyncio.open_connection(HOST, PORT, limit=1 << 20)
            writer.write(payload)
            answer = await asyncio.wait_for(reader.read(), timeout=300)
            head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
            self.status = int(head[0].split()[1])
            location = next((line.split(":", 1)[1] for line in head if line.lower().startswith("location:")), "")
            if self.status != 302 or "/events/registration/" not in location:
                self.error = f"HTTP {self.status}"
        except Exception as exc:
            self.error = repr(exc)
        finally:
            self.latency = time.perf_counter() - started
            if writer is not None:
                writer.close()


def release(clients, payloads):
    """Every POST at once, from one thread (an event loop: the load generator shares the
    machine with the server, and 500 client threads cost it more CPU than the loop does)."""
    import asyncio

    async def run():
        await asyncio.gather(*(client.post(payload) for client, payload in zip(clients, payloads, strict=True)))

    asyncio.run(run())


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


def machine_cpu():
    """CPU seconds all processors have spent busy since boot (/proc/stat)."""
    with open("/proc/stat") as stat:
        fields = [int(value) for value in stat.readline().split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def server_cpu(pid):
    """CPU seconds gunicorn's master and workers have used so far (/proc/<pid>/stat)."""
    total = 0
    pids = [pid]
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            pids += [int(child) for child in children.read().split()]
    except OSError:
        pass
    for each in pids:
        try:
            with open(f"/proc/{each}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return total / os.sysconf("SC_CLK_TCK")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def profile(count, top, path=None):
    """In-process: `count` registrations through Django's test client (the whole middleware
    stack, production settings, Redis), each with its own CSRF cookie and tokens fetched
    beforehand from the form's token endpoint (not measured). Prints the CPU time per POST
    (`time.process_time`), the queries of one POST and those inside the seat lock, and with
    `top` cProfile's most expensive calls."""
    import cProfile
    import json
    import pstats

    os.environ.update(ENV)
    import django

    django.setup()
    from enterprises.models import Enterprise
    from events.models import EventPage

    codes = tax_codes(count)
    event = EventPage.objects.filter(slug="bench-event").first()
    if event is None or event.capacity != CAPACITY:
        event = build_event()
    else:  # a run before built it: start again from no registration
        event.registrations.all().delete()
        Enterprise.objects.filter(tax_code__in=codes).delete()
    from django.db import connection
    from django.test import Client

    from core.spam import started_token

    path = path or event.registration_post_url()
    tokens_path = event.url + event.reverse_subpage("form_tokens")
    prepared = []
    for n in range(count):
        client = Client(enforce_csrf_checks=True, HTTP_HOST=f"{HOST}:{PORT}")
        tokens = json.loads(client.get(tokens_path).content)
        data = {
            "csrfmiddlewaretoken": tokens["csrfmiddlewaretoken"],
            "started": started_token(seconds_ago=30),
            "submission_key": tokens["submission_key"],
            "tax_code": codes[n],
            "enterprise_name": f"Doanh nghiệp đo tải {n}",
            "attendee_name": f"Người tham dự {n}",
            "position": "Giám đốc",
            "email": f"bench{n}@doanhnghiep.vn",
            "phone": "0912345678",
            "seats": "1",
            "consent": "on",
            "website": "",
        }
        prepared.append((client, data))

    def post(client, data):
        # As a browser posts the form (and as the HTTP bench does): urlencoded, not multipart.
        response = client.post(path, urllib.parse.urlencode(data), content_type="application/x-www-form-urlencoded")
        if response.status_code != 302 or "/events/registration/" not in response.get("Location", ""):
            raise RuntimeError(f"POST {path}: HTTP {response.status_code}")

    # The first one, with its queries (warms imports and connections too).
    executed = []
    state = {"locked": False}

    def record(execute, sql, params, many, context):
        # The seat lock lasts from the SELECT … FOR UPDATE to the end of the outer transaction.
        if not connection.in_atomic_block:
            state["locked"] = False
        elif "FOR UPDATE" in sql:
            state["locked"] = True
        executed.append((state["locked"], sql))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        post(*prepared[0])
    under_lock = sum(locked for locked, _sql in executed)
    print(f"POST {path}: {len(executed)} queries, {under_lock} holding the seat lock (L):")
    for locked, sql in executed:
        print("  L" if locked else "   ", sql[:150])

    sampler = None
    if top and os.environ.get("BENCH_PROFILER") == "pyinstrument":  # sampling: less distortion
        from pyinstrument import Profiler

        sampler, profiler = Profiler(interval=0.0005), None
    else:
        profiler = cProfile.Profile(time.process_time) if top else None  # CPU time, not waits
    cpu = time.process_time()
    wall = time.perf_counter()
    if profiler:
        profiler.enable()
    if sampler:
        sampler.start()
    for client, data in prepared[1:]:
        post(client, data)
    if profiler:
        profiler.disable()
    if sampler:
        sampler.stop()
    cpu = time.process_time() - cpu
    wall = time.perf_counter() - wall
    n = count - 1
    print(f"{n} registrations: {cpu / n * 1000:.1f} ms CPU and {wall / n * 1000:.1f} ms wall each"
          f"{' (under cProfile)' if profiler else ''}; load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    if sampler:
        print(sampler.output_text(unicode=True, show_all=False, short_mode=False))
    if profiler:
        stats = pstats.Stats(profiler).sort_stats(os.environ.get("BENCH_SORT", "cumulative"))
        stats.print_stats(top)
        if os.environ.get("BENCH_CALLERS"):
            stats.print_callers(os.environ["BENCH_CALLERS"])


def main():
    if "--profile" in sys.argv:
        url = ENV.get("DATABASE_URL", "")
        if not url.startswith("postgres"):
            sys.exit("Set DATABASE_URL=postgres://…")
        args = sys.argv[sys.argv.index("--profile") + 1 :]
        count = int(args[0]) if args else 100
        top = int(args[1]) if len(args) > 1 else 0
        ensure_database(url)
        manage("migrate", "--noinput", "-v0")
        profile(count, top)
        return
    url = ENV.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL=postgres://… (the bench measures PostgreSQL row locks).")
    ensure_database(url)
    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    event = build_event()
    path = event.url
    codes = tax_codes(CLIENTS)
    fresh_start(codes)

    gunicorn = [
        sys.executable, "-m", "gunicorn", "config.wsgi",
        "--bind", f"{HOST}:{PORT}", "--workers", WORKERS, "--threads", THREADS,
        "--worker-class", WORKER_CLASS, "--backlog", "2048", "--timeout", "300", "--log-level", "warning",
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
        server_before = server_cpu(proc.pid)
        spy = None
        if os.environ.get("BENCH_PYSPY"):  # a sampling profile of the workers during the POSTs
            spy = subprocess.Popen(
                ["py-spy", "record", "--pid", str(proc.pid), "--subprocesses", "--nonblocking", "--rate", "250",
                 "--format", "raw", "--output", os.environ["BENCH_PYSPY"], "--duration", "6"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            time.sleep(1)

        payloads = [client.request() for client in clients]
        machine, own = machine_cpu(), time.process_time()
        wall = time.perf_counter()
        release(clients, payloads)
        wall = time.perf_counter() - wall
        machine, own = machine_cpu() - machine, time.process_time() - own
        server = server_cpu(proc.pid) - server_before
        if spy is not None:
            spy.wait()
    finally:
        # Never mask the run's own error: a loaded machine may take long to stop gunicorn.
        proc.terminate()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

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
    print(f"clients: {CLIENTS}, capacity: {CAPACITY}, gunicorn: {WORKERS} workers × {THREADS} threads ({WORKER_CLASS})")
    print(f"confirmed: {counts.get('confirmed', 0)}, waitlisted: {counts.get('waiting', 0)}, other: "
          f"{ {k: v for k, v in counts.items() if k not in ('confirmed', 'waiting')} }")  # fmt: skip
    print(f"errors: {len(errors)} {sorted(set(errors))[:5]}")
    p50, p95, worst = (
        value * 1000 for value in (statistics.median(latencies), percentile(latencies, 95), max(latencies))
    )
    print(f"POST latency: p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {worst:.0f} ms")
    print(f"wall {wall:.1f} s, {CLIENTS / wall:.0f} registrations/s")
    print(
        f"CPU during the POSTs: {machine:.1f} s of {os.cpu_count()} × {wall:.1f} s: gunicorn {server:.1f} s "
        f"({server / CLIENTS * 1000:.1f} ms per registration), the clients {own:.1f} s, "
        f"the rest (PostgreSQL, Redis) {machine - server - own:.1f} s"
    )
    ok = counts.get("confirmed", 0) == CAPACITY and counts.get("waiting", 0) == CLIENTS - CAPACITY and not errors
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
