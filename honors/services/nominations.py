"""Nominations: automatic ones from verified results, public applications and nominations,
and the editors' screening. Every step goes to the audit log."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from enterprises import services as registry

from ..models import Category, Nomination, NominationEvidence, RankingEntry
from .eligibility import check_eligibility, results_for

# Automatic nominations per award: the best few eligible results, not every eligible enterprise.
SHORTLIST_PER_AWARD = 5


def _snapshot(nomination, result, previous):
    if result is not None:
        nomination.dbi_year = result.year
        nomination.dbi_total = result.total
        nomination.dbi_level = result.level
        nomination.dbi_improvement = result.total - previous.total if previous is not None else None


def _candidates(category):
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
def auto_nominate(cycle, user=None):
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


def submit_nomination(category, *, tax_code, enterprise_name, source, token, files=(), **details):
    """A public application or nomination. Idempotent on `token` (one per form load): a
    repeated submission returns the first one. Returns (nomination, created)."""
    if not category.cycle.accepts_nominations():
        raise ValidationError(_("Đợt tôn vinh này hiện không nhận đề cử."))
    existing = Nomination.objects.filter(submission_token=token).first()
    if existing is not None:
        return existing, False
    enterprise, _new = registry.get_or_create_pending(tax_code, enterprise_name)
    allowed = {"nominator_name", "nominator_organisation", "nominator_email", "nominator_phone", "statement"}
    try:
        with transaction.atomic():
            nomination = Nomination.objects.filter(category=category, enterprise=enterprise).first()
            created = nomination is None
            if created:
                nomination = Nomination(category=category, enterprise=enterprise, source=source)
            else:
                # A second nomination of the same enterprise adds its statement to the first.
                details["statement"] = "\n\n".join(filter(None, [nomination.statement, details.get("statement", "")]))
                if nomination.status == Nomination.Status.NEEDS_INFO:
                    nomination.status = Nomination.Status.SUBMITTED
            for key, value in details.items():
                if key in allowed and value:
                    setattr(nomination, key, value)
            nomination.submission_token = token
            result, previous = results_for(category, [enterprise.pk]).get(enterprise.pk, (None, None))
            _snapshot(nomination, result, previous)
            nomination.save()
            for upload in files:
                NominationEvidence.objects.create(nomination=nomination, file=upload)
    except IntegrityError:
        return Nomination.objects.get(submission_token=token), False
    log(instance=nomination, action="honors.nominate", data={"source": source, "token": token})
    return nomination, created


@transaction.atomic
def screen(nomination, status, note="", user=None):
    """Record the editors' screening decision (eligible, needs more information, ineligible
    with a reason)."""
    nomination.status = status
    nomination.screening_note = note or ""
    nomination.full_clean(exclude=["submission_token"])
    nomination.screened_at = timezone.now()
    nomination.save(update_fields=["status", "screening_note", "screened_at"])
    log(instance=nomination, action="honors.screen", user=user, data={"status": status, "note": note})
    return nomination


def screening_suggestion(nomination):
    """The reasons the rules find against the nomination (empty when eligible)."""
    return check_eligibility(nomination.category, nomination.enterprise)


def open_categories(day=None):
    """Categories of cycles that accept nominations now (one query)."""
    day = day or timezone.localdate()
    return (
        Category.objects.filter(
            cycle__nominations_open__lte=day, cycle__nominations_close__gte=day, cycle__published=False
        )
        .select_related("cycle")
        .order_by(F("cycle__year").desc(), "sort_order")
    )


def _with_descendants(sector):
    """A sector and every code below it (a section's subclasses are five levels down in VSIC 2025)."""
    from django.db.models import Q

    below = type(sector).objects.filter(
        Q(parent=sector) | Q(section=sector) | Q(parent__parent=sector) | Q(parent__parent__parent=sector)
    )
    return [sector.pk, *below.values_list("pk", flat=True)]
