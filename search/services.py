"""The site search: pages of every type, plus the kinds registered in search.registry.

Read-only: nothing here writes to the database (hits are buffered, see search/hits.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import pgettext_lazy
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.utils import normalise_query_string

from search import registry
from search.highlight import highlight
from search.text import fold, query_terms

if TYPE_CHECKING:
    from django.core.paginator import Page as ResultsPage
    from django_stubs_ext import StrOrPromise
    from wagtail.models import Locale

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
PREVIEW_PER_KIND = 3
SNIPPET_LENGTH = 220
SUGGESTIONS = 8
PICKS_CACHE_KEY = "search:picks-by-folded-query"
PICKS_CACHE_SECONDS = 300

# The kinds a visitor sees: pages are grouped by the app that owns their type, never shown
# by technical page type ("Trang nội dung", "Trang tin bài 1"…). Registered non-page kinds
# (enterprise profiles: "Doanh nghiệp") come after them.
PAGE_GROUPS = [
    ("stories", pgettext_lazy("search kind", "Tin bài"), ("stories",)),
    ("handbook", pgettext_lazy("search kind", "Cẩm nang"), ("handbook",)),
    ("events", pgettext_lazy("search kind", "Sự kiện"), ("events",)),
]
OTHER_PAGES = ("other", pgettext_lazy("search kind", "Trang khác"))
PAGE_KIND_KEYS = [key for key, _label, _apps in PAGE_GROUPS] + [OTHER_PAGES[0]]


@dataclass
class Kind:
    key: str
    label: str
    count: int


@dataclass
class Hit:
    title: str
    url: str
    kind: str
    snippet: str = ""
    obj: object = None


@dataclass
class SearchOutcome:
    query: str
    kind: str = ""
    kinds: list[Kind] = field(default_factory=list)
    total: int = 0
    page: ResultsPage[Any] | None = None  # a Paginator page whose object_list are Hits
    groups: list[tuple[Kind, list[Hit]]] = field(default_factory=list)  # previews of non-page kinds
    picks: list[Hit] = field(default_factory=list)  # editors' picks


def clean_query(raw: str | None) -> str:
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def live_pages(locale: Locale) -> Any:
    return Page.objects.live().public().filter(locale=locale)


def page_group(content_type: ContentType) -> tuple[str, StrOrPromise]:
    """(key, label) of the human kind of a page type."""
    for key, label, app_labels in PAGE_GROUPS:
        if content_type.app_label in app_labels:
            return key, label
    return OTHER_PAGES


def page_kind_key(content_type: ContentType) -> str:
    return page_group(content_type)[0]


def _group_filter(pages: Any, key: str) -> Any:
    """`pages` restricted to the page types of the kind `key` (content type ids: the search
    backends filter on `content_type`, not on its app label)."""
    for group_key, _label, apps in PAGE_GROUPS:
        if group_key == key:
            return pages.filter(content_type__in=_content_type_ids(apps))
    grouped = [app for _key, _label, apps in PAGE_GROUPS for app in apps]
    return pages.exclude(content_type__in=_content_type_ids(grouped))


def _content_type_ids(app_labels: Iterable[str]) -> list[int]:
    return list(ContentType.objects.filter(app_label__in=app_labels).values_list("pk", flat=True))


def _text_of(obj: Any) -> str:
    """The searchable text of an object (not the title), for its snippet."""
    texts = [getattr(obj, "search_description", "") or ""]
    for search_field in obj.get_search_fields() if isinstance(obj, index.Indexed) else []:
        if isinstance(search_field, index.SearchField) and search_field.field_name != "title":
            value = search_field.get_value(obj)
            if isinstance(value, (list, tuple)):
                value = " ".join(str(item) for item in value)
            if value:
                texts.append(str(value))
    return " ".join(text for text in texts if text)


def _page_hit(page: Page, terms: list[str], kind_label: StrOrPromise) -> Hit:
    return Hit(
        title=highlight(page.title, terms),
        url=page.get_url() or "",
        kind=str(kind_label),
        snippet=highlight(_text_of(page), terms, SNIPPET_LENGTH),
        obj=page,
    )


def _registered_hit(entry: registry.Searchable, obj: Any, terms: list[str]) -> Hit:
    summary = entry.summary(obj) if entry.summary else _text_of(obj)
    return Hit(
        title=highlight(entry.title_for(obj), terms),
        url=entry.url_for(obj),
        kind=str(entry.label),
        snippet=highlight(summary, terms, SNIPPET_LENGTH),
        obj=obj,
    )


def _paginate(results: Any, number: int | str, per_page: int = RESULTS_PER_PAGE) -> ResultsPage[Any]:
    paginator = Paginator(results, per_page)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def _page_kinds(results: Any) -> list[Kind]:
    """Counts of matching pages per human kind (one facet query on the same search)."""
    counts: dict[str, tuple[StrOrPromise, int]] = {}
    for content_type_id, count in results.facet("content_type_id").items():
        if count:
            key, label = page_group(ContentType.objects.get_for_id(content_type_id))
            counts[key] = (label, counts.get(key, (label, 0))[1] + count)
    return [Kind(key, str(counts[key][0]), counts[key][1]) for key in PAGE_KIND_KEYS if key in counts]


def editors_picks(query: str, locale: Locale) -> list[Hit]:
    """Promoted pages for the query, matched with or without diacritics. No writes."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    picks_by_query = cache.get(PICKS_CACHE_KEY)
    if picks_by_query is None:
        picks_by_query = {}
        for query_id, query_string in SearchPromotion.objects.values_list("query_id", "query__query_string"):
            picks_by_query.setdefault(fold(query_string), set()).add(query_id)
        cache.set(PICKS_CACHE_KEY, picks_by_query, PICKS_CACHE_SECONDS)
    query_ids = picks_by_query.get(fold(normalise_query_string(query)))
    if not query_ids:
        return []
    promotions = SearchPromotion.objects.filter(query_id__in=query_ids).select_related("page").order_by("sort_order")
    hits = []
    for promotion in promotions:
        page = promotion.page
        if page is not None:
            if not (page.live and page.locale_id == locale.pk):
                continue
            hits.append(Hit(title=page.title, url=page.get_url() or "", kind="", snippet=promotion.description))
        elif promotion.external_link_url:
            hits.append(
                Hit(
                    title=promotion.external_link_text,
                    url=promotion.external_link_url,
                    kind="",
                    snippet=promotion.description,
                )
            )
    return hits


