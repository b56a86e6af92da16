"""Next steps on the result page: links and sections that higher apps (handbook chapters,
events, support) register from their AppConfig.ready(); this app never imports them."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.http import HttpRequest

    from ..models import PillarScore, Submission

    # fn(pillar_codes, request) -> [{"title", "url", "kind"}] (or None)
    RecommendationProvider = Callable[[list[str], HttpRequest | None], Iterable[dict[str, Any]] | None]
    # fn(submission, weakest, request) -> safe HTML or ""
    NextStepsSection = Callable[[Submission, list[Any], HttpRequest | None], str]

logger = logging.getLogger(__package__)  # "assessment_forms.services", as before the split

_recommendation_providers: list[RecommendationProvider] = []
_next_steps_sections: list[NextStepsSection] = []


def kind_label(kind: str) -> str:
    """The human word for a recommendation's kind ("event" → "Tập huấn"), translated; an unknown
    kind shows no badge rather than a code."""
    from django.utils.translation import gettext

    labels = {
        "event": gettext("Tập huấn"),
        "handbook": gettext("Cẩm nang"),
        "story": gettext("Tin bài"),
        "provider": gettext("Giải pháp"),
    }
    return labels.get(kind, "")


def register_recommendation_provider(fn: RecommendationProvider) -> RecommendationProvider:
    """Register fn(pillar_codes: list[str], request) -> [{"title", "url", "kind"}].

    Called by higher apps (handbook chapters, events) from AppConfig.ready(). Registering the
    same function twice has no effect. Returns fn, so it can be used as a decorator."""
    if fn not in _recommendation_providers:
        _recommendation_providers.append(fn)
    return fn


def recommendation_providers() -> list[RecommendationProvider]:
    """The registered providers, in registration order (the start-up check reads it)."""
    return list(_recommendation_providers)


@contextlib.contextmanager
def replaced_recommendation_providers(*providers: RecommendationProvider) -> Iterator[None]:
    """For tests: only `providers` are registered inside the block; the providers the installed
    apps registered at start-up come back afterwards, whatever happened inside."""
    saved = list(_recommendation_providers)
    _recommendation_providers[:] = list(providers)
    try:
        yield
    finally:
        _recommendation_providers[:] = saved


def recommendations(
    pillar_codes: Iterable[str], request: HttpRequest | None = None, limit: int = 8
) -> list[dict[str, Any]]:
    """Links from every provider for these pillars; a failing provider is logged and skipped."""
    items: list[dict[str, Any]]
    seen: set[str]
    items, seen = [], set()
    for provider in list(_recommendation_providers):
        try:
            provided = provider(list(pillar_codes), request) or []
        except Exception:  # a broken provider must not break the result page
            logger.exception("recommendation provider %r failed", provider)
            continue
        for item in provided:
            url = item.get("url")
            if url and url not in seen:
                seen.add(url)
                kind = item.get("kind", "")
                items.append({"title": item.get("title", ""), "url": url, "kind": kind, "kind_label": kind_label(kind)})
    return items[:limit]


# support: richer next-step sections (consultants for the weakest pillars, a pre-filled request).
def register_next_steps_section(fn: NextStepsSection) -> NextStepsSection:
    """Register fn(submission, weakest, request) -> safe HTML or "" for the result page, where
    `weakest` lists the weakest pillars as {"code", "name", "percent", "level", ...} dicts.

    For higher apps that need the result itself (its enterprise's area, its reference), not
    only the pillar codes. Registering twice has no effect; returns fn."""
    if fn not in _next_steps_sections:
        _next_steps_sections.append(fn)
    return fn


def next_steps_sections(
    submission: Submission, weakest: Iterable[Any], request: HttpRequest | None = None
) -> list[str]:
    """The HTML of every registered section; a failing one is logged and skipped."""
    sections: list[str] = []
    for fn in list(_next_steps_sections):
        try:
            html = fn(submission, list(weakest), request)
        except Exception:  # a broken section must not break the result page
            logger.exception("next-steps section %r failed", fn)
            continue
        if html:
            sections.append(html)
    return sections


def weakest_pillars(submission: Submission, count: int = 2, scores: Iterable[PillarScore] | None = None) -> list[str]:
    """Codes of the pillars with the lowest percentage (ties: lower level, then framework order)."""
    if scores is None:
        scores = submission.pillar_scores.select_related("pillar")
    scores = sorted(scores, key=lambda s: (s.percent, s.level, s.pillar.order))
    return [s.pillar.code for s in scores[:count]]
