"""The site search: pages of every type, plus the kinds registered in search.registry.

Read-only: nothing here writes to the database (hits are buffered, see search/hits.py).
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.paginator import Page as PaginatorPage
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Q, QuerySet
from django.utils.translation import get_language, pgettext_lazy
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.search.utils import normalise_query_string

from core import cache as versions
from search import registry
from search.highlight import highlight, prepare
from search.text import fold, query_terms

if TYPE_CHECKING:
    from django.core.paginator import Page as ResultsPage
    from django.http import HttpRequest
    from django_stubs_ext import StrOrPromise
    from wagtail.models import Locale

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
PREVIEW_PER_KIND = 3
SNIPPET_LENGTH = 220
SUGGESTIONS = 8
PICKS_CACHE_KEY = "search:picks-by-folded-query"
PICKS_CACHE_SECONDS = 60 * 60  # keyed by the "site" token too: a promotion's change drops it
FRAGMENT_SECONDS = 60 * 60 * 24  # snippets' texts, restrictions: keyed by versions, never stale
# Registered kinds (enterprises: a million of them) are counted up to this many; more is shown
# as "more than 1,000" and paged up to it.
COUNT_CAP = 1000
# How long the first COUNT_CAP matches of a capped query are kept (its pages page them); a
# change to the site or its pages moves the key at once.
FIRST_MATCHES_SECONDS = 10 * 60
# Up to this many known matches, a page of them is read in one query (sorted with its joins).
FEW_MATCHES = 100
# Version names whose tokens key everything cached here: "pages" (any publish, unpublish, move
# or live save) and "site" (any other public change: restrictions, promotions, the registry).
TOKENS = ("site", "pages")

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
    capped: bool = False  # more than `count` (COUNT_CAP) matched; not counted further


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
    capped: bool = False  # some kind has more results than were counted: "more than `total`"


def clean_query(raw: str | None) -> str:
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


class _Counted:
    """What a Paginator pages when the results are already cut: `count` items, of which only
    the requested page's `hits` exist (a cached outcome pickles this, not a search)."""

    def __init__(self, count: int, start: int = 0, hits: list[Any] | None = None) -> None:
        self._count = count
        self._start = start
        self._hits = hits or []

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: Any) -> list[Any]:
        if isinstance(index, slice) and (index.start or 0) == self._start:
            return self._hits
        return []

    def __iter__(self) -> Iterator[Any]:  # the Paginator protocol; only the page's hits exist
        return iter(self._hits)


def _tokens() -> dict[str, str]:
    return versions.versions(*TOKENS)


def active_locale(tokens: dict[str, str] | None = None) -> Locale:
    """`Locale.get_active()` (a query each time), cached per language under the "site" token
    (adding or changing a locale bumps it)."""
    from wagtail.models import Locale

    tokens = tokens or _tokens()
    key = f"search:locale:{get_language()}:{tokens['site']}"
    locale = cache.get(key)
    if locale is None:
        locale = Locale.get_active()
        cache.set(key, locale, FRAGMENT_SECONDS)
    return locale


def _restricted_paths(tokens: dict[str, str]) -> list[str]:
    """Tree paths of the private sections (view restrictions), cached under the "site" token
    (a restriction's save bumps it); Wagtail's `public()` reads them from the database each time."""
    key = f"search:restricted:{tokens['site']}"
    paths = cache.get(key)
    if paths is None:
        paths = sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
        cache.set(key, paths, FRAGMENT_SECONDS)
    return paths


def live_pages(locale: Locale, tokens: dict[str, str] | None = None) -> Any:
    """Live pages of `locale` outside private sections (what `live().public()` selects)."""
    pages = Page.objects.live().filter(locale=locale)
    restricted = Q()
    for path in _restricted_paths(tokens or _tokens()):
        restricted |= Q(path__startswith=path)
    return pages.exclude(restricted) if restricted else pages


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
    """Ids of the page types of these apps, from ContentType's own per-process cache."""
    models = []
    for label in app_labels:
        try:
            app = django_apps.get_app_config(label)
        except LookupError:
            continue
        models += [model for model in app.get_models() if issubclass(model, Page)]
    return sorted(ct.pk for ct in ContentType.objects.get_for_models(*models).values()) if models else []


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


