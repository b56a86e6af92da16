#!/usr/bin/env python
"""Benchmark the handbook's public pages under gunicorn (production settings), next to a static file.

    .venv/bin/python bench/bench_handbook.py                      # SQLite, 10 s per URL
    .venv/bin/python bench/bench_handbook.py --db postgres --duration 20

Same method as bench/run.py (fresh database with the demo content, 3 sync gunicorn workers,
wrk with 2 threads and 16 connections after a warm-up), for a handbook chapter, the index,
the FAQ and the DBI guide: requests/s, p50/p95/p99, SQL queries per request and the ratio to
the static-file ceiling, with the anonymous page cache off (every request renders) and on.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import fetch_status, fresh_database, prepare_site, print_report, query_counts, server, site_env, wrk  # noqa: E402
from run import static_url  # noqa: E402

URLS = [
    "/cam-nang/trai-nghiem-so-cho-khach-hang/",
    "/en/handbook/what-is-digital-transformation/",
    "/cam-nang/",
    "/cam-nang/hoi-dap/",
    "/cam-nang/huong-dan-dbi/",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--port", type=int, default=8105)
    parser.add_argument("--urls", nargs="+", default=URLS)
    parser.add_argument("--modes", nargs="+", choices=["uncached", "cached"], default=["uncached", "cached"])
    args = parser.parse_args()

    database_url = fresh_database(args.db, name="dx_handbook_bench")
    env = site_env(database_url)
    print(f"Preparing {args.db} database…", flush=True)
    prepare_site(env)
    queries = query_counts({**env, "PAGE_CACHE_SECONDS": "0"}, args.urls)
    for mode in args.modes:
        mode_env = {**env, "PAGE_CACHE_SECONDS": "0" if mode == "uncached" else "600"}
        with server(mode_env, port=args.port, workers=args.workers) as base:
            for path in args.urls:
                status = fetch_status(base + path)
                if status != 200:
                    raise SystemExit(f"{path} answered {status}")
            static = static_url(base)
            for path in [static, *args.urls]:
                wrk(base + path, duration=args.warmup, connections=args.connections)
            ceiling = wrk(base + static, duration=args.duration, connections=args.connections)
            rows = [
                (
                    path,
                    wrk(base + path, duration=args.duration, connections=args.connections),
                    queries[path] if mode == "uncached" else 0,
                )
                for path in args.urls
            ]
        print_report(
            f"handbook, {args.db}, {mode}: {args.workers} gunicorn workers, {args.connections} connections, "
            f"{args.duration}s",
            rows,
            ceiling,
        )


if __name__ == "__main__":
    main()
