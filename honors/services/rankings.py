"""The public ranking: a read model rebuilt from verified results, ranked in the database.

The ranking rule (written on the page too): higher total first; on the same total, the higher
overall level; then more pillars at or above that level; then the earlier verification. Rows
that tie on all four share a rank. Only enterprises that agreed to publication are ranked.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connection, transaction
from django.db.models import F, Q

from core import cache as versions
from enterprises.models import AdministrativeUnit, Sector
from enterprises.services import fold

from ..models import RankingEntry
from ..models.rankings import PILLARS

DEFAULT_FRAMEWORK = "DBI-1970-SME"
PAGE_SIZE = 25
# A row not yet ranked (its re-ranking task has not run) comes after the ranked ones.
RANK = F("rank").asc(nulls_last=True)
SORTS = {
    "rank": (RANK, "name"),
    "total": ("-total", RANK, "name"),
    "level": ("-level", RANK, "name"),
    **{code: (f"-{code}", RANK, "name") for code in PILLARS},
}
LEVELS = range(0, 6)
SIZE_CLASSES = ("micro", "small", "medium", "large")

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


def rerank(year, framework_code=DEFAULT_FRAMEWORK):
    """Recompute the provincial rank of one (year, framework) with a window function. Only rows
    whose rank changes are written (a re-ranking with nothing new writes nothing)."""
    with connection.cursor() as cursor:
        cursor.execute(RANK_SQL, [year, framework_code])
    RankingEntry.objects.filter(year=year, framework_code=framework_code, consent=False, rank__isnull=False).update(
        rank=None
    )
    cache.delete(YEARS_CACHE_KEY.format(framework_code))
    _bump_version()


def rerank_later(years, framework_code=DEFAULT_FRAMEWORK):
    """Re-rank these years after the current transaction commits, as a background task.

    Re-ranking rewrites the rank of every row below a changed one (up to the whole year), which
    must not hold up the assessor who clicked "verify": the task runs in the worker in
    production (TASKS_BACKEND=database) and at once in the embedded default and the tests.
    Until it runs, the changed rows are shown unranked and the cached pages stay as they were."""
    from ..tasks import rerank_task

    for year in sorted(set(years)):
        transaction.on_commit(lambda year=year: rerank_task.enqueue(year, framework_code))


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


def _new_entry(row):
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


def _add_pillar(entry, code, percent, level):
    if code is None:
        return
    code = code.lower()
    if code in PILLARS:
        setattr(entry, code, percent)
        setattr(entry, f"{code}_level", level)
        if level >= entry.level:
            entry.pillars_at_level += 1


@transaction.atomic
def refresh_rankings(year=None, framework_code=DEFAULT_FRAMEWORK, batch_size=5000, enterprise_id=None):
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
    stale.delete()
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
    written, buffer, current = 0, [], None

    def flush(force=False):
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
        rerank_later(years, framework_code)
    else:
        for each in sorted(years):
            rerank(each, framework_code)
    return written


def sync_enterprise(enterprise):
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


YEARS_CACHE_KEY = "honors:ranking-years:{}"
CHOICES_CACHE_KEY = "honors:ranking-choices"


def available_years(framework_code=DEFAULT_FRAMEWORK):
    """The public years, newest first: years a programme editor has published (assessment
    app's PublishedYear) that have ranked rows. The first is the default, so the first
    verification of a new year never turns the public ranking to it. Cached until the next
    re-ranking or publication."""
    from assessment_forms import services as assessment

    key = YEARS_CACHE_KEY.format(framework_code)
    years = cache.get(key)
    if years is None:
        published = set(assessment.published_years(framework_code))
        years = [
            year
            for year in RankingEntry.objects.filter(framework_code=framework_code, consent=True)
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
            if year in published
        ]
        cache.set(key, years, 60 * 60)
    return years


def publication_changed(framework_code=DEFAULT_FRAMEWORK):
    """The programme published or withdrew a year: forget the public years and the cached pages."""
    cache.delete(YEARS_CACHE_KEY.format(framework_code))
    _bump_version()


def filter_choices():
    """Sectors (VSIC sections) and district-level units for the filters, cached briefly."""
    choices = cache.get(CHOICES_CACHE_KEY)
    if choices is None:
        choices = {
            "sectors": list(Sector.objects.filter(level=1).order_by("code").values("pk", "code", "name", "name_en")),
            "areas": list(
                AdministrativeUnit.objects.filter(level=AdministrativeUnit.Level.DISTRICT)
                .order_by("name")
                .values("pk", "name", "name_en")
            ),
        }
        cache.set(CHOICES_CACHE_KEY, choices, 10 * 60)
    return choices


@dataclass
class RankingQuery:
    """The filters, search and sort of a ranking view, as read from (and written back to) a URL."""

    year: int | None = None
    framework_code: str = DEFAULT_FRAMEWORK
    sector: int | None = None
    area: int | None = None
    size: str = ""
    level: int | None = None
    q: str = ""
    sort: str = "rank"
    page: int = 1
    errors: list = field(default_factory=list)

    @classmethod
    def from_params(cls, params, years=()):
        def as_int(name):
            # ASCII digits that fit a database integer; anything else is "not given" (a huge
            # number or a Unicode digit in a URL must not become a 500).
            value = (params.get(name) or "").strip()
            return int(value) if value.isascii() and value.isdigit() and len(value) <= 9 else None

        query = cls()
        query.year = as_int("year")
        # Only public (published) years: an unpublished year is not shown even by its URL.
        if query.year not in years:
            query.year = years[0] if years else None
        query.sector = as_int("sector")
        query.area = as_int("area")
        size = params.get("size", "")
        query.size = size if size in SIZE_CLASSES else ""
        level = as_int("level")
        query.level = level if level in LEVELS else None
        query.q = (params.get("q") or "").strip()[:100]
        sort = params.get("sort", "rank")
        query.sort = sort if sort in SORTS else "rank"
        query.page = as_int("page") or 1
        return query

    def params(self, **overrides):
        """The query string items (without defaults), for shareable links."""
        values = {
            "year": self.year,
            "sector": self.sector,
            "area": self.area,
            "size": self.size,
            "level": self.level,
            "q": self.q,
            "sort": "" if self.sort == "rank" else self.sort,
            "page": self.page if self.page > 1 else None,
        }
        values.update(overrides)
        return {key: value for key, value in values.items() if value not in (None, "")}


def _with_children(model, pk):
    """[pk, ids of its direct children]: a sector section and its divisions, a district and its communes."""
    key = f"honors:children:{model._meta.label_lower}:{pk}"
    ids = cache.get(key)
    if ids is None:
        below = Q(parent_id=pk)
        if model._meta.label_lower == "enterprises.sector":  # every depth of VSIC 2025 (units, issue 20)
            below |= Q(section_id=pk) | Q(parent__parent_id=pk) | Q(parent__parent__parent_id=pk)
        ids = [pk, *model.objects.filter(below).values_list("pk", flat=True)]
        cache.set(key, ids, 10 * 60)
    return ids


def ranking_queryset(query):
    """Ranked rows for the query, in display order. Never touches unverified or
    non-consenting results: the table holds verified results only, and consent is filtered."""
    qs = RankingEntry.objects.filter(year=query.year, framework_code=query.framework_code, consent=True)
    # Ids first (cached), so the filter is a plain IN on the ranking table, not a join with OR.
    if query.sector:
        qs = qs.filter(sector_id__in=_with_children(Sector, query.sector))
    if query.area:
        qs = qs.filter(area_id__in=_with_children(AdministrativeUnit, query.area))
    if query.size:
        qs = qs.filter(size_class=query.size)
    if query.level is not None:
        qs = qs.filter(level=query.level)
    for word in fold(query.q).split():
        qs = qs.filter(name_folded__contains=word)
    return qs.select_related("sector", "area").order_by(*SORTS[query.sort])


VERSION_NAME = "rankings"


def ranking_version():
    return versions.version(VERSION_NAME)


def _bump_version():
    """The published ranking changed: drop its cached pages and tell listeners (the anonymous
    page cache), since re-ranking writes with SQL that fires no model signal."""
    from ..signals import ranking_changed

    versions.bump(VERSION_NAME)
    ranking_changed.send(RankingEntry)


class _Counted:
    """Stands in for a queryset whose count is already known (from the cache); slices go to
    the queryset when there is one."""

    def __init__(self, count, queryset=None):
        self._count = count
        self._queryset = queryset

    def count(self):
        return self._count

    def __getitem__(self, key):
        return self._queryset[key]


def ranking_page(query, per_page=PAGE_SIZE):
    """(page object, paginator): two queries (count and rows) at any data size on a miss, one
    when another page or sort of the same filters was counted already; none on a hit. Cached
    per URL until the next re-ranking (a verification, a change of consent), so the cache
    never serves rows that are no longer published."""
    from django.utils.http import urlencode

    version = ranking_version()
    key = f"honors:ranking:{version}:{per_page}:{urlencode(sorted(query.params(page=query.page).items()))}"
    cached = cache.get(key)
    if cached is None:
        # The count depends on the filters only: shared by every sort and page of them.
        count_key = f"honors:ranking-count:{version}:{urlencode(sorted(query.params(page=None, sort='').items()))}"
        queryset = ranking_queryset(query)
        count = cache.get(count_key)
        if count is None:
            count = queryset.count()
            cache.set(count_key, count, 10 * 60)
        paginator = Paginator(_Counted(count, queryset), per_page)
        page = paginator.get_page(query.page)
        cached = (paginator.count, page.number, list(page.object_list))
        cache.set(key, cached, 10 * 60)
    count, number, entries = cached
    paginator = Paginator(_Counted(count), per_page)
    return Page(entries, number, paginator), paginator


def export_rows(entries, profile_url=None):
    """The rows exactly as the table shows them, as plain values (CSV and JSON use these)."""
    rows = []
    for entry in entries:
        rows.append(
            {
                "rank": entry.rank,
                "enterprise": entry.name,
                "sector": entry.sector.name if entry.sector_id else "",
                "area": entry.area.name if entry.area_id else "",
                "size_class": entry.size_class,
                "total": _number(entry.total),
                "max_total": _number(entry.max_total),
                "level": entry.level,
                **{code.upper(): _number(getattr(entry, code)) for code in PILLARS},
                "verified_on": entry.verified_at.date().isoformat(),
                "profile": profile_url(entry) if profile_url else "",
            }
        )
    return rows


def _number(value):
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def enterprise_history(enterprise_id, framework_code=DEFAULT_FRAMEWORK):
    """The enterprise's rows of the public (published) years, oldest first."""
    return list(
        RankingEntry.objects.filter(
            enterprise_id=enterprise_id,
            framework_code=framework_code,
            consent=True,
            year__in=available_years(framework_code),
        )
        .select_related("sector", "area")
        .order_by("year")
    )