def _page_texts(pages: list[Page]) -> dict[int, tuple[str, str]]:
    """The searchable text of each page, prepared for highlighting (`highlight.prepare`),
    cached per (page, its page-cache tokens, language): a publish, unpublish or edit of the page
    (or any public change, "site") drops its entry. Only the pages missing from the cache are
    loaded, as their specific type."""
    if not pages:
        return {}
    tokens = versions.versions("site", *{f"page:{page.path}" for page in pages})
    language = get_language() or ""
    keys = {
        page.pk: f"search:snippet:{page.pk}:{language}:{tokens['site']}:{tokens[f'page:{page.path}']}" for page in pages
    }
    found = cache.get_many(list(keys.values()))
    texts = {pk: found[key] for pk, key in keys.items() if key in found}
    missing = [page.pk for page in pages if page.pk not in texts]
    if missing:
        fresh = {page.pk: prepare(_text_of(page)) for page in Page.objects.filter(pk__in=missing).specific()}
        texts.update(fresh)
        cache.set_many({keys[pk]: text for pk, text in fresh.items()}, FRAGMENT_SECONDS)
    return texts


def _page_hits(pages: list[Page], terms: list[str], request: HttpRequest | None = None) -> list[Hit]:
    texts = _page_texts(pages)
    hits = []
    for page in pages:
        label = page_group(ContentType.objects.get_for_id(page.content_type_id))[1]
        prepared = texts.get(page.pk)
        hits.append(
            Hit(
                title=highlight(page.title, terms),
                url=page.get_url(request) or "",
                kind=str(label),
                snippet=highlight("", terms, SNIPPET_LENGTH, prepared) if prepared else "",
            )
        )
    return hits


def _registered_hits(entry: registry.Searchable, objs: list[Any], terms: list[str]) -> list[Hit]:
    hits = []
    for obj, url in zip(objs, entry.urls_for(objs), strict=True):
        summary = entry.summary(obj) if entry.summary else _text_of(obj)
        hits.append(
            Hit(
                title=highlight(entry.title_for(obj), terms),
                url=url,
                kind=str(entry.label),
                snippet=highlight(summary, terms, SNIPPET_LENGTH),
            )
        )
    return hits


def _page_number(paginator: Paginator, number: int | str) -> int:
    try:
        return paginator.validate_number(number)
    except PageNotAnInteger:
        return 1
    except EmptyPage:
        return paginator.num_pages


def _paginate(results: Any, number: int | str, hit: Any, count: int | None = None) -> ResultsPage[Any]:
    """The page `number` of `results` (the last one past the end, the first for garbage), its
    objects turned into Hits by `hit(objects)`. Its paginator pages a _Counted, not the search,
    so an outcome can be cached. `count` (when known) saves a count query."""
    total = count if count is not None else results.count()
    paginator = Paginator(_Counted(total), RESULTS_PER_PAGE)
    number = _page_number(paginator, number)
    start = (number - 1) * RESULTS_PER_PAGE
    hits = hit(list(results[start : start + RESULTS_PER_PAGE])) if total else []
    paginator = Paginator(_Counted(total, start, hits), RESULTS_PER_PAGE)
    return PaginatorPage(hits, number, paginator)


def _page_kinds(results: Any) -> list[Kind]:
    """Counts of matching pages per human kind (one facet on the same search: on SQLite it is
    read from the ranked matches themselves, no query)."""
    counts: dict[str, tuple[StrOrPromise, int]] = {}
    for content_type_id, count in results.facet("content_type_id").items():
        if count:
            key, label = page_group(ContentType.objects.get_for_id(content_type_id))
            counts[key] = (label, counts.get(key, (label, 0))[1] + count)
    return [Kind(key, str(counts[key][0]), counts[key][1]) for key in PAGE_KIND_KEYS if key in counts]


def _capped_count(results: Any) -> tuple[int, bool]:
    """(count, capped): counted up to COUNT_CAP + 1 rows only (a LIMITed subquery), so a common
    word among a million enterprises costs what 1,001 rows cost. Unordered: with its ORDER BY
    the database would find and sort every match before taking the first 1,001."""
    if hasattr(results, "order_by"):
        results = results.order_by()
    count = results[: COUNT_CAP + 1].count()
    return (COUNT_CAP, True) if count > COUNT_CAP else (count, False)


