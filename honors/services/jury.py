"""The jury: assignment per category, conflicts of interest, weighted scores, and the
committee's aggregates. A conflicted juror never sees, scores, or counts for that nominee."""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.roles import group_name
from core import audit

from ..models import Category, ConflictDeclaration, JuryCriterion, JuryReview, JuryScore, Nomination
from .phases import require_scoring

COMMITTEE_PERMISSION = "honors.view_juryreview"
COMMITTEE_ROLE = "honours_committee"


def committee_members() -> QuerySet[Any]:
    """The accounts a cycle may name as jurors: active members of the honours committee."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=group_name(COMMITTEE_ROLE))
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def juror_label(user: Any) -> str:
    """A juror as the picker shows them: the full name in Vietnamese order (family name first,
    "Nguyễn Thị Lan"), the account name only as a fallback."""
    return " ".join(part.strip() for part in (user.last_name, user.first_name) if part.strip()) or user.get_username()


def conflicted_nominations(user: Any) -> QuerySet[ConflictDeclaration, Any]:
    """Ids of the nominations the user declared a conflict with (a subquery)."""
    return ConflictDeclaration.objects.filter(juror=user).values("nomination_id")


def is_conflicted(user: Any, nomination: Nomination) -> bool:
    return user.is_authenticated and _conflicted(user, nomination)


def is_juror(user: Any, category: Category) -> bool:
    return user.is_authenticated and Category.objects.filter(pk=category.pk, jurors=user).exists()


def juror_categories(user: Any) -> QuerySet[Category]:
    """Categories the user is a juror of, newest cycle first."""
    if not user.is_authenticated:
        return Category.objects.none()
    return (
        Category.objects.filter(jurors=user, cycle__published=False)
        .select_related("cycle")
        .order_by("-cycle__year", "sort_order")
    )


def _require_juror(user: Any, category: Category) -> None:
    if not is_juror(user, category):
        raise PermissionDenied(_("Bạn không phải thành viên hội đồng chấm của hạng mục này."))


def _conflicted(user: Any, nomination: Nomination) -> bool:
    return ConflictDeclaration.objects.filter(juror=user, nomination=nomination).exists()


def nominees_for(user: Any, category: Category) -> QuerySet[Nomination]:
    """The eligible nominees the juror may see: never one they declared a conflict with."""
    _require_juror(user, category)
    return (
        Nomination.objects.filter(category=category, status=Nomination.Status.ELIGIBLE)
        .exclude(conflicts__juror=user)
        .select_related("enterprise", "enterprise__sector", "enterprise__area")
        .order_by("enterprise__name")
    )


def nominee_for(user: Any, nomination: Nomination) -> Nomination:
    """The nominee as the juror may open it; PermissionDenied when conflicted or not a juror."""
    _require_juror(user, nomination.category)
    if nomination.status != Nomination.Status.ELIGIBLE or _conflicted(user, nomination):
        raise PermissionDenied(_("Bạn không được xem đề cử này."))
    return nomination


@transaction.atomic
def declare_conflict(user: Any, nomination: Nomination, reason: str) -> ConflictDeclaration:
    _require_juror(user, nomination.category)
    if not (reason or "").strip():
        raise ValidationError(_("Ghi rõ lý do xung đột lợi ích."))
    declaration, created = ConflictDeclaration.objects.get_or_create(
        juror=user, nomination=nomination, defaults={"reason": reason.strip()}
    )
    log(instance=nomination, action="honors.conflict", user=user, data={"reason": reason.strip()})
    if created:
        audit.record(user, "honours.conflict", nomination, reason=reason.strip())
    return declaration


def weighted_score(criteria: Sequence[JuryCriterion], scores: Mapping[int, int | str]) -> Decimal:
    """Weighted mean of the criterion scores, each scaled to its maximum, on 0–100."""
    total_weight = sum(Decimal(c.weight) for c in criteria)
    if not total_weight:
        return Decimal(0)
    value = sum(Decimal(c.weight) * Decimal(scores[c.pk]) / Decimal(c.max_score) for c in criteria) / total_weight
    return (value * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@transaction.atomic
def submit_review(
    user: Any, nomination: Nomination, scores: Mapping[int, int | str], comment: str = "", day: date | None = None
) -> JuryReview:
    """Score a nominee on every criterion of the cycle, in the jury phase only. `scores` maps
    criterion id → score; `day` replays past work (the demo)."""
    nominee_for(user, nomination)
    require_scoring(nomination.category.cycle, day)
    criteria = list(nomination.category.cycle.criteria.all())
    errors = {}
    for criterion in criteria:
        value = scores.get(criterion.pk)
        if value is None or not 0 <= int(value) <= criterion.max_score:
            errors[criterion.pk] = _("Điểm phải từ 0 đến %(max)s.") % {"max": criterion.max_score}
    if errors:
        raise ValidationError(errors)
    review, _created = JuryReview.objects.update_or_create(
        juror=user,
        nomination=nomination,
        defaults={"comment": comment, "weighted_score": weighted_score(criteria, scores)},
    )
    review.scores.all().delete()
    JuryScore.objects.bulk_create(
        [JuryScore(review=review, criterion=criterion, score=int(scores[criterion.pk])) for criterion in criteria]
    )
    log(
        instance=nomination,
        action="honors.score",
        user=user,
        data={"weighted_score": str(review.weighted_score)},
    )
    return review


def own_review(user: Any, nomination: Nomination) -> JuryReview | None:
    return JuryReview.objects.filter(juror=user, nomination=nomination).prefetch_related("scores").first()


def others_reviews(user: Any, nomination: Nomination) -> list[JuryReview]:
    """Other jurors' reviews, shown only once the juror has submitted their own; reviews by
    jurors who declared a conflict are never shown."""
    if own_review(user, nomination) is None:
        return []
    return list(
        JuryReview.objects.filter(nomination=nomination)
        .exclude(juror=user)
        .exclude(juror__in=ConflictDeclaration.objects.filter(nomination=nomination).values("juror"))
        .select_related("juror")
        .prefetch_related("scores")
        .order_by("submitted_at")
    )


def _quantize(value: Decimal | float) -> Decimal:
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def aggregates(category: Category) -> list[dict[str, Any]]:
    """Per eligible nominee: mean, median, spread (max − min) and standard deviation of the
    jurors' weighted scores, excluding conflicted jurors, beside the DBI result. Three
    queries whatever the number of nominees and jurors. Sorted by mean, best first."""
    nominations = list(
        Nomination.objects.filter(category=category, status=Nomination.Status.ELIGIBLE).select_related("enterprise")
    )
    conflicts = set(
        ConflictDeclaration.objects.filter(nomination__category=category).values_list("nomination_id", "juror_id")
    )
    by_nomination: dict[int, list[Decimal]] = {}
    for nomination_id, juror_id, score in JuryReview.objects.filter(nomination__category=category).values_list(
        "nomination_id", "juror_id", "weighted_score"
    ):
        if (nomination_id, juror_id) in conflicts:
            continue
        by_nomination.setdefault(nomination_id, []).append(Decimal(score))
    rows: list[dict[str, Any]] = []
    for nomination in nominations:
        scores = by_nomination.get(nomination.pk, [])
        rows.append(
            {
                "nomination": nomination,
                "count": len(scores),
                "mean": _quantize(statistics.fmean(scores)) if scores else None,
                "median": _quantize(statistics.median(scores)) if scores else None,
                "spread": _quantize(max(scores) - min(scores)) if scores else None,
                "stdev": _quantize(statistics.pstdev(scores)) if len(scores) > 1 else None,
                "dbi_total": nomination.dbi_total,
                "dbi_level": nomination.dbi_level,
                "conflicts": sum(1 for key in conflicts if key[0] == nomination.pk),
            }
        )
    rows.sort(key=lambda row: (row["mean"] is None, -(row["mean"] or 0), -(row["dbi_total"] or 0)))
    return rows


def summary_for(user: Any, category: Category) -> tuple[list[dict[str, Any]], bool]:
    """The committee's summary as this user may see it.

    While scoring is open, a row's figures (count, mean, median, spread, deviation) are shown
    only to a juror who has submitted their own score for that nominee: otherwise two scores
    and their mean and spread give both away. Once scoring has closed the full summary is
    open to the committee. A nominee the user declared a conflict with is never in it.
    Returns (rows, full) where `full` says whether every row is open."""
    rows = aggregates(category)
    if user.is_authenticated:
        hidden = set(ConflictDeclaration.objects.filter(juror=user).values_list("nomination_id", flat=True))
        rows = [row for row in rows if row["nomination"].pk not in hidden]
    full = category.cycle.scoring_closed
    if not full:
        own = set(
            JuryReview.objects.filter(juror=user, nomination__category=category).values_list("nomination_id", flat=True)
        )
        for row in rows:
            row["open"] = row["nomination"].pk in own
            if not row["open"]:
                for key in ("count", "mean", "median", "spread", "stdev"):
                    row[key] = None
        rows.sort(key=lambda row: row["nomination"].enterprise.name)
    else:
        for row in rows:
            row["open"] = True
    return rows, full
