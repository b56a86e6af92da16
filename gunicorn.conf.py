"""Production defaults for gunicorn, read from the working directory (`gunicorn config.wsgi`);
command-line flags and GUNICORN_CMD_ARGS override them.

Sync workers, one per core plus one (WEB_CONCURRENCY to change it), behind a buffering TLS
proxy that absorbs slow clients. Measured with the registration rush (bench/bench_events.py,
2 cores, 500 registrations at once): 3 sync workers finished in 3.0–3.4 s, 3 gthread workers ×
4 threads in 4.6–5.7 s. Threads of one process take turns on its interpreter lock, and the one
holding an event's seat lock waited for it between its queries; processes do not wait on each
other.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() + 1)
worker_class = "sync"
backlog = 2048
timeout = 60
graceful_timeout = 30
