"""Benchmark of the provincial dashboard on PostgreSQL.

    .venv/bin/python bench/bench_dashboard.py [--enterprises 100000] [--cold-runs 10] [--cached-runs 200]

Builds (once; kept between runs) 100,000 enterprises and three years of verified DBI results
with their pillar scores using bulk_create, then measures the dashboard page (GET, through
Django's full request stack): cold (cache emptied before each request) and cached, as p50/p95,
and the annual report's build time (XLSX and PDF). Database: DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/dx_dashboard_bench; cache: Redis DB 8.
"""

import argparse
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/dx_dashboard_bench")
os.environ.setdefault("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8")
os.environ.setdefault("BENCH_CACHE_PREFIX", "bench-dashboard")
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

YEARS = (2023, 2024, 2025)
SHARE_ASSESSED = {2023: 0.30, 2024: 0.40, 2025: 0.50}
SIZES = ["micro"] * 6 + ["small"] * 3 + ["medium", "large"]


def ensure_database():
    import psycopg

    url = os.environ["DATABASE_URL"]
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def populate(count, out):
    from django.db import transaction

    from assessment_forms.factories import load_dbi_1970
    from assessment_forms.models import PillarScore, Submission
    from enterprises.models import AdministrativeUnit, Enterprise, Sector
    from enterprises.validators import make_tax_code

    if Enterprise.objects.count() >= count:
        out(f"data present: {Enterprise.objects.count()} enterprises, {Submission.objects.count()} submissions")
        return
    rng = random.Random(1970)
    framework = load_dbi_1970()
    pillars = list(framework.pillars.order_by("order"))
    with transaction.atomic():
        sectors = [
            Sector.objects.get_or_create(code=code, defaults={"name": f"Ngành {code}", "size_group": "trade_services"})[
                0
            ]
            for code in "ABCDEFGHIJKLMNOPQRSTU"
        ]
        areas = [
            AdministrativeUnit.objects.get_or_create(
                code=f"B{n:03d}", defaults={"name": f"Huyện thử nghiệm {n}", "level": "district"}
            )[0]
            for n in range(8)
        ]
        started = time.perf_counter()
        enterprises, seen, serial = [], set(Enterprise.objects.values_list("tax_code", flat=True)), 0
        while len(enterprises) < count:
            serial += 1
            code = make_tax_code(f"{serial:09d}")
            if not code or code in seen:
                continue
            seen.add(code)
            enterprises.append(
                Enterprise(
                    tax_code=code,
                    name=f"Doanh nghiệp thử nghiệm {serial}",
                    sector=rng.choice(sectors),
                    area=rng.choice(areas),
                    size_class=rng.choice(SIZES),
                )
            )
        Enterprise.objects.bulk_create(enterprises, batch_size=5000)
        ids = list(Enterprise.objects.values_list("pk", flat=True))
        out(f"{len(ids)} enterprises in {time.perf_counter() - started:.1f} s")
        for year in YEARS:
            started = time.perf_counter()
            chosen = rng.sample(ids, int(len(ids) * SHARE_ASSESSED[year]))
            submissions, scores = [], []
            for enterprise_id in chosen:
                maturity = rng.betavariate(2, 4)
                points = [min(p.max_points, max(0, round(rng.gauss(maturity, 0.12) * p.max_points))) for p in pillars]
                total = sum(points)
                submissions.append(
                    Submission(
                        enterprise_id=enterprise_id,
                        framework=framework,
                        year=year,
                        status="verified",
                        total=total,
                        max_total=framework.max_points,
                        level=min(5, int(total / max(framework.max_points, 1) * 6)),
                    )
                )
            Submission.objects.bulk_create(submissions, batch_size=5000)
            for submission in submissions:
                remaining = submission.total
                for index, pillar in enumerate(pillars):
                    share = remaining if index == len(pillars) - 1 else min(remaining, pillar.max_points)
                    value = min(pillar.max_points, rng.randint(0, share) if index < len(pillars) - 1 else share)
                    remaining -= value
                    percent = Decimal(round(100 * value / pillar.max_points, 2)).quantize(Decimal("0.01"))
                    scores.append(
                        PillarScore(
                            submission=submission,
                            pillar=pillar,
                            points=value,
                            max_points=pillar.max_points,
                            percent=percent,
                            level=min(5, int(6 * value / pillar.max_points)),
                        )
                    )
            PillarScore.objects.bulk_create(scores, batch_size=10000)
            out(
                f"{year}: {len(submissions)} submissions, {len(scores)} pillar scores "
                f"in {time.perf_counter() - started:.1f} s"
            )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--cold-runs", type=int, default=10)
    parser.add_argument("--cached-runs", type=int, default=200)
    args = parser.parse_args()
    ensure_database()

    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    out = print
    call_command("migrate", verbosity=0)
    populate(args.enterprises, out)

    class Quiet:
        def write(self, *a, **k):
            pass

    from dashboard.demo import build_page
    from home.demo import build

    build(Quiet())
    from home.models import HomePage

    page = build_page(HomePage.objects.get(depth=2, locale__language_code="vi"))
    url = page.url + "?year=2025"
    client = Client()

    def timed(run):
        started = time.perf_counter()
        response = run()
        assert response.status_code == 200, response.status_code
        return (time.perf_counter() - started) * 1000

    cold = []
    for _run in range(args.cold_runs):
        cache.clear()
        cold.append(timed(lambda: client.get(url)))
    filtered = []
    for size in ("micro", "small", "medium"):
        cache.clear()
        filtered.append(timed(lambda size=size: client.get(url + f"&size={size}")))
    client.get(url)
    cached = [timed(lambda: client.get(url)) for _run in range(args.cached_runs)]

    from dashboard.report import build_pdf, build_xlsx

    cache.clear()
    started = time.perf_counter()
    xlsx = build_xlsx(2025)
    xlsx_cold = time.perf_counter() - started
    started = time.perf_counter()
    build_xlsx(2025)
    xlsx_cached = time.perf_counter() - started
    started = time.perf_counter()
    pdf = build_pdf(2025)
    pdf_time = time.perf_counter() - started

    from assessment_forms.models import Submission
    from enterprises.models import Enterprise

    out("")
    out(
        f"data: {Enterprise.objects.count()} enterprises, {Submission.objects.count()} verified submissions "
        f"({', '.join(map(str, YEARS))})"
    )
    out(
        f"dashboard cold   (n={len(cold)}): p50 {statistics.median(cold):.0f} ms, "
        f"p95 {percentile(cold, 0.95):.0f} ms (target < 2000)"
    )
    out(f"dashboard cold, filtered by size (n={len(filtered)}): max {max(filtered):.0f} ms")
    out(
        f"dashboard cached (n={len(cached)}): p50 {statistics.median(cached):.1f} ms, "
        f"p95 {percentile(cached, 0.95):.1f} ms (target < 50)"
    )
    out(f"annual report XLSX: {xlsx_cold:.2f} s cold, {xlsx_cached:.2f} s cached ({len(xlsx)} bytes)")
    out(f"annual report PDF (figures cached): {pdf_time:.2f} s ({len(pdf)} bytes)")


if __name__ == "__main__":
    main()
