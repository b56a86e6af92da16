"""Faults under load (issue 15): what visitors see when a worker dies or the mail server hangs.

1. **A worker killed under load**: gunicorn (3 sync workers, production settings) serves the
   home page and a story under load (wrk, or a Python load generator when wrk is missing);
   half-way, one worker is killed with SIGKILL (by its process id, found as a child of the
   gunicorn master). Reports requests, failed requests and non-2xx.
2. **A registration with SMTP hung**: a local socket accepts connections and never answers;
   the site's EMAIL_BACKEND is SMTP pointing at it. Registrations are posted to an event page
   with the production set-up (TASKS_BACKEND=database: the request only writes the outbox row)
   and, for comparison, with SMTP up (memory backend) and with the immediate task backend
   (which production refuses, core.E002: the request waits for EMAIL_TIMEOUT).

    .venv/bin/python bench/bench_faults.py [--db sqlite|postgres] [--duration 20]

Prints a small table; run on demand, never in CI.
"""

import argparse
import contextlib
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PYTHON, ROOT, fresh_database, prepare_site, site_env  # noqa: E402


@contextlib.contextmanager
def gunicorn(env, port, workers=3):
    binary = str(Path(PYTHON).parent / "gunicorn")
    process = subprocess.Popen(
        [binary, "config.wsgi:application", "-w", str(workers), "-b", f"127.0.0.1:{port}", "--log-level", "error"],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("the server did not start")
        yield process, base
    finally:
        process.terminate()
        process.wait(timeout=30)


def workers_of(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def python_load(url, duration, connections=16):
    """A plain load generator: `connections` threads, each fetching `url` in a loop."""
    stop = time.monotonic() + duration
    counts = {"requests": 0, "errors": 0, "non_2xx": 0}
    latencies = []
    lock = threading.Lock()

    def loop():
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                status = urllib.request.urlopen(url, timeout=10).status
            except urllib.error.HTTPError as exc:
                status = exc.code
            except OSError:
                status = None
            with lock:
                counts["requests"] += 1
                latencies.append((time.perf_counter() - started) * 1000)
                if status is None:
                    counts["errors"] += 1
                elif not 200 <= status < 300:
                    counts["non_2xx"] += 1

    threads = [threading.Thread(target=loop) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    counts["p95_ms"] = round(latencies[int(len(latencies) * 0.95) - 1], 1) if latencies else None
    return counts


def load(url, duration, connections=16):
    import shutil

    if shutil.which("wrk"):
        from common import wrk

        return wrk(url, duration=duration, connections=connections)
    return python_load(url, duration, connections)


def worker_killed_under_load(env, duration, port=8931):
    rows = []
    with gunicorn(env, port) as (process, base):
        for path in ("/", "/tin-tuc/"):
            url = base + path
            load(url, 2)  # warm-up
            result = {}
            runner = threading.Thread(target=lambda url=url, result=result: result.update(load(url, duration)))
            runner.start()
            time.sleep(duration / 2)
            victims = workers_of(process.pid)
            if victims:
                os.kill(victims[0], signal.SIGKILL)
            runner.join()
            rows.append((path, victims[:1], result))
    return rows


class HungSMTP:
    """Accepts connections and never says a word (a mail server that hangs)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(128)
        self.port = self.sock.getsockname()[1]
        self.held = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(connection)


def demo_event_path(env):
    code = (
        "import django; django.setup();"
        "from events.models import EventPage;"
        "page = EventPage.objects.live().filter(locale__language_code='vi').order_by('-start').first();"
        "print(page.url if page else '')"
    )
    out = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()[-1]


def started_token(env):
    code = "import django; django.setup(); from core.spam import started_token; print(started_token(seconds_ago=60))"
    out = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()[-1]


def register_once(base, path, token, n):
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(base + path, timeout=30).read().decode()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    data = {
        "csrfmiddlewaretoken": match.group(1) if match else "",
        "tax_code": f"{8100000000 + n * 7919 % 99999999:010d}",
        "enterprise_name": f"Doanh nghiệp thử {n}",
        "attendee_name": f"Người thử {n}",
        "email": f"thu{n}@example.vn",
        "phone": "0900000000",
        "seats": "1",
        "consent": "on",
        "website": "",
        "started": token,
        "submission_key": f"{time.time_ns() + n:032x}"[-32:],
    }
    request = urllib.request.Request(
        base + path, data=urllib.parse.urlencode(data).encode(), headers={"Referer": base + path}
    )
    started = time.perf_counter()
    try:
        status = opener.open(request, timeout=60).status
    except urllib.error.HTTPError as exc:
        status = exc.code
    return status, (time.perf_counter() - started) * 1000


def registration_times(env, scenarios, count=5, port=8932):
    rows = []
    for label, extra in scenarios:
        scenario_env = {**env, **extra}
        with gunicorn(scenario_env, port) as (_process, base):
            path = demo_event_path(scenario_env)
            token = started_token(scenario_env)
            results = [register_once(base, path, token, n + len(rows) * 100) for n in range(count)]
        times = [ms for _status, ms in results]
        rows.append((label, [status for status, _ms in results], statistics.median(times), max(times)))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--skip-prepare", action="store_true")
    args = parser.parse_args()
    env = site_env(fresh_database(args.db, "dx_bench_faults") if not args.skip_prepare else os.environ["DATABASE_URL"])
    env["PAGE_CACHE_SECONDS"] = "0"
    if not args.skip_prepare:
        prepare_site(env)

    print(f"\n## A worker killed under load ({args.duration} s, 16 connections, 3 workers)")
    print("| page | killed worker | requests | failed (connect/read/timeout) | non-2xx | p95 ms |")
    print("|---|---|---|---|---|---|")
    for path, victims, result in worker_killed_under_load(env, args.duration):
        print(
            f"| {path} | {victims} | {result.get('requests')} | {result.get('errors')} | "
            f"{result.get('non_2xx')} | {result.get('p95_ms')} |"
        )

    hung = HungSMTP()
    smtp = {"EMAIL_BACKEND": "smtp", "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(hung.port), "EMAIL_TIMEOUT": "10"}
    scenarios = [
        ("SMTP up (memory backend), immediate tasks", {"EMAIL_BACKEND": "memory", "TASKS_BACKEND": "immediate"}),
        ("SMTP hung, queued (TASKS_BACKEND=database, production)", {**smtp, "TASKS_BACKEND": "database"}),
        ("SMTP hung, immediate tasks (refused by core.E002)", {**smtp, "TASKS_BACKEND": "immediate"}),
    ]
    print("\n## A registration's time")
    print("| scenario | statuses | median ms | max ms |")
    print("|---|---|---|---|")
    for label, statuses, median, worst in registration_times(env, scenarios):
        print(f"| {label} | {json.dumps(statuses)} | {median:.0f} | {worst:.0f} |")


if __name__ == "__main__":
    main()
