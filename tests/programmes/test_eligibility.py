"""Eligibility of an enterprise for a support programme, at every boundary of every rule."""

import datetime

import pytest

from enterprises.factories import EnterpriseFactory
from programmes import services
from programmes.factories import ApplicationFactory
from programmes.models import Application

pytestmark = pytest.mark.django_db


def failed(checks):
    return {check.rule for check in checks if not check.ok}


@pytest.mark.parametrize(("size", "ok"), [("micro", True), ("small", True), ("medium", True), ("large", False)])
def test_size_class_boundary(programme, make_result, today, size, ok):
    enterprise = EnterpriseFactory(size_class=size)
    make_result(enterprise, level=2)
    checks = services.check_eligibility(programme, enterprise, today=today)
    assert ("size" not in failed(checks)) is ok
    assert services.is_eligible(checks) is ok


def test_unclassified_enterprise_is_told_why(programme, make_result, today):
    enterprise = EnterpriseFactory(employees=None, revenue=None, capital=None)
    assert enterprise.size_class == ""
    make_result(enterprise, level=2)
    checks = services.check_eligibility(programme, enterprise, today=today)
    reason = next(c.reason for c in checks if c.rule == "size")
    assert "chưa xác định được quy mô" in reason


@pytest.mark.parametrize(("level", "ok"), [(0, False), (1, True), (3, True), (4, False)])
def test_level_range_boundaries(programme, make_result, today, level, ok):
    enterprise = EnterpriseFactory(size_class="small")
    make_result(enterprise, level=level)
    checks = services.check_eligibility(programme, enterprise, today=today)
    assert ("level" not in failed(checks)) is ok


@pytest.mark.parametrize(
    ("on", "ok"),
    [
        (datetime.date(2025, 6, 15), True),  # exactly 12 months before 15/6/2026
        (datetime.date(2025, 6, 14), False),  # one day more
        (datetime.date(2026, 6, 15), True),
    ],
)
def test_result_age_boundary(programme, make_result, today, on, ok):
    enterprise = EnterpriseFactory(size_class="small")
    make_result(enterprise, level=2, on=on)
    checks = services.check_eligibility(programme, enterprise, today=today)
    assert ("age" not in failed(checks)) is ok


def test_unverified_result_counts_only_where_the_programme_allows(programme, make_result, today):
    enterprise = EnterpriseFactory(size_class="small")
    make_result(enterprise, level=2, verified=False)
    checks = services.check_eligibility(programme, enterprise, today=today)
    assert "dbi" in failed(checks)
    programme.require_verified = False
    programme.save()
    assert services.is_eligible(services.check_eligibility(programme, enterprise, today=today))


def test_no_result_at_all(programme, today):
    enterprise = EnterpriseFactory(size_class="small")
    assert "dbi" in failed(services.check_eligibility(programme, enterprise, today=today))


def test_outside_the_period_or_closed(programme, make_result):
    enterprise = EnterpriseFactory(size_class="small")
    make_result(enterprise, level=2, on=datetime.date(2026, 12, 31))
    assert "period" not in failed(services.check_eligibility(programme, enterprise, today=datetime.date(2026, 12, 31)))
    assert "period" in failed(services.check_eligibility(programme, enterprise, today=datetime.date(2027, 1, 1)))
    programme.status = programme.Status.CLOSED
    assert "period" in failed(services.check_eligibility(programme, enterprise, today=datetime.date(2026, 12, 31)))


def test_sector_and_area_rules(programme, make_result, today):
    from enterprises.factories import AdministrativeUnitFactory

    enterprise = EnterpriseFactory(size_class="small")
    make_result(enterprise, level=2)
    section = enterprise.sector
    while section.parent_id:
        section = section.parent
    programme.eligible_sectors = ["ZZ"]
    programme.save()
    assert "sector" in failed(services.check_eligibility(programme, enterprise, today=today))
    programme.eligible_sectors = [section.code]
    programme.save()
    assert "sector" not in failed(services.check_eligibility(programme, enterprise, today=today))
    elsewhere = AdministrativeUnitFactory()
    programme.eligible_areas.set([elsewhere])
    assert "area" in failed(services.check_eligibility(programme, enterprise, today=today))
    programme.eligible_areas.set([enterprise.area])
    assert "area" not in failed(services.check_eligibility(programme, enterprise, today=today))


def test_support_already_received_counts_across_versions(programme, make_result, today):
    enterprise = EnterpriseFactory(size_class="small")
    make_result(enterprise, level=2)
    ApplicationFactory(programme=programme, enterprise=enterprise, status=Application.Status.REFUSED)
    assert "received" not in failed(services.check_eligibility(programme, enterprise, today=today))
    ApplicationFactory(programme=programme, enterprise=enterprise, status=Application.Status.PAID)
    assert "received" in failed(services.check_eligibility(programme, enterprise, today=today))
    newer = services.new_version(programme)
    newer.status = newer.Status.OPEN
    newer.save()
    assert newer.slug.endswith("-v2") and newer.previous_id == programme.pk
    assert "received" in failed(services.check_eligibility(newer, enterprise, today=today))


def test_requested_amount_is_rate_capped_by_size(programme):
    small = EnterpriseFactory(size_class="small")
    assert services.requested_amount(programme, small, 40_000_000) == 20_000_000
    assert services.requested_amount(programme, small, 400_000_000) == 50_000_000
    micro = EnterpriseFactory(size_class="micro")
    assert services.requested_amount(programme, micro, 400_000_000) == 20_000_000
