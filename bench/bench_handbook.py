#!/usr/bin/env python
"""Benchmark the handbook's public pages under gunicorn (production settings), next to a static file.

    .venv/bin/python bench/bench_handbook.py                      # SQLite, 10 s per URL
    .venv/bin/python bench/bench_handbook.py --db postgres --duration 20

Same method as bench/run.py (fresh database with the demo content, 3 sync gunicorn workers,
wrk with 2 threads and 16 connections after a warm-up), for a handbook chapter, the index,
the FAQ and the DBI guide: requests/s, p50/p95/p99, SQL queries per request and the ratio to
the static-file ceiling, with the anonymous page cache off (every request renders) and on.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import main  # noqa: E402

URLS = [
    "/cam-nang/trai-nghiem-so-cho-khach-hang/",
    "/en/handbook/what-is-digital-transformation/",
    "/cam-nang/",
    "/cam-nang/hoi-dap/",
    "/cam-nang/huong-dan-dbi/",
]


if __name__ == "__main__":
    main(
        description=__doc__,
        label="handbook",
        urls=URLS,
        db="sqlite",
        duration=10,
        port=8105,
        db_name="dx_handbook_bench",
    )
