"""Settings of the in-process benchmarks (bench_dashboard.py, bench_million.py): the test
settings with PostgreSQL (DATABASE_URL) and a Redis cache. Each script chooses its own Redis
database and key prefix (BENCH_REDIS_URL, BENCH_CACHE_PREFIX) before Django starts."""

import os

from config.settings.test import *  # noqa: F403

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8"),
        "KEY_PREFIX": os.environ.get("BENCH_CACHE_PREFIX", "bench"),
    }
}
TEMPLATES[0]["OPTIONS"]["debug"] = False  # noqa: F405
ALLOWED_HOSTS = ["*"]
