"""The handbook's small public interface and the queries its pages share."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from . import cache as handbook_cache
from .choices import pillar_choices
from .fields import contains_code
from .models import FAQPage, HandbookChapterPage, HandbookIndexPage


def _chapters(locale: Locale | None = None) -> Any:
    queryset = HandbookChapterPage.objects.live().public()
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset


def chapters_for_pillars(
    codes: Iterable[str], locale: Locale | str | None = None, limit: int | None = 3
) -> list[HandbookChapterPage]:
    """Live chapters tagged with any of the pillar `codes`, the first code's chapters first
    (pass the weakest pillar first), then in reading order. `locale` is a Locale, a language
    code or None (the active language)."""
    codes = [code for code in codes if code]
    if not codes:
        return []
    if locale is None or isinstance(locale, str):
        locale = Locale.objects.filter(language_code=locale).first() if locale else Locale.get_active()
    condition = Q()
    for code in codes:
        condition |= Q(**contains_code("pillar_codes", code))
    chapters = list(_chapters(locale).filter(condition).order_by("path"))
    rank = {code: position for position, code in enumerate(codes)}

    def first_match(chapter: HandbookChapterPage) -> int:
        return min(rank[code] for code in chapter.pillar_codes if code in rank)

    chapters.sort(key=first_match)  # stable: keeps reading order within a pillar
    return chapters if limit is None else chapters[:limit]


def recommendations(pillar_codes: Iterable[str], request: HttpRequest | None = None) -> list[dict[str, Any]]:
    """The recommendation provider registered with the assessment app: chapters for the
    weakest pillars as [{title, url, kind}]."""
    return [
        {"title": chapter.title, "url": chapter.get_url(request), "kind": "handbook"}
        for chapter in chapters_for_pillars(pillar_codes)
    ]


def handbook_index_of(page: Page) -> HandbookIndexPage | None:
    return HandbookIndexPage.objects.ancestor_of(page).live().last()


def reading_order(handbook_index: HandbookIndexPage) -> list[tuple[int, str, int, str, int]]:
    """[(pk, title, url_path)] of the index's live chapters, depth first: a chapter, then its
    sub-chapters, then the next chapter. Cached until a handbook page is published."""
    key = handbook_cache.key("order", handbook_index.pk)
    order = cache.get(key)
    if order is None:
        order = list(
            HandbookChapterPage.objects.descendant_of(handbook_index)
            .live()
            .public()
            .order_by("path")
            .values_list("pk", "title", "depth", "url_path", "reading_minutes")
        )
        cache.set(key, order, 60 * 60 * 24)
    return order


def _url(request: HttpRequest | None, url_path: str) -> str | None:
    # Build a page's URL from its url_path without loading it (the chapter and its
    # neighbours share the site root).
    return Page(url_path=url_path).get_url(request)


def _index_summary(chapter: HandbookChapterPage) -> tuple[Any, ...]:
    """(pk, title, url_path, path, depth) of the chapter's handbook index, cached with the
    reading order."""
    key = handbook_cache.key("index-of", chapter.pk)
    summary = cache.get(key)
    if summary is None:
        index = handbook_index_of(chapter)
        summary = (index.pk, index.title, index.url_path, index.path, index.depth) if index else ()
        cache.set(key, summary, 60 * 60 * 24)
    return summary


def chapter_neighbours(chapter: HandbookChapterPage, request: HttpRequest | None = None) -> dict[str, Any]:
    """Previous and next chapters in reading order, and the handbook index ({pk, title, url}),
    for a chapter. Served from the cache: no query once the handbook has been read."""
    summary = _index_summary(chapter) if chapter.pk and chapter.path else ()
    if not summary:
        return {"handbook_index": None, "previous_chapter": None, "next_chapter": None}
    index_pk, index_title, index_url_path, index_path, index_depth = summary
    order = reading_order(HandbookIndexPage(pk=index_pk, path=index_path, depth=index_depth))
    pks = [row[0] for row in order]
    position = pks.index(chapter.pk) if chapter.pk in pks else None

    def link(row: tuple[int, str, int, str, int]) -> dict[str, Any]:
        return {"title": row[1], "url": _url(request, row[3])}

    previous_row = order[position - 1] if position else None
    next_row = order[position + 1] if position is not None and position + 1 < len(order) else None
    return {
        "handbook_index": {"pk": index_pk, "title": index_title, "url": _url(request, index_url_path)},
        "previous_chapter": link(previous_row) if previous_row else None,
        "next_chapter": link(next_row) if next_row else None,
        "chapter_position": (position + 1) if position is not None else None,
        "chapter_count": len(order),
    }


def chapter_tree(handbook_index: HandbookIndexPage, request: HttpRequest | None = None) -> list[dict[str, Any]]:
    """The nested table of contents of the whole handbook: [{title, url, minutes, children}]."""
    tree: list[dict[str, Any]] = []
    stack: list[tuple[int, list[dict[str, Any]]]] = []  # (depth, children list)
    for _pk, title, depth, url_path, minutes in reading_order(handbook_index):
        node: dict[str, Any] = {"title": title, "url": _url(request, url_path), "minutes": minutes, "children": []}
        while stack and stack[-1][0] >= depth:
            stack.pop()
        (stack[-1][1] if stack else tree).append(node)
        stack.append((depth, node["children"]))
    return tree


def other_handbook_pages(
    handbook_index: HandbookIndexPage, request: HttpRequest | None = None
) -> list[tuple[str, str | None, str]]:
    """The FAQ and guide pages under the index, as [(title, url, kind)]."""
    pages = handbook_index.get_children().live().public().not_type(HandbookChapterPage).specific()
    return [(page.title, page.get_url(request), type(page).__name__) for page in pages]


def pillar_filter_choices() -> list[tuple[str, str]]:
    return [(code, _("%(code)s – %(name)s") % {"code": code, "name": name}) for code, name in pillar_choices()]


def faq_pages(handbook_index: HandbookIndexPage) -> Any:
    return FAQPage.objects.child_of(handbook_index).live().public()
