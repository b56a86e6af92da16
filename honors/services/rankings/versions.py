"""The ranking's cache keys and version: every cached ranking page names the version, and a
re-ranking, a change of consent or a publication bumps it."""

from __future__ import annotations

from core import cache as versions

from ...models import RankingEntry

DEFAULT_FRAMEWORK = "DBI-1970-SME"
YEARS_CACHE_KEY = "honors:ranking-years:{}"
CHOICES_CACHE_KEY = "honors:ranking-choices"
VERSION_NAME = "rankings"


def ranking_version() -> str:
    return versions.version(VERSION_NAME)


def _bump_version() -> None:
    """The published ranking changed: drop its cached pages and tell listeners (the anonymous
    page cache), since re-ranking writes with SQL that fires no model signal."""
    from ...signals import ranking_changed

    versions.bump(VERSION_NAME)
    ranking_changed.send(RankingEntry)
