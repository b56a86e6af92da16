"""Benchmarks of the DBI self-assessment (issue 4).

    .venv/bin/python bench/bench_assessment_forms.py [--rows 100000] [--requests 200]

1. scoring one 60-criterion submission in process (target < 5 ms);
2. rescoring N stored submissions (target: 100,000 in < 60 s) — a pass where nothing changed
   (read + score) and a pass where every result changed (bulk writes of totals and pillar scores);
3. the result page, rendered in process through Django's test client (ms per request, queries).

Runs against its own SQLite file (var/bench-assessment.sqlite3, rebuilt each run) unless
DATABASE_URL is set.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django():
    db = ROOT / "var" / "bench-assessment.sqlite3"
    if not os.environ.get("DATABASE_URL"):
        db.parent.mkdir(exist_ok=True)
        db.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def bench_scoring(n=20000):
    from assessment_forms.loader import DBI_1970_FILE, read_file
    from assessment_forms.scoring import score, spec_from_dict

    spec = spec_from_dict(read_file(DBI_1970_FILE))
    rng = random.Random(1)
    answer_sets = [{code: rng.randint(0, 5) for code in spec.criteria} for _ in range(1000)]
    times = []
    for i in range(n):
        answers = answer_sets[i % 1000]
        start = time.perf_counter()
        score(spec, answers)
        times.append(time.perf_counter() - start)
    times.sort()
    print(
        f"scoring in process: median {statistics.median(times) * 1e3:.4f} ms, "
        f"mean {statistics.mean(times) * 1e3:.4f} ms, "
        f"p95 {times[int(0.95 * n)] * 1e3:.4f} ms, max {times[-1] * 1e3:.3f} ms per 60-criterion submission "
        f"({n} runs; target < 5 ms)"
    )


def analyze():
    """Refresh the planner's statistics after bulk loads, as autovacuum (PostgreSQL) or a
    periodic `PRAGMA optimize` (SQLite) would in production; stale statistics make the peer
    comparison plan a 30,000-row nested loop."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def bench_rescoring(rows):
    from django.db import connection

    from assessment_forms import services
    from assessment_forms.factories import load_dbi_1970
    from assessment_forms.models import Submission
    from enterprises.factories import EnterpriseFactory

    framework = load_dbi_1970()
    spec = services.get_spec(framework)
    from django.utils import timezone

    enterprises = [EnterpriseFactory() for _ in range(50)]
    verified_at = timezone.now()
    rng = random.Random(2)
    start = time.perf_counter()
    batch = []
    for i in range(rows):
        answers = {code: rng.randint(0, 5) for code in spec.criteria}
        result = services.score(spec, answers, validate=False)
        batch.append(
            Submission(
                enterprise=enterprises[i % 50],
                framework=framework,
                year=2023 + i % 3,
                status=Submission.Status.VERIFIED,
                verified_at=verified_at,
                answers=answers,
                total=result.total,
                max_total=result.max,
                level=result.level,
            )
        )
        if len(batch) == 5000:
            Submission.objects.bulk_create(batch)
            batch = []
    Submission.objects.bulk_create(batch)
    print(f"stored {rows} submissions in {time.perf_counter() - start:.1f} s ({connection.vendor})")
    analyze()

    start = time.perf_counter()
    changed = services.rescore()
    elapsed = time.perf_counter() - start
    print(f"rescoring {rows} stored submissions, nothing changed: {elapsed:.1f} s ({changed} changed; target < 60 s)")

    Submission.objects.update(total=0, level=0)
    start = time.perf_counter()
    changed = services.rescore()
    elapsed = time.perf_counter() - start
    print(
        f"rescoring {rows} stored submissions, all changed (bulk writes incl. {changed * 6} pillar scores): "
        f"{elapsed:.1f} s (target < 60 s)"
    )
    analyze()


def bench_result_page(requests):
    from django.test import Client
    from wagtail.models import Locale, Page, Site

    from assessment_forms.factories import VerifiedSubmissionFactory, load_dbi_1970
    from assessment_forms.models import AssessmentPage
    from assessment_forms.views import resume_url
    from enterprises.factories import EnterpriseFactory

    framework = load_dbi_1970()
    root = Page.objects.get(depth=1)
    page = AssessmentPage(title="Tự đánh giá", slug="bench-dbi", locale=Locale.get_default())
    root.add_child(instance=page)
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.create(
        hostname="testserver", root_page=root, is_default_site=True
    )
    site.root_page = page
    site.hostname = "testserver"
    site.save()
    me = VerifiedSubmissionFactory(framework=framework, year=2025)
    VerifiedSubmissionFactory(enterprise=me.enterprise, framework=framework, year=2024)
    e = me.enterprise
    for _ in range(8):
        peer = EnterpriseFactory(sector=e.sector, area=e.area, size_class=e.size_class)
        VerifiedSubmissionFactory(enterprise=peer, framework=framework, year=2025)
    client = Client()
    url = resume_url(page, me, "result")
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    response = client.get(url)
    assert b"dbi-radar" in response.content
    start = time.perf_counter()
    for _ in range(requests):
        client.get(url)
    elapsed = time.perf_counter() - start
    print(
        f"result page in process: {elapsed / requests * 1e3:.1f} ms per request "
        f"({requests / elapsed:.0f} requests/s, one process; 23 SQL queries, constant: see test_pages.py)"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    setup_django()
    bench_scoring()
    bench_rescoring(args.rows)
    bench_result_page(args.requests)


if __name__ == "__main__":
    main()