def site_search(raw_query: str | None, locale: Locale, kind: str = "", page_number: int | str = 1) -> SearchOutcome:
    """Everything the public may see in `locale` matching the query, as a SearchOutcome."""
    query = clean_query(raw_query)
    outcome = SearchOutcome(query=query, kind=kind)
    terms = [word for word, _token in query_terms(query)]
    if not terms:
        return outcome

    all_pages = live_pages(locale).specific().search(query)
    page_kinds = _page_kinds(all_pages)
    other_kinds = []
    other_results = {}
    for entry in registry.registered():
        results = entry.search(locale, query)
        count = results.count()
        if count:
            other_kinds.append(Kind(entry.key, str(entry.label), count))
            other_results[entry.key] = (entry, results)
    outcome.kinds = page_kinds + other_kinds
    outcome.total = sum(k.count for k in outcome.kinds)
    page_labels = {k.key: k.label for k in page_kinds}

    if kind in other_results:
        entry, results = other_results[kind]
        outcome.page = _paginate(results, page_number)
        outcome.page.object_list = [_registered_hit(entry, obj, terms) for obj in outcome.page.object_list]
        return outcome

    if kind in page_labels:
        results = _group_filter(live_pages(locale), kind).specific().search(query)
    else:
        outcome.kind = ""
        results = all_pages  # the same search as the counts: scored once
    outcome.page = _paginate(results, page_number)
    hits = []
    for page in outcome.page.object_list:
        label = page_group(ContentType.objects.get_for_id(page.content_type_id))[1]
        hits.append(_page_hit(page, terms, label))
    outcome.page.object_list = hits
    if not outcome.kind:
        outcome.picks = editors_picks(query, locale)
        for other in other_kinds:
            entry, results = other_results[other.key]
            previews = [_registered_hit(entry, obj, terms) for obj in results[:PREVIEW_PER_KIND]]
            outcome.groups.append((other, previews))
    return outcome


def suggest(raw_query: str | None, locale: Locale, limit: int = SUGGESTIONS) -> list[dict[str, str]]:
    """Titles for the autocomplete: pages first, then registered kinds with autocomplete fields."""
    query = clean_query(raw_query)
    if not query_terms(query):
        return []
    suggestions = []
    for page in live_pages(locale).specific().autocomplete(query)[:limit]:
        kind = page_group(ContentType.objects.get_for_id(page.content_type_id))[1]
        suggestions.append({"title": page.title, "url": page.get_url() or "", "kind": str(kind)})
    for entry in registry.registered():
        if len(suggestions) >= limit:
            break
        queryset = entry.queryset(locale)
        if entry.match:
            matches = entry.match(queryset, query)
        elif isinstance(queryset.model, type) and issubclass(queryset.model, index.Indexed):
            # Wagtail's Indexed is Any to mypy: issubclass() cannot narrow `type` to it.
            if not queryset.model.get_autocomplete_search_fields():  # type: ignore[attr-defined]
                continue
            matches = queryset.autocomplete(query)
        else:
            continue
        for obj in matches[: limit - len(suggestions)]:
            suggestions.append({"title": entry.title_for(obj), "url": entry.url_for(obj), "kind": str(entry.label)})
    return suggestions