class _SerialReads:
    """On PostgreSQL, the registered kinds' searches run in one process, in one transaction
    opened at the first search that reads the database (none when every kind's matches come
    from the cache). They stop at their first COUNT_CAP + 1 matches, and starting parallel
    workers for them cost more than they saved: at a million enterprises one search took 16
    to 660 ms with them, 16 to 40 ms without (bench/bench_million.py)."""

    def __init__(self, using: str = DEFAULT_DB_ALIAS) -> None:
        self.using = using
        self.stack = contextlib.ExitStack()
        self.started = False

    def __enter__(self) -> _SerialReads:
        return self

    def start(self) -> None:
        connection = connections[self.using]
        if self.started or connection.vendor != "postgresql":
            return
        self.started = True
        self.stack.enter_context(transaction.atomic(using=self.using))
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")

    def __exit__(self, *exc: Any) -> bool | None:
        return self.stack.__exit__(*exc)


def _matches(results: Any, key: str, serial: _SerialReads | None = None) -> tuple[int, bool, Any]:
    """(count, capped, results to page) of a registered kind, in one query for a queryset: the
    keys of up to COUNT_CAP + 1 matches, unordered (the database stops at the 1,001st), then
    pages over those keys in the kind's own order (enterprises by name). More than COUNT_CAP:
    the first COUNT_CAP found, by key, kept in the cache under `key` (which names the search
    tokens) so every page of the query pages the same ones. Ordering every match of a word
    found in a ninth of a million names cost about 300 ms; reading the matches twice (count,
    then page) twice what this costs."""
    if not isinstance(results, QuerySet):
        count, capped = _capped_count(results)
        return count, capped, results
    ids = cache.get(key)
    fresh = ids is None
    if fresh:
        if serial is not None:
            serial.start()
        ids = list(results.order_by().values_list("pk", flat=True)[: COUNT_CAP + 1])
        if len(ids) > COUNT_CAP:
            ids = sorted(ids)[:COUNT_CAP] + [None]  # None: more were found
            cache.set(key, ids, FIRST_MATCHES_SECONDS)
    capped = bool(ids) and ids[-1] is None
    ids = ids[:-1] if capped else ids
    return len(ids), capped, _KnownMatches(results, ids, checked=fresh)


class _KnownMatches:
    """A registered kind's matches whose keys are known (`_matches`). A slice is read in the
    kind's order among the known keys alone (primary keys: no search condition for the
    database to answer with its text index). Keys kept from an earlier request (`checked`
    false) are only ordered that way; the slice's rows are then read through the search
    itself, so whatever is shown has passed every public and match condition again just now."""

    def __init__(self, results: QuerySet[Any], ids: list[Any], checked: bool = False) -> None:
        self.results = results
        self.ids = ids
        self.checked = checked

    def count(self) -> int:
        return len(self.ids)

    def __getitem__(self, key: slice) -> list[Any]:
        model = self.results.model
        ordering = self.results.query.order_by or model._meta.ordering
        known = model._default_manager.filter(pk__in=self.ids).order_by(*ordering)
        known.query.select_related = self.results.query.select_related
        if self.checked and len(self.ids) <= FEW_MATCHES:  # found by this request: one query
            return list(known[key])
        # Many: the slice's keys sorted without the joins, then its rows; rows kept from an
        # earlier request through the search again.
        keys = list(known.select_related(None).values_list("pk", flat=True)[key])
        if self.checked:  # by the slice's keys alone (not the thousand known ones again)
            source = model._default_manager.order_by()
            source.query.select_related = self.results.query.select_related
        else:
            source = self.results
        rows = {row.pk: row for row in source.filter(pk__in=keys)}
        return [rows[pk] for pk in keys if pk in rows]


