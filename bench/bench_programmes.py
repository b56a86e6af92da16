"""Benchmark the solutions catalogue and the support-application review queue on PostgreSQL
with 5,000 solutions and 10,000 applications (issue 18's targets: p95 under 100 ms for a
filtered page, constant queries per page).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dx_programmes_bench .venv/bin/python bench/bench_programmes.py

Options: --solutions N (5000), --applications N (10000), --requests N per URL (60), --reseed.
Requests go through Django's whole stack in process with the test client, as bench_rankings does.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/dx_programmes_bench")

from bench_rankings import ensure_database  # noqa: E402


def seed(solutions, applications, out):
    from datetime import date

    from django.db import transaction

    from enterprises.models import Enterprise, Sector
    from market.models import Listing, Provider, Solution
    from programmes.models import Application, Programme

    rng = random.Random(18)
    sector = Sector.objects.filter(level=1).first()
    with transaction.atomic():
        providers = Provider.objects.bulk_create(
            Provider(
                name=f"Nhà cung cấp {i}", tax_code=f"09{i:08d}", status=Listing.APPROVED, make_in_vietnam=i % 2 == 0
            )
            for i in range(solutions // 12 + 1)
        )
        categories = list(Solution.Category.values)
        Solution.objects.bulk_create(
            Solution(
                provider=providers[i % len(providers)],
                name=f"Giải pháp {categories[i % len(categories)]} {i}",
                category=categories[i % len(categories)],
                summary="Quản lý bán hàng, kho, kế toán trên điện thoại",
                search_text=f"giai phap {categories[i % len(categories)]} {i} quan ly ban hang kho ke toan",
                pillars=[f"P{1 + i % 6}", f"P{1 + (i + 2) % 6}"],
                criteria=[f"{1 + i % 6}.1.0{1 + i % 3}"],
                sizes=[] if i % 3 else ["micro", "small"],
                has_trial=i % 2 == 0,
                price_min=1_000_000 * (i % 10),
                status=Listing.APPROVED if i % 10 else Listing.PENDING,
            )
            for i in range(solutions)
        )
        enterprises = Enterprise.objects.bulk_create(
            Enterprise(tax_code=f"08{i:08d}", name=f"Doanh nghiệp thử {i}", sector=sector, size_class="small")
            for i in range(applications // 2)
        )
        programme = Programme.objects.create(
            name="Hỗ trợ thử", slug="ho-tro-thu", budget=10**12, starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31)
        )
        statuses = list(Application.Status.values)
        Application.objects.bulk_create(
            Application(
                reference=f"HT-B-{i:07d}",
                programme=programme,
                enterprise=enterprises[i % len(enterprises)],
                purpose="solutions",
                description="Thuê phần mềm",
                cost_estimate=40_000_000,
                requested_amount=20_000_000,
                status=statuses[rng.randrange(len(statuses))],
            )
            for i in range(applications)
        )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    out(f"seeded {solutions} solutions, {applications} applications")


def measure(client, url, n):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(5):
        client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * len(times)) - 1], len(ctx.captured_queries)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--solutions", type=int, default=5000)
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--reseed", action="store_true")
    args = parser.parse_args()
    ensure_database(os.environ["DATABASE_URL"], drop=args.reseed)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["*"]
    settings.TEMPLATES[0]["OPTIONS"]["debug"] = False
    call_command("migrate", verbosity=0)
    from accounts.factories import UserFactory
    from market.models import Solution
    from programmes.models import Application

    if not Solution.objects.exists():
        from assessment_forms.factories import load_dbi_1970

        load_dbi_1970()
        seed(args.solutions, args.applications, print)
    from django.test import Client

    client = Client()
    staff = Client()
    staff.force_login(UserFactory(username="bench_editor", roles=["programme_editor"]))
    some = Application.objects.order_by("pk")[args.applications // 2].pk
    urls = [
        (client, "/giai-phap/"),
        (client, "/giai-phap/?category=erp&pillar=P3"),
        (client, "/giai-phap/?q=quan+ly+kho&size=micro&trial=on"),
        (client, "/giai-phap/?pillar=P2&page=20"),
        (staff, "/admin/snippets/programmes/application/?status=screening"),
        (staff, "/admin/snippets/programmes/application/?status=assessment&p=10"),
        (staff, f"/admin/programmes/review/{some}/"),
    ]
    print(f"{Solution.objects.count()} solutions, {Application.objects.count()} applications; {args.requests} requests")
    print(f"{'URL':70} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    worst = 0
    for who, url in urls:
        p50, p95, queries = measure(who, url, args.requests)
        worst = max(worst, p95)
        print(f"{url:70} {p50:8.1f} {p95:8.1f} {queries:8d}")
    print(f"Worst p95: {worst:.1f} ms (target < 100 ms)")


if __name__ == "__main__":
    main()
