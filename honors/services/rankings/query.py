"""Reading the public ranking: the public years, the filters, search and sort of a view, and
its pages, cached per URL until the next re-ranking."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, cast

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext as _

from enterprises.models import AdministrativeUnit, Sector
from enterprises.services import fold

from ...models import RankingEntry
from ...models.rankings import PILLARS
from .versions import CHOICES_CACHE_KEY, DEFAULT_FRAMEWORK, YEARS_CACHE_KEY, ranking_version

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
# Rows are counted exactly up to this many (a bounded COUNT: its cost does not grow with the
# table); beyond, the page says "more than" and offers the first COUNT_LIMIT rows, which a
# filter or a name search narrows. Deep pages read ids from an index only (`_page_rows`).
COUNT_LIMIT = 5000
# A name search reads the first NAME_WALK rows of the view without the words, in its order
# (along its index), and keeps those whose name holds every word: a word found in a ninth
# of a year's million names fills a page from the first few hundred. When fewer than the page
# needs are there, the database finds every match (the trigram index) and sorts them.
NAME_WALK = 5000
NAME_WALK_FROM = 1000  # matches


def available_years(framework_code: str = DEFAULT_FRAMEWORK) -> list[int]:
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


def filter_choices() -> dict[str, list[dict[str, Any]]]:
    """Sectors (VSIC sections) and district-level units for the filters, cached under the
    "site" version (a change to a unit or a sector bumps it) and briefly."""
    from core import cache as versions

    key = f"{CHOICES_CACHE_KEY}:{versions.version('site')}"
    choices = cache.get(key)
    if choices is None:
        choices = {
            "sectors": list(Sector.objects.filter(level=1).order_by("code").values("pk", "code", "name", "name_en")),
            "areas": list(
                AdministrativeUnit.objects.filter(level=AdministrativeUnit.Level.DISTRICT)
                .order_by("name")
                .values("pk", "name", "name_en")
            ),
        }
        cache.set(key, choices, 10 * 60)
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
    errors: list[str] = field(default_factory=list)

    @classmethod
    def from_params(
        cls,
        params: Mapping[str, str],
        years: Sequence[int] = (),
        areas: Collection[int] | None = None,
        sectors: Collection[int] | None = None,
    ) -> RankingQuery:
        """The query a URL asks for. A value that is not valid (not a number, an unknown area or
        sector, a year not published) is dropped and named in `errors`, never a 500. With
        `areas`/`sectors` (the filters' choices), other ids are refused too."""
        query = cls()

        def raw(name: str) -> str:
            return (params.get(name) or "").strip()

        def refuse(label: str, value: str) -> None:
            query.errors.append(
                _("Giá trị “%(value)s” của bộ lọc “%(filter)s” không hợp lệ nên đã được bỏ qua.")
                % {"value": value[:40], "filter": label}
            )

        def as_int(name: str, label: str) -> int | None:
            # ASCII digits that fit a database integer; anything else is refused (a huge
            # number or a Unicode digit in a URL must not become a 500).
            value = raw(name)
            if not value:
                return None
            if value.isascii() and value.isdigit() and len(value) <= 9:
                return int(value)
            refuse(label, value)
            return None

        query.year = as_int("year", _("Năm"))
        # Only public (published) years: an unpublished year is not shown even by its URL.
        if query.year not in years:
            if query.year is not None:
                refuse(_("Năm"), raw("year"))
            query.year = years[0] if years else None
        query.sector = as_int("sector", _("Ngành"))
        if query.sector is not None and sectors is not None and query.sector not in sectors:
            refuse(_("Ngành"), raw("sector"))
            query.sector = None
        query.area = as_int("area", _("Địa bàn"))
        if query.area is not None and areas is not None and query.area not in areas:
            refuse(_("Địa bàn"), raw("area"))
            query.area = None
        size = raw("size")
        query.size = size if size in SIZE_CLASSES else ""
        if size and not query.size:
            refuse(_("Quy mô"), size)
        level = as_int("level", _("Mức"))
        query.level = level if level in LEVELS else None
        if level is not None and query.level is None:
            refuse(_("Mức"), raw("level"))
        query.q = raw("q")[:100]
        sort = raw("sort") or "rank"
        query.sort = sort if sort in SORTS else "rank"
        if sort != query.sort:
            refuse(_("Sắp xếp"), sort)
        query.page = as_int("page", _("Trang")) or 1
        return query

    def params(self, **overrides: Any) -> dict[str, Any]:
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


def _with_children(model: type[Sector] | type[AdministrativeUnit], pk: int) -> list[int]:
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


def ranking_queryset(query: RankingQuery) -> QuerySet[RankingEntry]:
    """Ranked rows for the query, in display order. Never touches unverified or
    non-consenting results: the table holds verified results only, and consent is filtered."""
    # No public year (query.year None): `year=None` is IS NULL, no row.
    qs = RankingEntry.objects.filter(year=query.year, framework_code=query.framework_code, consent=True)  # type: ignore[misc]
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


def _page_rows(
    queryset: QuerySet[RankingEntry],
    start: int,
    stop: int,
    walk: Callable[[int, int], list[int] | None] | None = None,
) -> list[RankingEntry]:
    """Rows [start:stop] of the ordered queryset in two steps (a "deferred join"): the ids of
    the slice, read in index order without the joins (an index-only scan for the default
    order: page 200 costs a few ms, not the joins of the 5,000 rows before it), then those
    rows with their sector and area. `walk(start, stop)`: the ids found another way (a name
    search, `_name_walk`), or None."""
    order = queryset.query.order_by
    ids: Any = walk(start, stop) if walk is not None else None
    if ids is None:
        ids = queryset.select_related(None).values("pk")[start:stop]
    return list(queryset.model.objects.filter(pk__in=ids).select_related("sector", "area").order_by(*order))


def _name_walk(query: RankingQuery) -> Callable[[int, int], list[int] | None] | None:
    """For a name search: `ids(start, stop)` of the page from the first NAME_WALK rows of the
    same view without the words (same filters, same order), or None when they hold fewer
    matches than the page needs (and are not the whole view)."""
    words = fold(query.q).split()
    if not words:
        return None
    unnamed = ranking_queryset(replace(query, q="")).select_related(None)

    def ids(start: int, stop: int) -> list[int] | None:
        rows = list(unnamed.values_list("pk", "name_folded")[:NAME_WALK])
        found = [pk for pk, name in rows if all(word in name for word in words)]
        if len(found) >= stop or len(rows) < NAME_WALK:
            return found[start:stop]
        return None

    return ids


class _Counted:
    """Stands in for a queryset whose count is already known (from the cache, or bounded by
    COUNT_LIMIT); slices read the rows of the page only (`_page_rows`)."""

    def __init__(self, count: int, rows: Callable[[int, int], list[RankingEntry]] | None = None) -> None:
        self._count = count
        self._rows = rows

    def count(self) -> int:
        return self._count

    def __getitem__(self, key: slice) -> Any:
        assert self._rows is not None, "only the paginator built with the queryset is sliced"
        return self._rows(key.start or 0, key.stop)


@dataclass
class RankingResult:
    """One page of a ranking view: its rows, the paginator, and whether the count stopped at
    COUNT_LIMIT (then `paginator.count` is COUNT_LIMIT and the page says "more than")."""

    page: Page[RankingEntry]
    paginator: Paginator[RankingEntry]
    capped: bool


def count_rows(queryset: QuerySet[RankingEntry], limit: int | None = None) -> tuple[int, bool]:
    """(count, capped): COUNT(*) over at most limit + 1 rows (COUNT_LIMIT by default), so it
    reads at most that many index entries whatever the size of the table."""
    limit = COUNT_LIMIT if limit is None else limit
    count = queryset.order_by()[: limit + 1].count()
    return min(count, limit), count > limit


def ranking_result(query: RankingQuery, per_page: int = PAGE_SIZE) -> RankingResult:
    """The page of the query: two queries (bounded count and rows) at any data size on a miss,
    one when another page or sort of the same filters was counted already; none on a hit.
    Cached per URL until the next re-ranking (a verification, a change of consent), so the
    cache never serves rows that are no longer published."""
    from django.utils.http import urlencode

    version = ranking_version()
    key = f"honors:ranking:v2:{version}:{per_page}:{urlencode(sorted(query.params(page=query.page).items()))}"
    cached = cache.get(key)
    if cached is None:
        # The count depends on the filters only: shared by every sort and page of them.
        count_key = f"honors:ranking-count:v2:{version}:{urlencode(sorted(query.params(page=None, sort='').items()))}"
        queryset = ranking_queryset(query)
        counted = cache.get(count_key)
        if counted is None:
            counted = count_rows(queryset)
            cache.set(count_key, counted, 10 * 60)
        count, capped = counted
        # A name search with few matches is answered by the trigram index at once; with many,
        # sorting them all costs more than walking the view's first rows.
        walk = _name_walk(query) if count > NAME_WALK_FROM else None
        rows = partial(_page_rows, queryset, walk=walk)
        # _Counted has count() and slicing, all a Paginator reads (not its typed protocol).
        paginator: Paginator[RankingEntry] = Paginator(cast(Any, _Counted(count, rows)), per_page)
        page = paginator.get_page(query.page)
        cached = (paginator.count, page.number, list(page.object_list), capped)
        cache.set(key, cached, 10 * 60)
    count, number, entries, capped = cached
    paginator = Paginator(cast(Any, _Counted(count)), per_page)
    return RankingResult(Page(entries, number, paginator), paginator, capped)


def ranking_page(query: RankingQuery, per_page: int = PAGE_SIZE) -> tuple[Page[RankingEntry], Paginator[RankingEntry]]:
    """(page object, paginator) of `ranking_result`."""
    result = ranking_result(query, per_page)
    return result.page, result.paginator


def enterprise_history(enterprise_id: int, framework_code: str = DEFAULT_FRAMEWORK) -> list[RankingEntry]:
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
