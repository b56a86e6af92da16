"""One version number for everything the handbook caches (reading order, PDF). Publishing,
unpublishing, moving or deleting any handbook page bumps it, so stale entries are never read."""

from django.core.cache import cache

VERSION_KEY = "handbook:version"


def version():
    value = cache.get(VERSION_KEY)
    if value is None:
        value = 1
        cache.set(VERSION_KEY, value, None)
    return value


def invalidate(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def key(*parts):
    return ":".join(["handbook", str(version()), *map(str, parts)])
