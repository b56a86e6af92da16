"""Decree 80/2021/NĐ-CP art. 5 size classes: every limit, exactly at it and one over, and missing figures."""

from decimal import Decimal

import pytest

from enterprises.factories import EnterpriseFactory, SectorFactory
from enterprises.models import Enterprise, Sector
from enterprises.sizing import AGRI_INDUSTRY, LIMITS, TRADE_SERVICES, classify

ORDER = ["micro", "small", "medium", "large"]


def cases():
    for group, limits in LIMITS.items():
        for index, (size, max_employees, max_revenue, max_capital) in enumerate(limits):
            bigger = ORDER[index + 1]
            # Employees: at the limit (with a revenue that fits) stays, one over moves up.
            yield group, max_employees, max_revenue, None, size
            yield group, max_employees + 1, max_revenue, None, bigger
            # Revenue at the limit and one (million VND) over, capital missing.
            yield group, max_employees, max_revenue, None, size
            yield group, max_employees, max_revenue + 1, None, bigger
            # Capital at the limit and one over, revenue missing.
            yield group, max_employees, None, max_capital, size
            yield group, max_employees, None, max_capital + 1, bigger
            # Revenue over but capital at the limit: "or" keeps the class.
            yield group, max_employees, max_revenue + 1, max_capital, size
            # Both over: next class.
            yield group, max_employees, max_revenue + 1, max_capital + 1, bigger


@pytest.mark.parametrize(("group", "employees", "revenue", "capital", "expected"), list(cases()))
def test_every_boundary(group, employees, revenue, capital, expected):
    assert classify(employees, revenue, capital, group).size_class == expected


def test_limits_are_those_of_the_decree():
    assert LIMITS[AGRI_INDUSTRY] == (
        ("micro", 10, 3_000, 3_000),
        ("small", 100, 50_000, 20_000),
        ("medium", 200, 200_000, 100_000),
    )
    assert LIMITS[TRADE_SERVICES] == (
        ("micro", 10, 10_000, 3_000),
        ("small", 50, 100_000, 50_000),
        ("medium", 100, 300_000, 100_000),
    )


@pytest.mark.parametrize("group", [AGRI_INDUSTRY, TRADE_SERVICES])
def test_missing_figures(group):
    assert classify(None, 1, 1, group).size_class == ""
    assert "lao động" in classify(None, 1, 1, group).basis
    assert classify(5, None, None, group).size_class == ""
    assert classify(5, "", "", group).size_class == ""
    only_revenue = classify(5, 1, None, group)
    assert only_revenue.size_class == "micro" and "chỉ xét doanh thu" in only_revenue.basis
    only_capital = classify(5, None, 1, group)
    assert only_capital.size_class == "micro" and "chỉ xét nguồn vốn" in only_capital.basis
    assert classify(201, 1, 1, group).size_class == "large"


def test_same_figures_differ_by_group():
    # 60 employees, 40 bn revenue: small in agriculture/industry, medium in trade/services.
    assert classify(60, 40_000, None, AGRI_INDUSTRY).size_class == "small"
    assert classify(60, 40_000, None, TRADE_SERVICES).size_class == "medium"


def test_result_records_the_figures():
    result = classify("12", "5000.5", 3000, TRADE_SERVICES)
    assert (result.employees, result.revenue, result.capital) == (12, Decimal("5000.5"), Decimal(3000))


def test_unknown_group():
    with pytest.raises(ValueError):
        classify(1, 1, 1, "mining")


@pytest.mark.django_db
class TestStoredSize:
    def test_stored_with_its_figures_and_recomputed_on_change(self):
        sector = SectorFactory(code="Z-AGRI", size_group=Sector.SizeGroup.AGRI_INDUSTRY)
        enterprise = EnterpriseFactory(sector=sector, employees=10, revenue=3000, capital=None)
        enterprise.refresh_from_db()
        assert enterprise.size_class == Enterprise.SizeClass.MICRO
        assert (enterprise.size_employees, enterprise.size_revenue) == (10, Decimal("3000.00"))
        assert enterprise.size_group == Sector.SizeGroup.AGRI_INDUSTRY
        assert enterprise.size_basis

        enterprise.employees = 11
        enterprise.save()
        enterprise.refresh_from_db()
        assert enterprise.size_class == Enterprise.SizeClass.SMALL
        assert enterprise.size_employees == 11

    def test_recomputed_when_the_sector_group_changes(self):
        agri = SectorFactory(code="Z-A2", size_group=Sector.SizeGroup.AGRI_INDUSTRY)
        trade = SectorFactory(code="Z-T2", size_group=Sector.SizeGroup.TRADE_SERVICES)
        enterprise = EnterpriseFactory(sector=trade, employees=5, revenue=8000, capital=None)
        assert enterprise.size_class == "micro"
        enterprise.sector = agri
        enterprise.save()
        assert enterprise.size_class == "small"

    def test_factory_can_force_a_class(self):
        assert EnterpriseFactory().size_class == "small"
        forced = EnterpriseFactory(size_class=Enterprise.SizeClass.MEDIUM)
        forced.refresh_from_db()
        assert forced.size_class == "medium"
