"""Search benchmark: N pages (default 10,000) on SQLite or PostgreSQL; p50/p95 latency of the
site search (the whole answer of the search page: kinds, results, snippets) and of the
autocomplete, and the time to rebuild the index (`update_index`).

    .venv/bin/python bench/bench_search.py --db sqlite
    .venv/bin/python bench/bench_search.py --db postgres   # uses postgres://postgres@127.0.0.1:5432/dx_search_bench

The database is created from scratch each run (a file under var/ for SQLite).
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))

SYLLABLES = (  # noqa: SIM905 - reads as prose
    "chuyển đổi số doanh nghiệp nhỏ vừa hộ kinh doanh hợp tác xã thương mại điện tử nền tảng dữ liệu "
    "khách hàng quản trị sản xuất nông sản cà phê hồ tiêu sầu riêng du lịch Gia Nghĩa Đắk Mil Krông Nô "
    "Cư Jút Tuy Đức đào tạo hội thảo tập huấn chỉ số DBI đánh giá mức độ trụ cột kỹ năng lao động "
    "hạ tầng công nghệ an toàn thông tin hóa đơn điện tử chữ ký số thanh toán không dùng tiền mặt "
    "sổ tay hướng dẫn câu hỏi thường gặp tôn vinh tiêu biểu câu chuyện thành công"
).split()
QUERIES = [
    "chuyen doi so",
    "chuyển đổi số",
    "CHUYỂN ĐỔI SỐ",
    "doanh nghiep nho",
    "hợp tác xã cà phê",
    "thuong mai dien tu",
    "so tay",
    "sổ tay hướng dẫn",
    "dak mil",
    "krong no du lich",
    "hoa don dien tu",
    "chữ ký số",
    "tap huan DBI",
    "an toan thong tin",
    "sau rieng",
    "so",
    "khong dung tien mat",
    "nông sản Gia Nghĩa",
    "cau chuyen thanh cong",
    "zzz khong co",
]
SUGGESTS = ["chuyen d", "doanh ngh", "hop tac", "thuong m", "cà p", "so ta", "dak m", "hoa do"]


def setup(db):
    if db == "postgres":
        url = "postgres://postgres@127.0.0.1:5432/dx_search_bench"
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS dx_search_bench")
            conn.execute("CREATE DATABASE dx_search_bench")
    else:
        path = BASE / "var" / "bench_search.sqlite3"
        path.parent.mkdir(exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # Pages are created without indexing; `update_index` then builds the index (timed).
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database", "AUTO_UPDATE": False}}
    call_command("migrate", verbosity=0)


def title(rng):
    return " ".join(rng.choice(SYLLABLES) for _ in range(rng.randint(5, 10))).capitalize()


def build(count, rng):
    """10 sections under the home page, then `count` StandardPages inserted in bulk (the tree
    paths computed here; treebeard's add_child would take minutes for 10,000 pages)."""
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Page

    from home.factories import StandardPageFactory, make_site_home
    from home.models import StandardPage

    home = make_site_home()
    sections = [StandardPageFactory(parent=home, title=f"Chuyên mục {n}", slug=f"chuyen-muc-{n}") for n in range(10)]
    content_type = ContentType.objects.get_for_model(StandardPage)
    now = timezone.now()
    per_section = {section.pk: 0 for section in sections}
    rows = []
    for number in range(count):
        parent = sections[number % len(sections)]
        per_section[parent.pk] += 1
        step = per_section[parent.pk]
        slug = f"trang-{number}"
        rows.append(
            (
                Page(
                    title=title(rng),
                    slug=slug,
                    path=parent.path + Page._int2str(step).rjust(Page.steplen, "0"),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=parent.url_path + slug + "/",
                    content_type=content_type,
                    locale_id=parent.locale_id,
                    translation_key=uuid.uuid4(),
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                    draft_title="",
                ),
                " ".join(rng.choice(SYLLABLES) for _ in range(40)),
            )
        )
    with transaction.atomic():
        for page, _intro in rows:
            page.draft_title = page.title
        Page.objects.bulk_create([page for page, _intro in rows], batch_size=1000)
        created = Page.objects.filter(content_type=content_type, depth=sections[0].depth + 1).values_list("path", "id")
        ids = dict(created)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {StandardPage._meta.db_table} (page_ptr_id, intro, body) VALUES (%s, %s, %s)",  # noqa: S608
                [(ids[page.path], intro, "[]") for page, intro in rows],
            )
        for section in sections:
            Page.objects.filter(pk=section.pk).update(numchild=per_section[section.pk])
    return home


def measure(fn, items, rounds):
    timings = []
    for _ in range(rounds):
        for item in items:
            start = time.perf_counter()
            fn(item)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {
        "n": len(timings),
        "p50": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
        "max": timings[-1],
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    setup(args.db)
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Locale

    from search import services

    rng = random.Random(1970)
    start = time.perf_counter()
    build(args.pages, rng)
    created = time.perf_counter() - start

    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database", "AUTO_UPDATE": True}}
    start = time.perf_counter()
    call_command("update_index", verbosity=0)
    rebuild = time.perf_counter() - start
    if connection.vendor == "postgresql":
        # Bulk-loaded tables have no statistics until autovacuum passes; production has them.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    locale = Locale.objects.get(language_code="vi")
    services.site_search("chuyen doi so", locale)  # warm-up
    search = measure(lambda q: services.site_search(q, locale), QUERIES, args.rounds)
    suggest = measure(lambda q: services.suggest(q, locale), SUGGESTS, args.rounds)
    total = services.site_search("chuyen doi so", locale).total

    print(f"backend: {connection.vendor} ({args.pages} pages; created in {created:.1f} s)")
    print(f"index rebuild (update_index): {rebuild:.1f} s")
    print(f"matches for 'chuyen doi so': {total}")
    for name, result in (("site search (page of 10 + kinds)", search), ("autocomplete (8 titles)", suggest)):
        print(
            f"{name}: n={result['n']} p50={result['p50']:.1f} ms p95={result['p95']:.1f} ms max={result['max']:.1f} ms"
        )


if __name__ == "__main__":
    main()
