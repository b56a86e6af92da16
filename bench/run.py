#!/usr/bin/env python
"""Benchmark the public pages under gunicorn (production settings), next to a static file.

    .venv/bin/python bench/run.py                       # SQLite and PostgreSQL, every page type
    .venv/bin/python bench/run.py --db sqlite --duration 10 --urls / /en/ /gioi-thieu/
    .venv/bin/python bench/run.py --db sqlite --duration 2 --warmup 1 --modes uncached   # smoke run

For each database: a fresh database, migrate, demo content, collectstatic; gunicorn with
3 sync workers; a warm-up; then wrk (2 threads, 16 connections) for a fixed time per URL.
Prints requests/s and p50/p95/p99 latency per URL, the SQL queries per request, and each
page's share of the static-file rate measured in the same run (the ceiling); once with the
anonymous page cache off (every request renders) and once with it on.

Targets (issue 21), checked on the uncached run: every page at most 15 SQL queries; story
pages ≥ 6.5 % of the static rate, handbook chapters ≥ 8 %, search ≥ 3.5 %, listings
(newsroom, desks, events, rankings, the consultant directory, the solutions catalogue, the
board, state support) ≥ 5 %, event pages ≥ 5 %. The script exits with status 1 when any page
misses its target (a smoke run with a few seconds per URL proves the script, not the site:
measure with the default 20 s on a quiet machine).
"""

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    PUBLIC_PAGES,
    fresh_database,
    manage,
    measure_served,
    prepare_site,
    print_report,
    query_counts,
    site_env,
)  # noqa: E402

MAX_QUERIES = 15


# (pattern on the path, page kind, minimum share of the static rate); the first match wins.
# Pages without a share target (home, FAQ, …) are still held to MAX_QUERIES.
TARGETS = [
    (r"^/(en/)?search/", "search", 0.035),
    (r"^/(en/)?tin-tuc/[^/]+/[^/]+/$", "story", 0.065),
    (r"^/(en/)?tin-tuc/([^/]+/)?(\?.*)?$", "listing", 0.05),
    (r"^/(en/)?cam-nang/(hoi-dap|huong-dan-dbi)/", None, None),
    (r"^/(en/)?cam-nang/.+/", "chapter", 0.08),
    (r"^/(en/)?su-kien/(\?.*)?$", "listing", 0.05),
    (r"^/(en/)?su-kien/[^/]+/$", "event", 0.05),
    (r"^/(en/)?xep-hang/(\?.*)?$", "listing", 0.05),
    (r"^/(en/)?(giai-phap|ket-noi-cung-cau|ho-tro-nha-nuoc|ho-tro)/(\?.*)?$", "listing", 0.05),
]


def target_for(url):
    """(kind, minimum share) of a URL, or (None, None) when only the query limit applies."""
    for pattern, kind, share in TARGETS:
        if re.match(pattern, url):
            return kind, share
    return None, None


def check_targets(rows, ceiling):
    """Lines naming each page that misses its share or goes over MAX_QUERIES (empty: all met)."""
    failures = []
    static = ceiling["rps"] or 0
    for url, result, queries in rows:
        kind, minimum = target_for(url)
        share = result["rps"] / static if static else 0
        if isinstance(queries, int) and queries > MAX_QUERIES:
            failures.append(f"{url}: {queries} queries > {MAX_QUERIES}")
        if minimum is not None and share < minimum:
            failures.append(f"{url} ({kind}): {share:.1%} of the static rate < {minimum:.1%}")
        if result.get("errors"):
            failures.append(f"{url}: {result['errors']} errors")
    return failures


def main(
    *,
    description=__doc__,
    label="",
    urls=PUBLIC_PAGES,
    db="both",
    duration=20,
    port=8900,
    db_name="dx_bench",
):
    """Parse the command line (the keyword arguments are its defaults) and run the benchmark.
    Feature benchmarks (bench_handbook.py, bench_stories.py) call this with their own pages.
    Exits with status 1 when a page misses its target on the uncached run."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default=db)
    parser.add_argument("--duration", type=int, default=duration)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--port", type=int, default=port)
    parser.add_argument("--urls", nargs="+", default=urls)
    parser.add_argument("--db-name", default=db_name, help="database name (SQLite: bench/results/<name>.sqlite3)")
    parser.add_argument("--redis", default="", help="REDIS_URL for the cache (default: in-process cache)")
    parser.add_argument(
        "--reuse", action="store_true", help="keep the database of an earlier run (skip migrate and demo content)"
    )
    parser.add_argument(
        "--modes",
        nargs="+",
        choices=["uncached", "cached"],
        default=["uncached", "cached"],
        help="uncached: the anonymous page cache off, every request renders; cached: on",
    )
    args = parser.parse_args()

    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    failures = []
    for kind in kinds:
        database_url = fresh_database(kind, name=args.db_name, reuse=args.reuse)
        env = site_env(database_url, **({"REDIS_URL": args.redis} if args.redis else {}))
        if args.reuse:
            manage(env, "collectstatic", "--noinput")
        else:
            print(f"Preparing {kind} database…", flush=True)
            prepare_site(env)
        queries = query_counts({**env, "PAGE_CACHE_SECONDS": "0"}, args.urls)
        for mode in args.modes:
            mode_env = {**env, "PAGE_CACHE_SECONDS": "0" if mode == "uncached" else "600"}
            rows, ceiling = measure_served(
                mode_env,
                args.urls,
                duration=args.duration,
                warmup=args.warmup,
                connections=args.connections,
                workers=args.workers,
                port=args.port,
                queries=queries if mode == "uncached" else dict.fromkeys(args.urls, 0),
            )
            prefix = f"{label}, " if label else ""
            print_report(
                f"{prefix}{kind}, {mode}: {args.workers} gunicorn workers, {args.connections} connections, "
                f"{args.duration}s",
                rows,
                ceiling,
                targets=target_for,
            )
            if mode == "uncached":
                failures += [f"{kind}: {line}" for line in check_targets(rows, ceiling)]
    if failures:
        print(f"\nTargets missed ({len(failures)}):")
        for line in failures:
            print(f"  - {line}")
        raise SystemExit(1)
    print("\nAll targets met.")


if __name__ == "__main__":
    main()
