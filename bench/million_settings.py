"""Settings for bench/bench_million.py: the test settings with PostgreSQL and Redis (DB 11)."""

import os

from config.settings.test import *  # noqa: F403

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/11"),
        "KEY_PREFIX": "bench-million",
    }
}
TEMPLATES[0]["OPTIONS"]["debug"] = False  # noqa: F405
ALLOWED_HOSTS = ["*"]
