#!/usr/bin/env python
"""The page cache's hit rate while editors work, and no stale page after a publish (issue 21.3).

    .venv/bin/python bench/bench_cache_hits.py                                   # 10 minutes
    .venv/bin/python bench/bench_cache_hits.py --duration 90 --publish-every 20  # a short run

Production settings with the Redis cache (its own database number: `--redis`, flushed first),
gunicorn (3 sync workers), a fresh SQLite (or `--db postgres`) database with the demo content.
After one warm-up pass over the pages, for `--duration` seconds:

- visitors (`--visitors` threads, no cookies) fetch a mix of public pages at random;
- an editor saves a draft revision of a story every `--autosave-every` seconds (10 s, an
  autosave: `save_revision()` without publishing);
- a journalist publishes the newest story every `--publish-every` seconds (300 s in the issue)
  in a transaction, as the admin does, with a new marker ("BENCH-00001", …) at the start of
  its title, shown on the home page, the newsroom, its desk and the story itself.

Reports the page-cache hit rate (the X-Page-Cache header: hits / (hits + misses); target
≥ 95 %) and checks that no visitor ever saw a page older than the last publish: every fetch of
a marker page that started after a publish returned shows that publish's marker or a newer
one. Exits with status 1 when the hit rate is below the target or a stale page was served.
The editor and journalist run in a second process (this script with `--actors`) with the
site's settings, writing to the same database and Redis as the site.
"""

import argparse
import http.client
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PUBLIC_PAGES, PYTHON, ROOT, fetch_status, fresh_database, manage, prepare_site, server, site_env  # noqa: E402

TARGET = 0.95
MARKER = re.compile(r"BENCH-(\d{5})")

# The public pages visitors browse: every page type of the demo content (common.PUBLIC_PAGES)
# but the DBI start page, the newest story's pages added.
PAGES = [url for url in PUBLIC_PAGES if url != "/tu-danh-gia-dbi/"]


# --- The editor and the journalist (a second process with the site's settings) -----------


def actors(duration, autosave_every, publish_every):
    """Print one JSON line per action: ready, autosave, publish (with its marker and the
    time the publish returned)."""
    sys.path.insert(0, str(ROOT))  # the site's packages (this script's own folder comes first)
    import django

    django.setup()
    from django.db import transaction

    from stories.models import StoryPage

    def emit(**data):
        print(json.dumps(data), flush=True)

    newest = StoryPage.objects.live().filter(locale__language_code="vi").order_by("-publication_date", "-pk")
    story, draft = list(newest[:2])
    title = story.title
    emit(kind="ready", story=story.url, desk=story.get_parent().url)
    start = time.time()
    next_autosave, next_publish, number, saves = start, start + 5, 0, 0
    while time.time() < start + duration:
        now = time.time()
        if now >= next_autosave:
            # An autosave: a new revision of another story's draft, nothing published.
            page = StoryPage.objects.get(pk=draft.pk)
            page.title = f"{draft.title} (bản nháp {saves})"
            page.save_revision(log_action=False)
            saves += 1
            next_autosave += autosave_every
            emit(kind="autosave", at=time.time())
        if now >= next_publish:
            number += 1
            page = StoryPage.objects.get(pk=story.pk)
            page.title = f"BENCH-{number:05d} {title}"
            began = time.time()
            with transaction.atomic():  # as the admin's edit view publishes
                page.save_revision(log_action=True).publish()
            emit(kind="publish", number=number, began=began, done=time.time())
            next_publish += publish_every
        time.sleep(0.05)
    emit(kind="end")


# --- The visitors -------------------------------------------------------------------------


class Visitor(threading.Thread):
    def __init__(self, base, pages, stop, seed):
        super().__init__(daemon=True)
        self.netloc = urlsplit(base).netloc
        self.pages = pages
        self.stop = stop
        self.random = random.Random(seed)
        self.fetches = []  # (started, ended, path, status, cache header, highest marker)

    def run(self):
        connection = http.client.HTTPConnection(self.netloc, timeout=30)
        while not self.stop.is_set():
            path = self.random.choice(self.pages)
            started = time.time()
            try:
                connection.request("GET", path, headers={"Accept-Language": "vi"})
                response = connection.getresponse()
                body = response.read().decode("utf-8", "replace")
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(self.netloc, timeout=30)
                self.fetches.append((started, time.time(), path, 0, "", None))
                continue
            markers = [int(found) for found in MARKER.findall(body)]
            self.fetches.append(
                (
                    started,
                    time.time(),
                    path,
                    response.status,
                    response.getheader("X-Page-Cache") or "",
                    max(markers) if markers else None,
                )
            )


