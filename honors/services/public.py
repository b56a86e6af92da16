"""What other apps read from the honours (home page section, dashboard, search)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet

from ..models import Award


def awards_for_year(year: int) -> list[Award]:
    """Published awards of a year, by category order then award order (one query)."""
    return list(
        Award.objects.filter(decision__cycle__year=year, decision__live=True, decision__cycle__published=True)
        .select_related("category", "enterprise", "photo", "decision__cycle")
        .order_by("category__sort_order", "sort_order")
    )


def latest_honoured(limit: int = 6) -> list[Award]:
    """The most recently published awards, newest cycle first."""
    return list(
        Award.objects.filter(decision__live=True, decision__cycle__published=True)
        .select_related("category", "enterprise", "photo", "decision__cycle")
        .order_by("-decision__cycle__year", "category__sort_order", "sort_order")[:limit]
    )


def awards_for_enterprise(enterprise_id: int) -> list[Award]:
    """The enterprise's published awards with their certificates, newest first."""
    return list(
        Award.objects.filter(enterprise_id=enterprise_id, decision__live=True, decision__cycle__published=True)
        .select_related("category", "decision__cycle", "certificate")
        .order_by("-decision__cycle__year")
    )


# --- the site search (vishell, issue 16) -------------------------------------------------
def public_profiles() -> QuerySet[Any]:
    """Enterprises that have a public profile page: they consent to publication and have a
    published (consenting) ranking row. A queryset of `enterprises.Enterprise`."""
    from enterprises.models import Enterprise

    from ..models import RankingEntry
    from .rankings import DEFAULT_FRAMEWORK, available_years

    # The same rows as the profile page itself (`enterprise_history`): a row of a year not
    # yet published has no public profile, so it must not lead to one (a 404).
    published = RankingEntry.objects.filter(
        framework_code=DEFAULT_FRAMEWORK, consent=True, year__in=available_years(DEFAULT_FRAMEWORK)
    ).values("enterprise_id")
    return Enterprise.objects.filter(publish_dbi_consent=True, pk__in=published).select_related("sector", "area")


def profile_links(locale: Any = None) -> Callable[[int], str]:
    """A function `enterprise_id -> URL` of public profile pages under the rankings page of
    `locale` (the default language's when that one is missing); URLs are "" without a
    rankings page. One query, whatever the number of links."""
    from ..models import RankingsPage

    pages = RankingsPage.objects.live().public()
    page = (pages.filter(locale=locale).first() if locale else None) or pages.order_by("pk").first()
    if page is None:
        return lambda enterprise_id: ""
    base = page.get_url()
    return lambda enterprise_id: base + page.reverse_subpage("profile", args=[enterprise_id])
