"""Nominations: automatic ones from verified results, public applications and nominations,
and the editors' screening. Every step goes to the audit log."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from enterprises import services as registry

from ..models import Category, HonoursCycle, Nomination, NominationEvidence, PublicNomination, RankingEntry
from .eligibility import check_eligibility, results_for

# Automatic nominations per award: the best few eligible results, not every eligible enterprise.
SHORTLIST_PER_AWARD = 5


def _snapshot(nomination: Nomination, result: RankingEntry | None, previous: RankingEntry | None) -> None:
    if result is not None:
        nomination.dbi_year = result.year
        nomination.dbi_total = result.total
        nomination.dbi_level = result.level
        nomination.dbi_improvement = result.total - previous.total if previous is not None else None


def _candidates(category: Category) -> QuerySet[RankingEntry]:
    cycle = category.cycle
    qs = RankingEntry.objects.filter(
        year=cycle.results_year, framework_code=cycle.framework_code, level__gte=category.min_level
    )
    if category.require_consent:
        qs = qs.filter(consent=True)
    if category.size_class:
        qs = qs.filter(size_class=category.size_class)
    if category.sector_id:
        qs = qs.filter(sector_id__in=_with_descendants(category.sector))
    if category.area_id:
        qs = qs.filter(area_id__in=[category.area_id, *category.area.children.values_list("pk", flat=True)])
    return qs.order_by("-total", "-level", "-pillars_at_level", "verified_at")


@transaction.atomic
def auto_nominate(cycle: HonoursCycle, user: Any = None) -> int:
    """Nominate the best eligible verified results of each category. Idempotent; returns
    the number of new nominations."""
    created = 0
    for category in cycle.categories.select_related("sector", "area", "cycle"):
        wanted = category.awards * SHORTLIST_PER_AWARD
        candidates = list(_candidates(category).select_related("enterprise__sector", "enterprise__area")[: wanted * 20])
        results = results_for(category, [row.enterprise_id for row in candidates])
        scored = []
        for row in candidates:
            result, previous = results.get(row.enterprise_id, (row, None))
            if check_eligibility(category, row.enterprise, result, previous):
                continue
            gain = result.total - previous.total if previous is not None else 0
            scored.append((gain if category.kind == Category.Kind.IMPROVEMENT else 0, row, result, previous))
        scored.sort(key=lambda item: -item[0])
        for _gain, row, result, previous in scored[:wanted]:
            nomination, was_created = Nomination.objects.get_or_create(
                category=category,
                enterprise=row.enterprise,
                defaults={"source": Nomination.Source.AUTOMATIC, "status": Nomination.Status.ELIGIBLE},
            )
            if was_created:
                _snapshot(nomination, result, previous)
                nomination.screened_at = timezone.now()
                nomination.save()
                created += 1
    log(instance=cycle, action="honors.auto_nominate", user=user, data={"created": created})
    return created


PUBLIC_FIELDS = ("nominator_name", "nominator_organisation", "nominator_email", "nominator_phone", "statement")


def submit_nomination(
    category: Category,
    *,
    tax_code: str,
    enterprise_name: str,
    source: str,
    token: str,
    files: Iterable[File] = (),
    language: str = "vi",
    **details: Any,
) -> tuple[PublicNomination, bool]:
    """A public application or nomination: its own record (PublicNomination), side by side
    with any other nomination of the same enterprise; the enterprise's candidacy in the
    category is created by the first one and never changed by later ones (status, snapshot,
    others' statements stay). Idempotent on `token` (one per form load): a repeated
    submission returns the first one. The sender gets a receipt with a private link.

    `files` are uploads already checked (core.private_files.check_upload); they are stored in
    private storage under random names. Returns (entry, created)."""
    if not category.cycle.accepts_nominations():
        raise ValidationError(_("Đợt tôn vinh này hiện không nhận đề cử."))
    existing = PublicNomination.objects.filter(submission_token=token).select_related("nomination").first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            enterprise, _new = registry.get_or_create_pending(tax_code, enterprise_name)
            nomination, created = Nomination.objects.get_or_create(
                category=category,
                enterprise=enterprise,
                defaults={"source": source, "status": Nomination.Status.SUBMITTED},
            )
            if created:
                result, previous = results_for(category, [enterprise.pk]).get(enterprise.pk, (None, None))
                _snapshot(nomination, result, previous)
                nomination.save()
            entry = PublicNomination.objects.create(
                nomination=nomination,
                source=source,
                submission_token=token,
                language=language,
                **{key: (details.get(key) or "").strip() for key in PUBLIC_FIELDS},
            )
            for upload in files:
                NominationEvidence.objects.create(
                    nomination=nomination,
                    entry=entry,
                    file=upload,
                    original_name=(upload.name or "").rsplit("/", 1)[-1][:255],
                    size=upload.size,
                )
            _send_receipt(entry)
    except IntegrityError:
        return PublicNomination.objects.select_related("nomination").get(submission_token=token), False
    log(instance=nomination, action="honors.nominate", data={"source": source, "entry": entry.pk})
    return entry, True


def receipt_path(entry: PublicNomination) -> str:
    from django.urls import reverse
    from django.utils import translation

    with translation.override(entry.language or "vi"):
        return reverse("honors:nomination_receipt", args=[entry.receipt_key])


def _send_receipt(entry: PublicNomination) -> None:
    from core.mail import queue_mail, site_url

    queue_mail(
        "honors.nomination_receipt",
        entry.nominator_email,
        "honors/email/nomination_receipt",
        {
            "entry": entry,
            "nomination": entry.nomination,
            "enterprise": entry.nomination.enterprise,
            "category": entry.nomination.category,
            "link": site_url(receipt_path(entry)),
        },
        language=entry.language,
        related=entry,
    )


def entry_for_receipt(key: str | None) -> PublicNomination | None:
    """The public nomination behind a receipt link, or None."""
    if not key or len(key) > 64:
        return None
    return (
        PublicNomination.objects.select_related("nomination__enterprise", "nomination__category__cycle")
        .prefetch_related("evidence")
        .filter(receipt_key=key)
        .first()
    )


@transaction.atomic
def screen(nomination: Nomination, status: str, note: str = "", user: Any = None) -> Nomination:
    """Record the editors' screening decision (eligible, needs more information, ineligible
    with a reason)."""
    nomination.status = status
    nomination.screening_note = note or ""
    nomination.full_clean(exclude=["submission_token"])
    nomination.screened_at = timezone.now()
    nomination.save(update_fields=["status", "screening_note", "screened_at"])
    log(instance=nomination, action="honors.screen", user=user, data={"status": status, "note": note})
    return nomination


def screening_suggestion(nomination: Nomination) -> list[str]:
    """The reasons the rules find against the nomination (empty when eligible)."""
    return check_eligibility(nomination.category, nomination.enterprise)


def open_categories(day: date | None = None) -> QuerySet[Category]:
    """Categories of cycles that accept nominations now (one query)."""
    day = day or timezone.localdate()
    return (
        Category.objects.filter(
            cycle__nominations_open__lte=day, cycle__nominations_close__gte=day, cycle__published=False
        )
        .select_related("cycle")
        .order_by(F("cycle__year").desc(), "sort_order")
    )


def _with_descendants(sector: Any) -> list[int]:
    """A sector and every code below it (a section's subclasses are five levels down in VSIC 2025)."""
    from django.db.models import Q

    below = type(sector).objects.filter(
        Q(parent=sector) | Q(section=sector) | Q(parent__parent=sector) | Q(parent__parent__parent=sector)
    )
    return [sector.pk, *below.values_list("pk", flat=True)]