def load_average():
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def stale_fetches(fetches, publishes, marker_pages):
    """Fetches of a marker page that started after a publish returned and show an older marker."""
    done = sorted((p["done"], p["number"]) for p in publishes)
    stale = []
    for started, _ended, path, status, header, marker in fetches:
        if path not in marker_pages or status != 200:
            continue
        expected = max((number for finished, number in done if finished < started), default=0)
        if expected and (marker or 0) < expected:
            stale.append((started, path, header, marker, expected))
    return stale


def run(args):
    import redis

    database_url = fresh_database(args.db, name=args.db_name, reuse=args.reuse)
    redis.Redis.from_url(args.redis).flushdb()
    env = site_env(database_url, REDIS_URL=args.redis, PAGE_CACHE_SECONDS="600", CACHE_KEY_PREFIX="bench-hits")
    print(f"# preparing the site ({args.db}, {database_url})", flush=True)
    if args.reuse:
        manage(env, "collectstatic", "--noinput")
    else:
        prepare_site(env)
    print(f"# before: {load_average()}", flush=True)
    with server(env, port=args.port, workers=args.workers) as base:
        process = subprocess.Popen(
            [
                PYTHON,
                __file__,
                "--actors",
                "--duration",
                str(args.duration),
                "--autosave-every",
                str(args.autosave_every),
                "--publish-every",
                str(args.publish_every),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        events = []
        ready = json.loads(process.stdout.readline())
        marker_pages = {"/", "/tin-tuc/", ready["desk"], ready["story"]}
        pages = sorted(set(PAGES) | marker_pages)

        def read_events():
            for line in process.stdout:
                events.append(json.loads(line))

        reader = threading.Thread(target=read_events, daemon=True)
        reader.start()
        # One warm-up pass: every page once, so the figures are the steady state's.
        for path in pages:
            if (status := fetch_status(base + path)) != 200:
                raise SystemExit(f"{path} answered {status}")
        stop = threading.Event()
        visitors = [Visitor(base, pages, stop, seed) for seed in range(1, args.visitors + 1)]
        began = time.time()
        for visitor in visitors:
            visitor.start()
        process.wait()
        stop.set()
        for visitor in visitors:
            visitor.join()
        elapsed = time.time() - began
        reader.join(timeout=5)
    print(f"# after:  {load_average()}", flush=True)

    fetches = [fetch for visitor in visitors for fetch in visitor.fetches]
    publishes = [event for event in events if event["kind"] == "publish"]
    autosaves = [event for event in events if event["kind"] == "autosave"]
    headers = Counter(fetch[4] or "none" for fetch in fetches)
    statuses = Counter(fetch[3] for fetch in fetches)
    hits, misses = headers["hit"], headers["miss"]
    rate = hits / (hits + misses) if hits + misses else 0.0
    stale = stale_fetches(fetches, publishes, marker_pages)
    checked = sum(1 for fetch in fetches if fetch[2] in marker_pages and any(p["done"] < fetch[0] for p in publishes))

    print(f"\n## Page-cache hit rate while editors work ({args.db}, Redis {args.redis})")
    print(f"duration {elapsed:.0f} s, {args.visitors} visitors, gunicorn {args.workers} workers")
    print(f"autosaves (draft revisions) every {args.autosave_every:g} s: {len(autosaves)}")
    print(f"publishes every {args.publish_every:g} s: {len(publishes)}")
    print(f"requests: {len(fetches)} ({len(fetches) / elapsed:.0f}/s), statuses {dict(statuses)}")
    print(f"X-Page-Cache: {dict(headers)}")
    print(f"hit rate: {rate:.2%} (target ≥ {TARGET:.0%})")
    print(f"marker pages {sorted(marker_pages)}: {checked} fetches after a publish checked, {len(stale)} stale")
    for started, path, header, marker, expected in stale[:10]:
        print(f"  STALE at {started:.3f}: {path} ({header}) showed {marker}, expected ≥ {expected}")
    return 0 if rate >= TARGET and not stale and publishes and statuses.keys() <= {200} else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--db-name", default="dx_cache_hits")
    parser.add_argument("--reuse", action="store_true", help="keep the database of an earlier run")
    parser.add_argument("--redis", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"))
    parser.add_argument("--duration", type=float, default=600)
    parser.add_argument("--visitors", type=int, default=8)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--port", type=int, default=8930)
    parser.add_argument("--autosave-every", type=float, default=10)
    parser.add_argument("--publish-every", type=float, default=300)
    parser.add_argument("--actors", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.actors:
        actors(args.duration, args.autosave_every, args.publish_every)
        return 0
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
