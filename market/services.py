"""Market connections: what the pages, the admin and the apps above ask of this app.

Pure query and write functions; views stay thin. Other apps (support programmes, the DBI
result's next steps) call these, never the models directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.folding import folded_search
from core.mail import queue_mail
from core.text import fold_compact

from .models import ContactRequest, Listing, Post, Provider, Solution

COMPARE_LIMIT = 3
POST_DAYS = 90  # a board post is shown for this long after it is approved


# --- the catalogue -------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogueFilter:
    q: str = ""
    category: str = ""
    pillar: str = ""
    size: str = ""
    sector: str = ""  # a VSIC section letter or division code
    trial: bool = False
    make_in_vietnam: bool = False
    platform: bool = False


def public_solutions() -> QuerySet[Solution]:
    """Approved solutions of approved providers, with what their cards show."""
    return (
        Solution.objects.filter(status=Listing.APPROVED, provider__status=Listing.APPROVED)
        .select_related("provider")
        .order_by("name", "id")
    )


def filter_solutions(filters: CatalogueFilter, queryset: QuerySet[Solution] | None = None) -> QuerySet[Solution]:
    qs = public_solutions() if queryset is None else queryset
    if filters.category:
        qs = qs.filter(category=filters.category)
    if filters.pillar:
        qs = qs.filter(_json_has("pillars", filters.pillar))
    if filters.size:
        qs = qs.filter(Q(sizes=[]) | _json_has("sizes", filters.size))
    if filters.sector:
        qs = qs.filter(Q(sectors__isnull=True) | Q(sectors__code=filters.sector) | Q(sectors__code=filters.sector[:1]))
        qs = qs.distinct()
    if filters.trial:
        qs = qs.filter(has_trial=True)
    if filters.make_in_vietnam:
        qs = qs.filter(provider__make_in_vietnam=True)
    if filters.platform:
        qs = qs.filter(is_platform=True)
    for word in fold_compact(filters.q).split()[:8]:
        qs = qs.filter(search_text__contains=word)
    return qs


def _json_contains() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


def _json_has(field: str, value: str) -> Q:
    """A JSON list field holds `value` (PostgreSQL: containment; SQLite: the quoted item)."""
    if _json_contains():
        return Q(**{f"{field}__contains": [value]})
    return Q(**{f"{field}__icontains": f'"{value}"'})


def compare(ids: list[int]) -> list[Solution]:
    """Up to three public solutions, in the order asked."""
    wanted = [int(i) for i in ids[:COMPARE_LIMIT]]
    found = {s.pk: s for s in public_solutions().filter(pk__in=wanted).prefetch_related("sectors")}
    return [found[i] for i in wanted if i in found]


def suggest_for(
    pillars: list[str], criteria: list[str] | None = None, size: str = "", limit: int = 6
) -> list[Solution]:
    """Public solutions for the enterprise's weakest criteria and pillars: a solution that
    addresses one of the criteria ranks first, then by how many of the pillars it covers."""
    criteria = criteria or []
    condition = Q()
    for code in pillars:
        condition |= _json_has("pillars", code)
    for code in criteria:
        condition |= _json_has("criteria", code)
    if not condition:
        return []
    candidates = list(public_solutions().filter(condition)[:200])
    if size:
        candidates = [s for s in candidates if not s.sizes or size in s.sizes]

    def rank(solution: Solution) -> tuple[int, int, str]:
        by_criterion = sum(1 for code in criteria if code in solution.criteria)
        by_pillar = sum(1 for code in pillars if code in solution.pillars)
        return (-by_criterion, -by_pillar, solution.name)

    return sorted(candidates, key=rank)[:limit]


def solution_recommendations(pillar_codes: Iterable[str], request: HttpRequest | None = None) -> list[dict[str, Any]]:
    """The DBI result's next steps: solutions for the weakest pillars."""
    return [
        {
            "title": f"{solution.name} – {solution.provider.name}",
            "url": reverse("market:solution", args=[solution.pk]),
            "kind": _("Giải pháp"),
        }
        for solution in suggest_for(list(pillar_codes), limit=3)
    ]


def approve_listing(obj: Provider | Solution | Post, user: Any = None) -> None:
    obj.status = Listing.APPROVED
    fields = ["status"]
    if isinstance(obj, Post):
        obj.expires_at = max(obj.expires_at, timezone.now() + timedelta(days=POST_DAYS))
        fields.append("expires_at")
    obj.save(update_fields=fields)


