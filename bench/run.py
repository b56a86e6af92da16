#!/usr/bin/env python
"""Benchmark the public pages under gunicorn (production settings), next to a static file.

    .venv/bin/python bench/run.py                       # SQLite and PostgreSQL, default URLs
    .venv/bin/python bench/run.py --db sqlite --duration 10 --urls / /en/ /gioi-thieu/

For each database: a fresh database, migrate, demo content, collectstatic; gunicorn with
3 sync workers; a warm-up; then wrk (2 threads, 16 connections) for a fixed time per URL.
Prints requests/s and p50/p95/p99 latency per URL, the SQL queries per request, and the
ratio to the static-file ceiling measured in the same run; once with the anonymous page
cache off (every request renders) and once with it on.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import fresh_database, measure_served, prepare_site, print_report, query_counts, site_env  # noqa: E402

DEFAULT_URLS = ["/", "/en/", "/gioi-thieu/", "/search/?q=chuyen+doi+so"]


def main(
    *,
    description=__doc__,
    label="",
    urls=DEFAULT_URLS,
    db="both",
    duration=20,
    port=8900,
    db_name="dx_bench",
):
    """Parse the command line (the keyword arguments are its defaults) and run the benchmark.
    Feature benchmarks (bench_handbook.py, bench_stories.py) call this with their own pages."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default=db)
    parser.add_argument("--duration", type=int, default=duration)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--port", type=int, default=port)
    parser.add_argument("--urls", nargs="+", default=urls)
    parser.add_argument("--redis", default="", help="REDIS_URL for the cache (default: in-process cache)")
    parser.add_argument(
        "--modes",
        nargs="+",
        choices=["uncached", "cached"],
        default=["uncached", "cached"],
        help="uncached: the anonymous page cache off, every request renders; cached: on",
    )
    args = parser.parse_args()

    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    for kind in kinds:
        database_url = fresh_database(kind, name=db_name)
        env = site_env(database_url, **({"REDIS_URL": args.redis} if args.redis else {}))
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
            )


if __name__ == "__main__":
    main()
