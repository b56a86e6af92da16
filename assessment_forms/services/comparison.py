"""Comparisons on the result page: the enterprise's previous result, and the median of its
peers (never of a group under five)."""

from __future__ import annotations

import statistics
from typing import TYPE_CHECKING, Any

from ..models import (
    PillarScore,
    Submission,
)
from .linking import claimed_enterprise

if TYPE_CHECKING:
    from django.db.models import Q

MIN_PEERS = 5  # a median of fewer enterprises would reveal individual results


def previous_result(submission: Submission) -> Submission | None:
    """The enterprise's latest scored submission of an earlier year (same framework code)."""
    if not submission.enterprise_id:
        return None
    return (
        Submission.objects.scored()
        .filter(
            enterprise_id=submission.enterprise_id, framework__code=submission.framework.code, year__lt=submission.year
        )
        .prefetch_related("pillar_scores__pillar")
        .order_by("-year", "-submitted_at")
        .first()
    )


def _peer_groups(enterprise: Any) -> tuple[list[tuple[str, Q]], dict[str, Any]]:
    """The candidate peer groups, narrowest first: [(scope, Q on Submission, labels)].

    Sector means the VSIC section (a division counts under its section), area the district-level
    unit (a commune counts under its district; after 1/7/2025 a commune directly under the
    province is its own area). A dimension the enterprise lacks is skipped."""
    from django.db.models import Q

    sector = enterprise.sector
    section = sector.parent if sector is not None and sector.parent_id and sector.level > 1 else sector
    area = enterprise.area
    district = area
    if area is not None and area.level == "commune" and area.parent_id and area.parent.level == "district":
        district = area.parent
    size = enterprise.size_class or ""
    sector_q = Q(enterprise__sector=section) | Q(enterprise__sector__parent=section) if section else None
    size_q = Q(enterprise__size_class=size) if size else None
    area_q = Q(enterprise__area=district) | Q(enterprise__area__parent=district) if district else None
    groups: list[tuple[str, Q]] = []
    if sector_q is not None and size_q is not None and area_q is not None:
        groups.append(("sector_size_area", sector_q & size_q & area_q))
    if sector_q is not None and size_q is not None:
        groups.append(("sector_size", sector_q & size_q))
    if sector_q is not None:
        groups.append(("sector", sector_q))
    groups.append(("province", Q()))
    return groups, {"section": section, "size": size, "area": district}


def peer_group_label(scope: str, count: int, section: Any = None, size: str = "", area: Any = None) -> str:
    """ "37 doanh nghiệp nhỏ ngành C – Công nghiệp chế biến, chế tạo ở Đắk Mil": the group a
    median was taken over, in the current language."""
    from django.utils.translation import get_language, gettext

    from enterprises.models import Enterprise

    english = (get_language() or "").startswith("en")
    sizes = dict(Enterprise.SizeClass.choices)
    size_name = str(sizes.get(size, "")).lower()
    sector_name = ""
    if section is not None:
        sector_name = f"{section.code} – {(section.name_en if english and section.name_en else section.name)}"
    area_name = (area.name_en if english and area.name_en else area.name) if area is not None else ""
    values = {"count": count, "size": size_name, "sector": sector_name, "area": area_name}
    if scope == "sector_size_area":
        return gettext("%(count)s doanh nghiệp %(size)s ngành %(sector)s ở %(area)s") % values
    if scope == "sector_size":
        return gettext("%(count)s doanh nghiệp %(size)s ngành %(sector)s") % values
    if scope == "sector":
        return gettext("%(count)s doanh nghiệp ngành %(sector)s") % values
    return gettext("%(count)s doanh nghiệp trong toàn tỉnh") % values


def comparison(submission: Submission) -> dict[str, Any] | None:
    """The median of the narrowest group of verified peers that has at least MIN_PEERS
    enterprises: sector + size + area, then sector + size, then sector, then the whole province
    (same framework and year; the enterprise itself excluded). Returns {"count", "scope",
    "label", "total", "pillars"}; None only when even the province has fewer than MIN_PEERS, so
    no median of a group under five is ever shown. One query counts every group at once."""
    from django.db.models import Count

    # An unlinked submission is compared with the peers of the enterprise it names: the
    # classification is public, the medians are of others, nothing of the enterprise shows.
    enterprise = claimed_enterprise(submission)
    if enterprise is None:
        return None
    base = (
        Submission.objects.verified()
        .filter(framework__code=submission.framework.code, year=submission.year)
        .exclude(enterprise_id=enterprise.pk)
    )
    groups, parts = _peer_groups(enterprise)
    counts = base.aggregate(
        **{scope: Count("enterprise_id", filter=condition, distinct=True) for scope, condition in groups}
    )
    chosen = next(((scope, condition) for scope, condition in groups if counts[scope] >= MIN_PEERS), None)
    if chosen is None:
        return None
    scope, condition = chosen
    peers = base.filter(condition)
    totals = list(peers.values_list("total", flat=True))
    percents: dict[str, list[float]] = {}
    for code, percent in PillarScore.objects.filter(submission__in=peers).values_list("pillar__code", "percent"):
        percents.setdefault(code, []).append(float(percent))
    count = counts[scope]
    return {
        "count": count,
        "scope": scope,
        "label": peer_group_label(scope, count, **parts),
        "total": statistics.median(totals),
        "pillars": {code: round(statistics.median(values), 2) for code, values in percents.items()},
    }
