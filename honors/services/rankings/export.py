"""The ranking's rows as plain values, exactly as the table shows them (CSV and JSON)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from ...models import RankingEntry
from ...models.rankings import PILLARS


def export_rows(
    entries: Iterable[RankingEntry], profile_url: Callable[[RankingEntry], str] | None = None
) -> list[dict[str, Any]]:
    """The rows exactly as the table shows them, as plain values (CSV and JSON use these)."""
    rows = []
    for entry in entries:
        rows.append(
            {
                "rank": entry.rank,
                "enterprise": entry.name,
                "sector": entry.sector.name if entry.sector else "",
                "area": entry.area.name if entry.area else "",
                "size_class": entry.size_class,
                "total": _number(entry.total),
                "max_total": _number(entry.max_total),
                "level": entry.level,
                **{code.upper(): _number(getattr(entry, code)) for code in PILLARS},
                "verified_on": entry.verified_at.date().isoformat(),
                "profile": profile_url(entry) if profile_url else "",
            }
        )
    return rows


def _number(value: Decimal | float) -> int | float:
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)