def editors_picks(query: str, locale: Locale, tokens: dict[str, str] | None = None) -> list[Hit]:
    """Promoted pages for the query, matched with or without diacritics. No writes. The
    promotions (by folded query) are cached under the "site" token (a promotion's save bumps
    it), a query's picks under "site" and "pages" (a promoted page's publish or unpublish)."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    tokens = tokens or _tokens()
    key = f"{PICKS_CACHE_KEY}:{tokens['site']}"
    picks_by_query = cache.get(key)
    if picks_by_query is None:
        picks_by_query = {}
        for query_id, query_string in SearchPromotion.objects.values_list("query_id", "query__query_string"):
            picks_by_query.setdefault(fold(query_string), set()).add(query_id)
        cache.set(key, picks_by_query, PICKS_CACHE_SECONDS)
    folded = fold(normalise_query_string(query))
    query_ids = picks_by_query.get(folded)
    if not query_ids:
        return []
    digest = hashlib.sha256(folded.encode()).hexdigest()[:32]
    hits_key = f"search:picks:{locale.pk}:{get_language()}:{digest}:{tokens['site']}:{tokens['pages']}"
    hits = cache.get(hits_key)
    if hits is not None:
        return hits
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
    cache.set(hits_key, hits, PICKS_CACHE_SECONDS)
    return hits


def site_search(
    raw_query: str | None,
    locale: Locale,
    kind: str = "",
    page_number: int | str = 1,
    request: HttpRequest | None = None,
) -> SearchOutcome:
    """Everything the public may see in `locale` matching the query, as a SearchOutcome.

    With `settings.SEARCH_CACHE_SECONDS` (0: off) the whole outcome is cached per query, kind,
    page, locale and language under the "site" and "pages" tokens: any publish or public
    change drops it."""
    query = clean_query(raw_query)
    if not query_terms(query):
        return SearchOutcome(query=query, kind=kind)
    tokens = _tokens()
    seconds = getattr(settings, "SEARCH_CACHE_SECONDS", 0)
    if not seconds:
        return _site_search(query, locale, kind, page_number, tokens, request)
    host = request.get_host() if request is not None else ""
    digest = hashlib.sha256(f"{query}\x00{kind}\x00{page_number}\x00{host}".encode()).hexdigest()[:40]
    key = f"search:outcome:{locale.pk}:{get_language()}:{digest}:{tokens['site']}:{tokens['pages']}"
    outcome = cache.get(key)
    if outcome is None:
        outcome = _site_search(query, locale, kind, page_number, tokens, request)
        cache.set(key, outcome, seconds)
    return outcome


def _site_search(
    query: str,
    locale: Locale,
    kind: str,
    page_number: int | str,
    tokens: dict[str, str],
    request: HttpRequest | None = None,
) -> SearchOutcome:
    outcome = SearchOutcome(query=query, kind=kind)
    terms = [word for word, _token in query_terms(query)]

    all_pages = live_pages(locale, tokens).search(query)
    page_kinds = _page_kinds(all_pages)
    other_kinds = []
    other_results = {}
    with _SerialReads() as serial:
        for entry in registry.registered():
            results = entry.search(locale, query)
            digest = hashlib.sha256(f"{entry.key}\x00{locale.pk}\x00{query}".encode()).hexdigest()[:32]
            key = f"search:first-matches:{digest}:{tokens['site']}:{tokens['pages']}"
            count, capped, results = _matches(results, key, serial)
            if count:
                other_kinds.append(Kind(entry.key, str(entry.label), count, capped))
                other_results[entry.key] = (entry, results)
    outcome.kinds = page_kinds + other_kinds
    outcome.total = sum(k.count for k in outcome.kinds)
    outcome.capped = any(k.capped for k in outcome.kinds)
    page_counts = {k.key: k.count for k in page_kinds}

    if kind in other_results:
        entry, results = other_results[kind]
        count = next(k.count for k in other_kinds if k.key == kind)
        outcome.page = _paginate(results, page_number, lambda objs: _registered_hits(entry, objs, terms), count)
        return outcome

    if kind in page_counts:
        results = _group_filter(live_pages(locale, tokens), kind).search(query)
    else:
        outcome.kind = ""
        results = all_pages  # the same search as the counts: scored once (its count is free)
    outcome.page = _paginate(results, page_number, lambda pages: _page_hits(pages, terms, request))
    if not outcome.kind:
        outcome.picks = editors_picks(query, locale, tokens)
        for other in other_kinds:
            entry, results = other_results[other.key]
            previews = _registered_hits(entry, list(results[:PREVIEW_PER_KIND]), terms)
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
