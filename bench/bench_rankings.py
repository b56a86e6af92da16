"""Benchmark the public rankings page on PostgreSQL with 100,000 enterprises and three years
of verified DBI results.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dx_honors_bench .venv/bin/python bench/bench_rankings.py

Options: --enterprises N (default 100000), --requests N per URL (default 60), --reseed.
The database is created and seeded on the first run (bulk_create: enterprises, verified
submissions with six pillar scores each, then `refresh_rankings`), and reused afterwards.
Requests go through Django's full stack in process (middleware, Wagtail routing, templates)
with the test client; the static-file ceiling is measured the same way in the same run
(WhiteNoise serving site.css), so the ratio holds when the machine's speed drifts.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/dx_honors_bench")

YEARS = (2023, 2024, 2025)
PILLAR_MAX = {"P1": 65, "P2": 25, "P3": 80, "P4": 65, "P5": 50, "P6": 35}
OVERALL = [(5, 256, 6), (4, 192, 5), (3, 128, 4), (2, 64, 4), (1, 20, 4)]
PREFIXES = ["Công ty TNHH", "Công ty Cổ phần", "Hợp tác xã", "Doanh nghiệp tư nhân", "Hộ kinh doanh"]
CORES = [
    "Cà phê",
    "Hồ tiêu",
    "Sầu riêng",
    "Mắc ca",
    "Nông sản",
    "Xây dựng",
    "Thương mại",
    "Du lịch",
    "Phần mềm",
    "Cơ khí",
]
PLACES = ["Đắk Mil", "Gia Nghĩa", "Cư Jút", "Đắk Song", "Krông Nô", "Tuy Đức", "Đắk R'lấp", "Đắk Glong"]


class Quiet:
    def write(self, *args, **kwargs):
        pass


def ensure_database(url, drop=False):
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if drop:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def pillar_level(points, maximum):
    for level, bound in ((5, 80), (4, 60), (3, 40), (2, 20), (1, 10)):
        if 100 * points > bound * maximum:
            return level
    return 0


def overall_level(total, levels):
    for level, threshold, pillars in OVERALL:
        if total > threshold and sum(1 for x in levels if x >= level) >= pillars:
            return level
    return 0


def seed(count, out):
    from django.db import transaction
    from django.utils import timezone

    from assessment_forms.factories import load_dbi_1970
    from assessment_forms.models import PillarScore, Submission
    from enterprises.demo import build_units
    from enterprises.factories import SectorFactory
    from enterprises.models import AdministrativeUnit, Enterprise
    from enterprises.validators import make_tax_code
    from home.demo import build as build_home
    from home.models import HomePage
    from honors.factories import make_rankings_page
    from honors.services.rankings import refresh_rankings

    started = time.perf_counter()
    build_units(Quiet())
    build_home(Quiet())
    make_rankings_page(HomePage.objects.get(depth=2, locale__language_code="vi"))
    framework = load_dbi_1970()
    pillars = {p.code: p for p in framework.pillars.all()}
    sectors = [
        SectorFactory(code=code, name=name)
        for code, name in (
            ("A", "Nông nghiệp"),
            ("C", "Chế biến"),
            ("G", "Thương mại"),
            ("I", "Lưu trú"),
            ("J", "Thông tin"),
        )
    ]
    areas = list(AdministrativeUnit.objects.filter(level="district"))
    rng = random.Random(1970)
    sizes = ["micro"] * 6 + ["small"] * 3 + ["medium", "large"]
    stem = 700_000_000
    batch = []
    made = 0
    with transaction.atomic():
        while made < count:
            code = make_tax_code(str(stem))
            stem += 1
            if not code:
                continue
            batch.append(
                Enterprise(
                    tax_code=code,
                    name=f"{rng.choice(PREFIXES)} {rng.choice(CORES)} {rng.choice(PLACES)} {made + 1}",
                    sector=rng.choice(sectors),
                    area=rng.choice(areas),
                    size_class=rng.choice(sizes),
                    publish_dbi_consent=rng.random() < 0.85,
                )
            )
            made += 1
            if len(batch) == 5000:
                Enterprise.objects.bulk_create(batch)
                batch = []
        Enterprise.objects.bulk_create(batch)
    out(f"  {count} enterprises in {time.perf_counter() - started:.0f}s")
    ids = list(Enterprise.objects.order_by("pk").values_list("pk", flat=True))
    for offset, year in enumerate(YEARS):
        t0 = time.perf_counter()
        for start in range(0, len(ids), 5000):
            with transaction.atomic():
                submissions, scores = [], []
                for enterprise_id in ids[start : start + 5000]:
                    maturity = min(1.0, max(0.0, rng.gauss(0.35 + 0.05 * offset, 0.2)))
                    points = {
                        c: min(m, max(0, round(rng.gauss(maturity * m, m * 0.12)))) for c, m in PILLAR_MAX.items()
                    }
                    levels = {c: pillar_level(points[c], PILLAR_MAX[c]) for c in points}
                    total = sum(points.values())
                    moment = timezone.make_aware(
                        datetime.datetime(year, 9, 1) + datetime.timedelta(minutes=rng.randint(0, 80000))
                    )
                    submissions.append(
                        Submission(
                            enterprise_id=enterprise_id,
                            framework=framework,
                            year=year,
                            status=Submission.Status.VERIFIED,
                            total=total,
                            max_total=320,
                            level=overall_level(total, list(levels.values())),
                            submitted_at=moment,
                            verified_at=moment,
                        )
                    )
                    scores.append((points, levels))
                Submission.objects.bulk_create(submissions)
                PillarScore.objects.bulk_create(
                    [
                        PillarScore(
                            submission=sub,
                            pillar=pillars[code],
                            points=pts[code],
                            max_points=PILLAR_MAX[code],
                            percent=round(100 * pts[code] / PILLAR_MAX[code], 2),
                            level=lvls[code],
                        )
                        for sub, (pts, lvls) in zip(submissions, scores, strict=True)
                        for code in PILLAR_MAX
                    ],
                    batch_size=10000,
                )
        out(f"  {year}: {len(ids)} verified results with pillar scores in {time.perf_counter() - t0:.0f}s")
    t0 = time.perf_counter()
    rows = refresh_rankings()
    out(f"  refresh_rankings: {rows} ranking rows in {time.perf_counter() - t0:.0f}s")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE honors_rankingentry")


def measure(client, url, n, cold=False):
    """p50/p95 in ms and the query count of one URL. cold=True drops the ranking cache before
    every request (outside the timing), so each request runs the ranking queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from honors.services.rankings import _bump_version

    for _ in range(5):
        client.get(url)
    if cold:
        _bump_version()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    queries = len(ctx.captured_queries)
    times = []
    for _ in range(n):
        if cold:
            _bump_version()
        t0 = time.perf_counter()
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    return {"url": url, "p50": statistics.median(times), "p95": p95, "queries": queries}