# --- the board -----------------------------------------------------------------------------


def public_posts(kind: str = "", sector: str = "", area: str = "", q: str = "") -> QuerySet[Post]:
    """Approved posts that have not expired, newest first."""
    qs = (
        Post.objects.filter(status=Listing.APPROVED, expires_at__gt=timezone.now())
        .select_related("enterprise", "sector", "area")
        .order_by("-created_at", "-id")
    )
    if kind:
        qs = qs.filter(kind=kind)
    if sector:
        qs = qs.filter(Q(sector__code=sector) | Q(sector__parent__code=sector))
    if area:
        qs = qs.filter(area__code=area)
    # Both sides folded: "máy rang" and "may rang" find "Cần mua máy rang".
    return folded_search(qs, " ".join(fold_compact(q).split()[:8]), ["title", "description"])


def matching_offers(sector_code: str = "", limit: int = 5) -> list[Post]:
    """Offers for a story's or an event's block, by sector."""
    return list(public_posts(kind=Post.Kind.OFFER, sector=sector_code)[:limit])


@transaction.atomic
def submit_post(enterprise: Any, data: dict[str, Any], user: Any = None) -> Post:
    """A new post waits for moderation; it expires POST_DAYS after approval at the latest."""
    return Post.objects.create(
        enterprise=enterprise,
        created_by=user if user is not None and user.is_authenticated else None,
        expires_at=timezone.now() + timedelta(days=POST_DAYS),
        status=Listing.PENDING,
        **data,
    )


@transaction.atomic
def request_contact(post: Post, data: dict[str, Any], language: str = "vi") -> ContactRequest:
    """Store the message and relay it to the poster by e-mail; the poster's address is never
    shown, and the sender's details reach only the poster."""
    contact = ContactRequest.objects.create(post=post, **data)
    queue_mail(
        "market.contact",
        post.contact_email,
        "market/email/contact",
        {"post": post, "contact": contact},
        language=language,
        related=contact,
    )
    return contact


def figures(year: int) -> dict[str, Any]:
    """Board posts and contacts made in a year, for the dashboard and the annual report."""
    posts = Post.objects.filter(created_at__year=year)
    return {
        "offers": posts.filter(kind=Post.Kind.OFFER).count(),
        "demands": posts.filter(kind=Post.Kind.DEMAND).count(),
        "approved": posts.filter(status=Listing.APPROVED).count(),
        "contacts": ContactRequest.objects.filter(created_at__year=year).count(),
        "solutions": public_solutions().count(),
    }


# --- providers keep their own listing ------------------------------------------------------

PROVIDER_FIELDS = ("description", "website", "contact_email", "contact_phone")
SOLUTION_FIELDS = ("summary", "price_min", "price_max", "has_trial", "url")


def providers_of(user: Any) -> QuerySet[Provider]:
    """The providers this account keeps (set by programme editors in the admin)."""
    if not user.is_authenticated:
        return Provider.objects.none()
    return Provider.objects.filter(owners=user).prefetch_related("solutions")


def propose_changes(obj: Provider | Solution, data: dict, user: Any) -> dict:
    """A provider's edit of its listing: stored as pending, public only once approved.
    Returns the fields that differ from the approved listing."""
    fields = PROVIDER_FIELDS if isinstance(obj, Provider) else SOLUTION_FIELDS
    provider = obj if isinstance(obj, Provider) else obj.provider
    if not provider.owners.filter(pk=user.pk).exists():
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    changes = {name: data[name] for name in fields if name in data and data[name] != getattr(obj, name)}
    obj.pending_changes = changes
    obj.save(update_fields=["pending_changes"])
    return changes


def decide_changes(obj: Provider | Solution, user: Any, approve: bool) -> None:
    """A programme editor applies (or drops) a provider's pending edit."""
    from core import audit

    with transaction.atomic():
        obj = type(obj).objects.select_for_update().get(pk=obj.pk)
        changes = obj.pending_changes or {}
        if approve:
            for name, value in changes.items():
                setattr(obj, name, value)
        obj.pending_changes = {}
        obj.save()
        audit.record(user, "market.listing_changes", obj, approved=approve, fields=sorted(changes))
