import socket

import pytest

CLOSED = "127.0.0.1"


def closed_port():
    """A local port nobody listens on (bound then released)."""
    with socket.socket() as sock:
        sock.bind((CLOSED, 0))
        return sock.getsockname()[1]


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def redis_down(settings):
    """The site's cache is Redis at a closed port (the settings' fail-open backend). Django
    rebuilds its cache handlers when CACHES changes (setting_changed)."""
    from core import cache as core_cache

    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": f"redis://{CLOSED}:{closed_port()}",
            "OPTIONS": {"CACHE_RETRY_SECONDS": 0},
        }
    }
    core_cache.stats.clear()
    yield
