"""Enterprise size classes of Decree 80/2021/NĐ-CP, article 5.

A pure function: no database, no Django models. Figures are in million VND.

An enterprise belongs to the smallest class whose employee limit it meets AND whose revenue
limit OR capital limit it meets; otherwise it is large. Employees are the yearly average of
workers with social insurance (art. 7), so they may have decimals, and the limits compare the
exact value: 10.0 employees fit "≤ 10", 10.4 do not (never rounded).

The sector group comes from the main business line registered with the business-registration
authority (art. 6 of Decree 80/2021; the "highest revenue" rule was the repealed Decree
39/2018's), i.e. the enterprise's main sector, in VSIC 2018 or VSIC 2025.

Missing figures (the rule we chose; documented in docs/enterprises.md):
- no employee figure: not classified ("" with the reason), because employees are a
  condition of every class;
- neither revenue nor capital: not classified;
- only one of revenue and capital: classified with that figure alone. The decree needs just
  one of the two to fit, so a fit proves the class; a miss may overstate the size (the
  unknown figure might have fitted), and the basis says which figure was used.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

AGRI_INDUSTRY = "agri_industry"
TRADE_SERVICES = "trade_services"

MICRO, SMALL, MEDIUM, LARGE, UNCLASSIFIED = "micro", "small", "medium", "large", ""

# (class, max employees, max revenue, max capital) in million VND, smallest class first.
LIMITS = {
    AGRI_INDUSTRY: (
        (MICRO, Decimal(10), Decimal(3_000), Decimal(3_000)),
        (SMALL, Decimal(100), Decimal(50_000), Decimal(20_000)),
        (MEDIUM, Decimal(200), Decimal(200_000), Decimal(100_000)),
    ),
    TRADE_SERVICES: (
        (MICRO, Decimal(10), Decimal(10_000), Decimal(3_000)),
        (SMALL, Decimal(50), Decimal(100_000), Decimal(50_000)),
        (MEDIUM, Decimal(100), Decimal(300_000), Decimal(100_000)),
    ),
}


@dataclass(frozen=True)
class SizeResult:
    size_class: str
    group: str
    basis: str
    employees: Decimal | None
    revenue: Decimal | None
    capital: Decimal | None


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {value!r}") from exc


def classify(employees: Any, revenue: Any, capital: Any, group: str) -> SizeResult:
    """The size class for these figures in this Decree 80 sector group, with the basis used."""
    if group not in LIMITS:
        raise ValueError(f"unknown sector group: {group!r}")
    employees, revenue, capital = _decimal(employees), _decimal(revenue), _decimal(capital)
    if employees is not None and employees < 0:
        raise ValueError(f"negative employees: {employees}")

    def result(size_class: str, basis: str) -> SizeResult:
        return SizeResult(size_class, group, basis, employees, revenue, capital)

    if employees is None:
        return result(UNCLASSIFIED, "Thiếu số lao động tham gia BHXH")
    if revenue is None and capital is None:
        return result(UNCLASSIFIED, "Thiếu cả doanh thu và tổng nguồn vốn")

    missing = ""
    if revenue is None:
        missing = " (không có doanh thu, chỉ xét nguồn vốn)"
    elif capital is None:
        missing = " (không có nguồn vốn, chỉ xét doanh thu)"
    for size_class, max_employees, max_revenue, max_capital in LIMITS[group]:
        if employees > max_employees:
            continue
        if revenue is not None and revenue <= max_revenue:
            return result(size_class, f"lao động ≤ {max_employees}, doanh thu ≤ {max_revenue} triệu đồng{missing}")
        if capital is not None and capital <= max_capital:
            return result(size_class, f"lao động ≤ {max_employees}, nguồn vốn ≤ {max_capital} triệu đồng{missing}")
    return result(LARGE, "vượt ngưỡng doanh nghiệp vừa" + missing)
