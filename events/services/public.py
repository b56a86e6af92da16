"""The small interface other apps use: upcoming events, a year's figures, recommendations."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Q, Sum
from django.http import HttpRequest
from django.utils import timezone, translation

from ..models import EventPage, Registration
from .seats import S

if TYPE_CHECKING:
    from wagtail.models import Locale


def upcoming_events(
    limit: int = 3, pillars: Iterable[str] | None = None, locale: str | Locale | None = None
) -> list[EventPage]:
    """The next live events (not yet ended) in the locale (a language code or Locale; default:
    the active language), soonest first; `pillars` keeps those addressing any of the codes."""
    from wagtail.models import Locale

    if locale is None:
        locale = translation.get_language() or settings.LANGUAGE_CODE
    if isinstance(locale, str):
        locale = Locale.objects.filter(language_code=locale).first() or Locale.get_default()
    qs = EventPage.objects.live().public().filter(locale=locale, end__gt=timezone.now())
    if pillars:
        condition = Q()
        for code in pillars:
            condition |= Q(pillars__contains=code)
        qs = qs.filter(condition)
    return list(qs.select_related("area", "cover_image").order_by("start")[:limit])


def year_statistics(year: int) -> dict[str, int]:
    """{"events", "registrations", "attendees"} for events starting in `year` (in the default
    language, so a translated event counts once): registrations that were not cancelled or
    rejected, and people who attended (their seats)."""
    events = EventPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE, start__year=year)
    registrations = Registration.objects.filter(event__in=events)
    return {
        "events": events.count(),
        "registrations": registrations.exclude(status__in=[S.CANCELLED, S.REJECTED]).count(),
        "attendees": registrations.filter(status=S.ATTENDED).aggregate(s=Sum("seats"))["s"] or 0,
    }


def recommend_events(pillar_codes: Iterable[str], request: HttpRequest | None = None) -> list[dict[str, Any]]:
    """Recommendation provider for the assessment results: upcoming events on the weakest pillars."""
    events = upcoming_events(limit=3, pillars=pillar_codes or None)
    return [{"title": event.title, "url": event.url, "kind": "event"} for event in events]
