"""The public ranking: a read model rebuilt from verified results, ranked in the database.

Split by concern; every name stays importable from `honors.services.rankings`:
- `refresh`: the read model rebuilt from verified results, and the ranking rule (`rerank`);
- `query`: the public years, a view's filters and sort (`RankingQuery`), its cached pages;
- `export`: the rows as plain values for CSV and JSON;
- `versions`: the cache keys and the version every cached ranking page names.
"""

from __future__ import annotations

from .export import export_rows
from .query import (
    COUNT_LIMIT,
    LEVELS,
    PAGE_SIZE,
    RANK,
    SIZE_CLASSES,
    SORTS,
    RankingQuery,
    RankingResult,
    available_years,
    count_rows,
    enterprise_history,
    filter_choices,
    ranking_page,
    ranking_queryset,
    ranking_result,
)
from .refresh import (
    RANK_SQL,
    RESULT_FIELDS,
    publication_changed,
    refresh_rankings,
    rerank,
    rerank_later,
    sync_enterprise,
)
from .versions import CHOICES_CACHE_KEY, DEFAULT_FRAMEWORK, VERSION_NAME, YEARS_CACHE_KEY, ranking_version
from .versions import _bump_version as _bump_version

__all__ = [
    "CHOICES_CACHE_KEY",
    "COUNT_LIMIT",
    "DEFAULT_FRAMEWORK",
    "LEVELS",
    "PAGE_SIZE",
    "RANK",
    "RANK_SQL",
    "RESULT_FIELDS",
    "SIZE_CLASSES",
    "SORTS",
    "VERSION_NAME",
    "YEARS_CACHE_KEY",
    "RankingQuery",
    "RankingResult",
    "available_years",
    "count_rows",
    "enterprise_history",
    "export_rows",
    "filter_choices",
    "publication_changed",
    "ranking_page",
    "ranking_queryset",
    "ranking_result",
    "ranking_version",
    "refresh_rankings",
    "rerank",
    "rerank_later",
    "sync_enterprise",
]
