"""The target clock: working days skip weekends and public holidays (rows, not code)."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from support.clock import add_working_days, target_for, working_days_between
from support.factories import SupportRequestFactory, topic
from support.models import PublicHoliday, ResponseTarget

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(y, m, d, h=10):
    return datetime.datetime(y, m, d, h, tzinfo=VN)


def test_across_a_weekend():
    PublicHoliday.objects.filter(date__range=("2026-03-01", "2026-03-31")).delete()
    # Thursday 12/3/2026 → Friday 13 (1), [Sat, Sun], Monday 16 (2).
    due = add_working_days(at(2026, 3, 12), 2)
    assert due.astimezone(VN).date() == datetime.date(2026, 3, 16)
    assert (due.astimezone(VN).hour, due.astimezone(VN).minute) == (23, 59)
    # Received on a Saturday evening: Monday and Tuesday are the two working days.
    assert add_working_days(at(2026, 3, 14, 21), 2).astimezone(VN).date() == datetime.date(2026, 3, 17)


def test_across_a_weekend_and_a_public_holiday():
    PublicHoliday.objects.update_or_create(date=datetime.date(2026, 4, 27), defaults={"name": "Nghỉ bù Giỗ Tổ"})
    PublicHoliday.objects.update_or_create(date=datetime.date(2026, 4, 30), defaults={"name": "30/4"})
    PublicHoliday.objects.update_or_create(date=datetime.date(2026, 5, 1), defaults={"name": "1/5"})
    # Friday 24/4 → [Sat 25, Sun 26, holiday Mon 27] → Tue 28 (1), Wed 29 (2).
    assert add_working_days(at(2026, 4, 24), 2).astimezone(VN).date() == datetime.date(2026, 4, 29)
    # Wednesday 29/4 → [30/4, 1/5, Sat, Sun] → Monday 4/5.
    assert add_working_days(at(2026, 4, 29), 1).astimezone(VN).date() == datetime.date(2026, 5, 4)
    # Without the holiday rows the same request would be due earlier: the data decides.
    PublicHoliday.objects.filter(date=datetime.date(2026, 4, 27)).delete()
    assert add_working_days(at(2026, 4, 24), 2).astimezone(VN).date() == datetime.date(2026, 4, 28)


def test_working_days_between():
    PublicHoliday.objects.update_or_create(date=datetime.date(2026, 4, 27), defaults={"name": "Nghỉ bù"})
    assert working_days_between(at(2026, 4, 24), at(2026, 4, 24, 17)) == 0
    assert working_days_between(at(2026, 4, 24), at(2026, 4, 28)) == 1


def test_targets_are_data_per_topic():
    ResponseTarget.objects.filter(topic__isnull=True).update(first_response_days=2, resolution_days=10)
    security = topic("an-toan-thong-tin")
    ResponseTarget.objects.update_or_create(topic=security, defaults={"first_response_days": 1, "resolution_days": 3})
    assert target_for(security) == (1, 3)
    assert target_for(topic("tiep-thi-so")) == (2, 10)
    PublicHoliday.objects.filter(date__range=("2026-03-01", "2026-03-31")).delete()
    req = SupportRequestFactory(topic=security, created_at=at(2026, 3, 12))
    assert req.first_response_due.astimezone(VN).date() == datetime.date(2026, 3, 13)
    assert req.resolution_due.astimezone(VN).date() == datetime.date(2026, 3, 17)


def test_overdue():
    req = SupportRequestFactory(created_at=at(2025, 3, 3))
    assert req.is_overdue()
    req.status = "resolved"
    assert not req.is_overdue()
