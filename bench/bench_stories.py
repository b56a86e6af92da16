#!/usr/bin/env python
"""Benchmark the newsroom's public pages under gunicorn (production settings), next to the
static-file ceiling: the newsroom front, a desk index, a story page, a desk feed, the widget.

    .venv/bin/python bench/bench_stories.py                      # SQLite, 20 s per URL
    .venv/bin/python bench/bench_stories.py --db postgres --duration 10

Same method as bench/run.py (fresh database with the demo content, 3 sync workers, wrk with
2 threads and 16 connections after a warm-up), uncached and with the anonymous page cache.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import main  # noqa: E402

STORY_URLS = [
    "/tin-tuc/",
    "/tin-tuc/bao/",
    "/tin-tuc/bao/htx-ca-phe-thuan-an-len-san-thuong-mai-dien-tu/",
    "/feeds/stories/desk/newspaper/",
    "/widgets/stories/",
]


if __name__ == "__main__":
    main(
        description=__doc__,
        label="stories",
        urls=STORY_URLS,
        db="sqlite",
        duration=20,
        port=8104,
        db_name="dx_stories_bench",
    )
