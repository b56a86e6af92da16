"""Reading results: the contract for honours, dashboard and home."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from django.db.models import Prefetch, QuerySet

from ..models import (
    AssessmentPage,
    PillarScore,
    Submission,
)
from .frameworks import DEFAULT_FRAMEWORK


def assessment_page(language_code: str = "vi") -> AssessmentPage | None:
    """The live self-assessment page in this language (the target of the "Bắt đầu tự đánh giá"
    calls to action of stories, handbook chapters and events), or None before it exists."""
    return AssessmentPage.objects.live().filter(locale__language_code=language_code).order_by("path").first()


def verified_results(year: int | None = None, framework_code: str = DEFAULT_FRAMEWORK) -> QuerySet[Submission]:
    """Verified submissions (any version of the framework), with enterprise, sector, area,
    framework and pillar scores loaded — the only results that count for rankings and honours."""
    qs = (
        Submission.objects.verified()
        .filter(framework__code=framework_code)
        .select_related("enterprise", "enterprise__sector", "enterprise__area", "framework")
        .prefetch_related(
            Prefetch("pillar_scores", queryset=PillarScore.objects.select_related("pillar").order_by("pillar__order"))
        )
    )
    if year is not None:
        qs = qs.filter(year=year)
    return qs


def latest_verified(enterprise: Any, framework_code: str = DEFAULT_FRAMEWORK) -> Submission | None:
    """The enterprise's most recent verified submission, or None."""
    return (
        verified_results(framework_code=framework_code)
        .filter(enterprise=enterprise)
        .order_by("-year", "-verified_at")
        .first()
    )


def latest_verified_by_enterprise(
    enterprises: Iterable[Any], framework_code: str = DEFAULT_FRAMEWORK
) -> dict[int, Submission]:
    """{enterprise id: its most recent verified submission} for many enterprises in two queries
    (with the pillar scores), whatever their number (perf, issue 21)."""
    ids = [getattr(enterprise, "pk", enterprise) for enterprise in enterprises]
    latest: dict[int, Submission] = {}
    if ids:
        rows = (
            verified_results(framework_code=framework_code)
            .filter(enterprise_id__in=ids)
            .order_by("enterprise_id", "-year", "-verified_at")
        )
        for submission in rows:
            # filtered on enterprise_id__in: never None here
            latest.setdefault(cast(int, submission.enterprise_id), submission)
    return latest


def latest_scored(enterprise: Any, framework_code: str = DEFAULT_FRAMEWORK) -> Submission | None:
    """The enterprise's most recent submitted or verified result (verified or not), or None."""
    return (
        Submission.objects.scored()
        .filter(enterprise=enterprise, framework__code=framework_code)
        .order_by("-year", "-submitted_at")
        .first()
    )
