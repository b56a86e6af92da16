"""One version for everything the handbook caches (reading order, PDF). Publishing,
unpublishing, moving or deleting any handbook page bumps it, so stale entries are never read
(the tokens come from core.cache and cannot collide after an eviction)."""

from core import cache as versions

VERSION_NAME = "handbook"


def version():
    return versions.version(VERSION_NAME)


def invalidate(**kwargs):
    versions.bump(VERSION_NAME)


def key(*parts):
    return ":".join(["handbook", version(), *map(str, parts)])