def explain(client, url):
    """EXPLAIN ANALYZE of the ranking-table queries of one cold request (PostgreSQL): each
    query's execution time and the indexes it reads, to check that every one is index-served
    and reads a bounded number of rows (deferred-join pages, bounded COUNT)."""
    import re

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from honors.services.rankings import _bump_version

    _bump_version()
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    for query in ctx.captured_queries:
        sql = query["sql"]
        if "honors_rankingentry" not in sql or not sql.lstrip().upper().startswith("SELECT"):
            continue
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        took = re.search(r"Execution Time: ([\d.]+)", plan)
        scans = sorted(
            set(re.findall(r"((?:Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)[^(]*?on \w+)", plan))
        )
        print(f"  {float(took.group(1)) if took else 0:7.1f} ms  {'; '.join(scans)}")
        print(f"           {sql[:160]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--explain", action="store_true", help="print the query plans of each URL (cold) and stop")
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--reseed", action="store_true")
    parser.add_argument(
        "--serve",
        type=int,
        default=0,
        metavar="SECONDS",
        help="also serve the URLs with gunicorn (production settings, page cache off) and measure them with wrk "
        "for SECONDS each, next to the static-file ceiling",
    )
    args = parser.parse_args()

    ensure_database(os.environ["DATABASE_URL"], drop=args.reseed)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["*"]
    settings.TEMPLATES[0]["OPTIONS"]["debug"] = False
    call_command("migrate", verbosity=0)
    from honors.models import RankingEntry

    have = RankingEntry.objects.count()
    if have and have < args.enterprises * len(YEARS) * 0.99:
        sys.exit(f"The database holds {have} ranking rows; run again with --reseed to rebuild it.")
    if not have:
        print(
            f"Seeding {args.enterprises} enterprises × {len(YEARS)} years on {settings.DATABASES['default']['NAME']}…"
        )
        seed(args.enterprises, print)
    from django.db import connection
    from django.test import Client

    from enterprises.models import AdministrativeUnit, Sector

    area = AdministrativeUnit.objects.filter(level="district").order_by("code").first()
    sector = Sector.objects.filter(level=1).order_by("code").first()
    client = Client()
    urls = [
        "/xep-hang/",
        "/xep-hang/?year=2024&page=200",
        f"/xep-hang/?year=2025&area={area.pk}&size=small",
        f"/xep-hang/?year=2025&sector={sector.pk}" if sector else "/xep-hang/?year=2025&size=medium",
        "/xep-hang/?year=2025&page=200&size=micro",
        "/xep-hang/?year=2025&q=ca+phe+dak+mil",
        "/xep-hang/?year=2025&sort=p3&level=2",
        "/xep-hang/csv/?year=2025&size=medium",
    ]
    rows = RankingEntry.objects.count()
    if args.explain:
        for url in urls:
            print(url)
            explain(client, url)
        return
    print(f"PostgreSQL {connection.pg_version}, {rows} ranking rows; {args.requests} requests per URL")
    static = measure(client, "/static/css/site.css", args.requests)
    for label, cold in (("cold: ranking cache dropped before each request", True), ("warm: ranking cache hit", False)):
        results = [measure(client, url, args.requests, cold=cold) for url in urls]
        print(f"\n{label}")
        print(f"{'URL':55} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'p95/static':>10}")
        print(f"{static['url']:55} {static['p50']:8.1f} {static['p95']:8.1f} {static['queries']:8d} {1:10.1f}")
        for row in results:
            ratio = row["p95"] / static["p95"] if static["p95"] else float("inf")
            print(f"{row['url']:55} {row['p50']:8.1f} {row['p95']:8.1f} {row['queries']:8d} {ratio:10.1f}")
        worst = max(row["p95"] for row in results)
        queries = sorted({r["queries"] for r in results})
        print(f"Worst p95: {worst:.1f} ms (target < 100 ms); queries per request: {queries}", flush=True)
    if args.serve:
        serve(urls, args.serve)


def serve(urls, duration):
    """The same URLs under gunicorn (3 sync workers, production settings), measured by wrk:
    with the anonymous page cache off (every request renders; each worker's ranking cache warm
    after its first request) and on (the production default)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from common import manage, measure_served, print_report, site_env

    manage(site_env(os.environ["DATABASE_URL"]), "collectstatic", "--noinput", "--clear")
    for seconds, label in (("0", "page cache off"), ("600", "page cache on")):
        env = site_env(os.environ["DATABASE_URL"], PAGE_CACHE_SECONDS=seconds)
        rows, ceiling = measure_served(env, urls, duration=duration, warmup=2, port=8910)
        print_report(
            f"served, {label}: gunicorn 3 workers, wrk 2 threads × 16 connections, {duration}s per URL", rows, ceiling
        )


if __name__ == "__main__":
    main()
