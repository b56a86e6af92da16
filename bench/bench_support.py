"""Bench: the support desk at province scale on PostgreSQL — 2,000 consultants and 100,000
requests — measuring the coordinators' filtered queue and the public directory.

    .venv/bin/python bench/bench_support.py            # BENCH_POSTGRES_URL to change the server
    BENCH_REQUESTS=20000 .venv/bin/python bench/bench_support.py

A fresh database (`dx_support_bench`) is migrated, filled with bulk inserts, then each page is
requested in process through Django's full stack (middleware, sessions, templates; the
coordinator logged in), production settings, DEBUG off. Reports p50/p95 per page over
BENCH_ROUNDS requests and the SQL queries of the first and of a far page, which must be equal
(no N+1 as the data grows or the page moves).
"""

import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from common import PG_BASE, fresh_database, manage, site_env  # noqa: E402

CONSULTANTS = int(os.environ.get("BENCH_CONSULTANTS", 2000))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", 100_000))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 60))


def fill(rng):
    from django.utils import timezone

    from core.text import fold_compact
    from enterprises.models import AdministrativeUnit
    from support.models import Consultant, PillarExpertise, ServedArea, SupportRequest, Topic

    units = list(AdministrativeUnit.objects.exclude(level="province")[:200])
    if not units:
        units = AdministrativeUnit.objects.bulk_create(
            [AdministrativeUnit(code=f"B{n}", name=f"Xã Thử {n}", level="commune") for n in range(60)]
        )
    topics = list(Topic.objects.all())
    pillars = ["P1", "P2", "P3", "P4", "P5", "P6"]
    surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi"]
    given = ["Văn Hùng", "Thị Hà", "Minh Đức", "Ngọc Lan", "Quốc Bảo", "Thanh Tâm"]
    consultants = []
    for n in range(CONSULTANTS):
        name = f"{rng.choice(surnames)} {rng.choice(given)} {n}"
        consultants.append(
            Consultant(
                name=name,
                slug=f"bench-{n}",
                status="approved" if n % 10 else "pending",
                job_title="Chuyên gia chuyển đổi số",
                biography="Tư vấn chuyển đổi số cho doanh nghiệp nhỏ và vừa.",
                capacity=rng.choice([4, 6, 8]),
                search_text=fold_compact(f"{name} Chuyên gia chuyển đổi số"),
            )
        )
    consultants = Consultant.objects.bulk_create(consultants, batch_size=1000)
    PillarExpertise.objects.bulk_create(
        [PillarExpertise(consultant=c, pillar_code=p) for c in consultants for p in rng.sample(pillars, 2)],
        batch_size=5000,
    )
    Through = Consultant.topics.through
    Through.objects.bulk_create(
        [Through(consultant_id=c.pk, topic_id=t.pk) for c in consultants for t in rng.sample(topics, 2)],
        batch_size=5000,
    )
    ServedArea.objects.bulk_create(
        [ServedArea(consultant=c, unit=u) for c in consultants for u in rng.sample(units, 3)], batch_size=5000
    )
    now = timezone.now()
    statuses = ["new", "assigned", "in_progress", "waiting", "resolved", "closed", "refused"]
    batch = []
    for n in range(REQUESTS):
        created = now - timedelta(days=rng.randint(0, 365), minutes=rng.randint(0, 1440))
        status = rng.choice(statuses)
        batch.append(
            SupportRequest(
                reference=f"HT-B-{n:07d}",
                tax_code=f"{rng.randint(10**9, 10**10 - 1)}",
                enterprise_name=f"Công ty Thử {n}",
                area=rng.choice(units),
                contact_name="Người Thử",
                email=f"t{n}@example.vn",
                topic=rng.choice(topics),
                pillars=rng.sample(pillars, 1),
                description="Cần tư vấn.",
                preferred_format="online",
                consent=True,
                status=status,
                consultant=rng.choice(consultants) if status != "new" else None,
                created_at=created,
                first_response_due=created + timedelta(days=2),
                resolution_due=created + timedelta(days=14),
                first_response_at=created + timedelta(hours=rng.randint(1, 90))
                if status not in ("new", "assigned")
                else None,
            )
        )
        if len(batch) == 5000:
            SupportRequest.objects.bulk_create(batch)
            batch = []
    if batch:
        SupportRequest.objects.bulk_create(batch)
    return topics, units


def measure(client, url, rounds):
    from django.db import connection

    response = client.get(url, HTTP_HOST="127.0.0.1")
    assert response.status_code == 200, (url, response.status_code)
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(url, HTTP_HOST="127.0.0.1")
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        client.get(url, HTTP_HOST="127.0.0.1")
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "url": url,
        "p50": statistics.median(times),
        "p95": times[int(len(times) * 0.95) - 1],
        "queries": len(queries),
    }


def main():
    # BENCH_REUSE=1 measures again on the database a previous run filled.
    reuse = os.environ.get("BENCH_REUSE") == "1"
    url = f"{PG_BASE}/dx_support_bench" if reuse else fresh_database("postgresql", "dx_support_bench")
    env = site_env(url, PAGE_CACHE_SECONDS="0")  # measure the pages, not the page cache
    if not reuse:
        manage(env, "migrate", "--noinput")
    os.environ.update(env)
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    # Static files from the finders (no collectstatic for an in-process bench).
    from django.test.utils import override_settings

    from accounts.factories import UserFactory
    from enterprises.models import AdministrativeUnit
    from support.models import ServedArea, Topic

    override_settings(
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()
    rng = random.Random(17)
    if reuse:
        topics = list(Topic.objects.all())
        units = list(AdministrativeUnit.objects.filter(pk__in=ServedArea.objects.values("unit_id")).order_by("pk"))
    else:
        started = time.perf_counter()
        topics, units = fill(rng)
        print(f"filled {CONSULTANTS} consultants, {REQUESTS} requests in {time.perf_counter() - started:.0f} s")
    coordinator = UserFactory(username="bench-coordinator", roles=["support_coordinator"])
    staff = Client()
    staff.force_login(coordinator)
    public = Client()
    topic = topics[1]
    unit = units[3]
    rows = [
        measure(staff, "/admin/support/requests/", ROUNDS),
        measure(staff, f"/admin/support/requests/?status=in_progress&topic={topic.pk}&age=7", ROUNDS),
        measure(staff, f"/admin/support/requests/?status=in_progress&topic={topic.pk}&age=7&p=5", ROUNDS),
        measure(staff, "/admin/support/requests/?overdue=true&p=200", ROUNDS),
        measure(public, "/ho-tro/", ROUNDS),
        measure(public, f"/ho-tro/?pillar=P1&topic={topic.slug}&area={unit.code}", ROUNDS),
        measure(public, "/ho-tro/?q=nguyen+van+hung", ROUNDS),
        measure(public, "/ho-tro/?trang=60", ROUNDS),
    ]
    print(f"{'page':<80} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for row in rows:
        print(f"{row['url']:<80} {row['p50']:>8.1f} {row['p95']:>8.1f} {row['queries']:>8}")


if __name__ == "__main__":
    main()
