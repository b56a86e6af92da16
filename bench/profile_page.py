#!/usr/bin/env python
"""Where one public page spends its time, in-process and independent of the machine's load.

    .venv/bin/python bench/profile_page.py --db-name bench_r1 /tin-tuc/bao/<slug>/ [more paths]
    .venv/bin/python bench/profile_page.py --db-name bench_r1 --profile 30 /search/?q=chuyen+doi+so

Uses a SQLite database an earlier `bench/run.py --db-name NAME` filled (or DATABASE_URL), the
production settings with the page cache off, and Django's test client (the whole middleware
stack, templates in production mode). For each path: the SQL queries of one request, and the
CPU time per request (`time.process_time`, the median of --rounds rounds of --requests each) —
CPU time, unlike wall time or wrk's rate, barely moves when other work shares the machine, so
it compares a change before/after. `--profile N` prints cProfile's N most expensive calls.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import RESULTS, site_env  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--db-name", default="dx_bench", help="SQLite database bench/results/<name>.sqlite3")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", type=int, default=0, help="print cProfile's N most expensive calls")
    args = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{RESULTS / (args.db_name + '.sqlite3')}"
    env = site_env(database_url, PAGE_CACHE_SECONDS="0", ALLOWED_HOSTS="testserver,127.0.0.1,localhost")
    os.environ.update(env)
    # bench/ holds a settings.py of its own: the project's root must come first.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    client = Client()
    for path in args.paths:
        for _ in range(3):
            response = client.get(path)
        executed: list[str] = []

        def count(execute, sql, params, many, context, executed=executed):
            executed.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = client.get(path)
        rounds = []
        for _ in range(args.rounds):
            start = time.process_time()
            for _ in range(args.requests):
                client.get(path)
            rounds.append((time.process_time() - start) / args.requests * 1000)
        print(
            f"{path}: status {response.status_code}, {len(executed)} queries, "
            f"{statistics.median(rounds):.2f} ms CPU per request (median of {args.rounds}×{args.requests}), "
            f"{len(response.content):,} bytes"
        )
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.requests):
                client.get(path)
            profiler.disable()
            stats = pstats.Stats(profiler)
            stats.sort_stats("cumulative").print_stats(args.profile)
            stats.sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
