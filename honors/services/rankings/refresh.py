"""The ranking's read model: rows rebuilt from the assessment app's verified results, ranked
in the database.

The ranking rule (written on the page too): higher total first; on the same total, the higher
overall level; then more pillars at or above that level; then the earlier verification. Rows
that tie on all four share a rank. Only enterprises that agreed to publication are ranked.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import partial
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction

from enterprises.services import fold

from ...models import RankingEntry
from ...models.rankings import PILLARS
from .versions import DEFAULT_FRAMEWORK, YEARS_CACHE_KEY, _bump_version

RANK_SQL = """
UPDATE honors_rankingentry SET rank = ranked.rnk FROM (
    SELECT id, RANK() OVER (
        ORDER BY total DESC, level DESC, pillars_at_level DESC, verified_at ASC
    ) AS rnk
    FROM honors_rankingentry
    WHERE year = %s AND framework_code = %s AND consent
) AS ranked
WHERE honors_rankingentry.id = ranked.id AND honors_rankingentry.rank IS DISTINCT FROM ranked.rnk
"""


def rerank(year: int, framework_code: str = DEFAULT_FRAMEWORK) -> None:
    """Recompute the provincial rank of one (year, framework) with a window function. Only rows
    whose rank changes are written (a re-ranking with nothing new writes nothing)."""
    with connection.cursor() as cursor:
        cursor.execute(RANK_SQL, [year, framework_code])
    RankingEntry.objects.filter(year=year, framework_code=framework_code, consent=False, rank__isnull=False).update(
        rank=None
    )
    cache.delete(YEARS_CACHE_KEY.format(framework_code))
    _bump_version()


def rerank_later(years: Iterable[int], framework_code: str = DEFAULT_FRAMEWORK) -> None:
    """Re-rank these years after the current transaction commits, as a background task.

    Re-ranking rewrites the rank of every row below a changed one (up to the whole year), which
    must not hold up the assessor who clicked "verify": the task runs in the worker in
    production (TASKS_BACKEND=database) and at once in the embedded default and the tests.
    Until it runs, the changed rows are shown unranked and the cached pages stay as they were."""
    from ...tasks import rerank_task

    for year in sorted(set(years)):
        transaction.on_commit(partial(rerank_task.enqueue, year, framework_code))


# One row per (submission, pillar) from the assessment app's verified_results() queryset:
# plain tuples, no model instances, so 300,000 results with 1.8 million pillar scores stream
# through in minutes rather than hours.
RESULT_FIELDS = (
    "pk",
    "year",
    "enterprise_id",
    "framework__code",
    "total",
    "max_total",
    "level",
    "verified_at",
    "enterprise__name",
    "enterprise__sector_id",
    "enterprise__area_id",
    "enterprise__size_class",
    "enterprise__publish_dbi_consent",
    "pillar_scores__pillar__code",
    "pillar_scores__percent",
    "pillar_scores__level",
)


def _new_entry(row: tuple[Any, ...]) -> RankingEntry:
    pk, year, enterprise_id, framework_code, total, max_total, level, verified_at, name = row[:9]
    sector_id, area_id, size_class, consent = row[9:13]
    return RankingEntry(
        year=year,
        framework_code=framework_code,
        enterprise_id=enterprise_id,
        submission_id=pk,
        name=name,
        name_folded=fold(name)[:255],
        sector_id=sector_id,
        area_id=area_id,
        size_class=size_class,
        consent=consent,
        total=total,
        max_total=max_total,
        level=level,
        pillars_at_level=0,
        verified_at=verified_at,
    )


def _add_pillar(entry: RankingEntry, code: str | None, percent: Decimal, level: int) -> None:
    if code is None:
        return
    code = code.lower()
    if code in PILLARS:
        setattr(entry, code, percent)
        setattr(entry, f"{code}_level", level)
        if level >= entry.level:
            entry.pillars_at_level += 1


@transaction.atomic
def refresh_rankings(
    year: int | None = None,
    framework_code: str = DEFAULT_FRAMEWORK,
    batch_size: int = 5000,
    enterprise_id: int | None = None,
) -> int:
    """Rebuild the ranking rows of `year` (all years when None) from the assessment app's
    verified results, then rank them. Streams in batches, so memory stays flat at any size.
    With `enterprise_id`, only that enterprise's rows are rebuilt (one verification), then
    the year is re-ranked. Returns the number of rows written."""
    from assessment_forms import services as assessment

    stale = RankingEntry.objects.filter(framework_code=framework_code)
    if year is not None:
        stale = stale.filter(year=year)
    if enterprise_id is not None:
        stale = stale.filter(enterprise_id=enterprise_id)
    years = set(stale.values_list("year", flat=True).distinct())
    # One DELETE in SQL: nothing refers to ranking rows, and a model delete would load every
    # row and send a signal per row (a whole year is a million rows: gigabytes, hours). The
    # caches are told once, by the version bump below or rerank()'s.
    stale._raw_delete(stale.db)
    # Ordered so that a later verification of the same enterprise and year replaces an earlier one.
    results = assessment.verified_results(year=year, framework_code=framework_code)
    if enterprise_id is not None:
        results = results.filter(enterprise_id=enterprise_id)
    rows = (
        results.prefetch_related(None)
        .select_related(None)
        .order_by("year", "enterprise_id", "verified_at", "pk")
        .values_list(*RESULT_FIELDS)
    )
    buffer: list[RankingEntry]
    current: RankingEntry | None
    written, buffer, current = 0, [], None

    def flush(force: bool = False) -> None:
        nonlocal buffer, written
        if buffer and (force or len(buffer) >= batch_size):
            RankingEntry.objects.bulk_create(buffer)
            written += len(buffer)
            years.update(entry.year for entry in buffer)
            buffer = []

    for row in rows.iterator(chunk_size=batch_size * 6):
        if current is None or current.submission_id != row[0]:
            if current is not None and (current.year, current.enterprise_id) != (row[1], row[2]):
                buffer.append(current)
                flush()
            current = _new_entry(row)
        _add_pillar(current, *row[13:16])
    if current is not None:
        buffer.append(current)
    flush(force=True)
    if enterprise_id is not None:
        # The whole-year path bumps through rerank(); this one re-ranks later, in a task.
        _bump_version()
        rerank_later(years, framework_code)
    else:
        for each in sorted(years):
            rerank(each, framework_code)
    return written


def sync_enterprise(enterprise: Any) -> None:
    """Carry an enterprise's registry changes (name, sector, area, size, consent) into its
    ranking rows; a change of consent re-ranks the years concerned."""
    rows = list(RankingEntry.objects.filter(enterprise=enterprise).only("pk", "year", "framework_code", "consent"))
    if not rows:
        return
    changed_consent = {(row.year, row.framework_code) for row in rows if row.consent != enterprise.publish_dbi_consent}
    RankingEntry.objects.filter(enterprise=enterprise).update(
        name=enterprise.name,
        name_folded=fold(enterprise.name)[:255],
        sector_id=enterprise.sector_id,
        area_id=enterprise.area_id,
        size_class=enterprise.size_class,
        consent=enterprise.publish_dbi_consent,
    )
    for year, framework_code in changed_consent:
        rerank_later([year], framework_code)
    _bump_version()


def publication_changed(framework_code: str = DEFAULT_FRAMEWORK) -> None:
    """The programme published or withdrew a year: forget the public years and the cached pages."""
    cache.delete(YEARS_CACHE_KEY.format(framework_code))
    _bump_version()
