"""Eligibility of an enterprise for an award category, from the editors' rules and the
enterprise's verified DBI result (never an unverified one)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext as _

from ..models import Category, RankingEntry


def results_for(
    category: Category, enterprise_ids: Iterable[int] | None = None
) -> dict[int, tuple[RankingEntry, RankingEntry | None]]:
    """{enterprise_id: (this year's row, last year's row or None)} of verified results."""
    cycle = category.cycle
    qs = RankingEntry.objects.filter(
        framework_code=cycle.framework_code, year__in=[cycle.results_year - 1, cycle.results_year]
    )
    if enterprise_ids is not None:
        qs = qs.filter(enterprise_id__in=enterprise_ids)
    current: dict[int, RankingEntry] = {}
    previous: dict[int, RankingEntry] = {}
    for row in qs:
        (current if row.year == cycle.results_year else previous)[row.enterprise_id] = row
    return {key: (row, previous.get(key)) for key, row in current.items()}


def _within(unit_id: int | None, target: Any, parents: Mapping[int | None, int | None]) -> bool:
    return unit_id == target.pk or parents.get(unit_id) == target.pk


def check_eligibility(
    category: Category, enterprise: Any, result: RankingEntry | None = None, previous: RankingEntry | None = None
) -> list[str]:
    """A list of reasons the enterprise is not eligible (empty: eligible).

    `result` and `previous` are the enterprise's verified ranking rows for the cycle's results
    year and the year before; looked up when not given."""
    if result is None and previous is None:
        result, previous = results_for(category, [enterprise.pk]).get(enterprise.pk, (None, None))
    reasons = []
    if result is None:
        reasons.append(_("Chưa có kết quả DBI đã thẩm định năm %(year)s.") % {"year": category.cycle.results_year})
    elif result.level < category.min_level:
        reasons.append(
            _("Mức DBI đã thẩm định (%(level)s) thấp hơn mức tối thiểu %(min)s.")
            % {"level": result.level, "min": category.min_level}
        )
    if category.require_consent and not enterprise.publish_dbi_consent:
        reasons.append(_("Doanh nghiệp chưa đồng ý công bố kết quả DBI."))
    if category.size_class and enterprise.size_class != category.size_class:
        reasons.append(_("Quy mô doanh nghiệp không thuộc hạng mục này."))
    if category.sector_id and not (
        enterprise.sector_id == category.sector_id
        or (
            enterprise.sector is not None
            and category.sector_id in (enterprise.sector.parent_id, enterprise.sector.section_id)
        )
    ):
        reasons.append(_("Ngành của doanh nghiệp không thuộc hạng mục này."))
    if category.area_id and not (
        enterprise.area_id == category.area_id
        or (enterprise.area is not None and enterprise.area.parent_id == category.area_id)
    ):
        reasons.append(_("Địa bàn của doanh nghiệp không thuộc hạng mục này."))
    if category.kind == category.Kind.IMPROVEMENT and result is not None:
        if previous is None:
            reasons.append(_("Không có kết quả đã thẩm định năm trước để so sánh."))
        elif result.total - previous.total < max(category.min_improvement, 0) or result.total <= previous.total:
            reasons.append(_("Mức tăng tổng điểm chưa đạt yêu cầu của hạng mục."))
    return reasons
