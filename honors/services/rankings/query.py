"""Reading the public ranking: the public years, the filters, search and sort of a view, and
its pages, cached per URL until the next re-ranking."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import F, Q, QuerySet

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
    errors: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, params: Mapping[str, str], years: Sequence[int] = ()) -> RankingQuery:
        def as_int(name: str) -> int | None:
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


class _Counted:
    """Stands in for a queryset whose count is already known (from the cache); slices go to
    the queryset when there is one."""

    def __init__(self, count: int, queryset: QuerySet[RankingEntry] | None = None) -> None:
        self._count = count
        self._queryset = queryset

    def count(self) -> int:
        return self._count

    def __getitem__(self, key: slice) -> Any:
        assert self._queryset is not None, "only the paginator built with the queryset is sliced"
        return self._queryset[key]


def ranking_page(query: RankingQuery, per_page: int = PAGE_SIZE) -> tuple[Page[RankingEntry], Paginator[RankingEntry]]:
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
        # _Counted has count() and slicing, all a Paginator reads (not its typed protocol).
        paginator: Paginator[RankingEntry] = Paginator(cast(Any, _Counted(count, queryset)), per_page)
        page = paginator.get_page(query.page)
        cached = (paginator.count, page.number, list(page.object_list))
        cache.set(key, cached, 10 * 60)
    count, number, entries = cached
    paginator = Paginator(cast(Any, _Counted(count)), per_page)
    return Page(entries, number, paginator), paginator


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
