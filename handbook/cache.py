"""One version for everything the handbook caches (reading order, PDF). Publishing,
unpublishing, moving or deleting any handbook page bumps it, so stale entries are never read
(the tokens come from core.cache and cannot collide after an eviction)."""

from django.db import transaction

from core import cache as versions

VERSION_NAME = "handbook"


def version():
    return versions.version(VERSION_NAME)


def invalidate(**kwargs):
    """Bump now and, inside a transaction (the admin publishes in one), again once it commits:
    a render that read the old rows meanwhile must not outlive the change."""
    versions.bump(VERSION_NAME)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: versions.bump(VERSION_NAME))


def key(*parts):
    return ":".join(["handbook", version(), *map(str, parts)])
