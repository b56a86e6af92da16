"""The yearly figures, computed again here from the rows the test makes."""

import datetime
import random
import statistics
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from enterprises.factories import EnterpriseFactory
from support import services
from support.factories import ConsultantFactory, SupportRequestFactory, topic

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def year_of_requests(units):
    rng = random.Random(7)
    shop, data = topic("thuong-mai-dien-tu"), topic("du-lieu")
    small = EnterpriseFactory(area=units["district"], size_class="small")
    micro = EnterpriseFactory(area=units["other"], size_class="micro")
    rows = []
    # 12 about e-commerce from the small enterprise, 3 about data from the micro one (a small group).
    for n in range(15):
        created = datetime.datetime(2025, 1 + n % 6, 3 + n, 9, tzinfo=VN)
        first = created + datetime.timedelta(hours=rng.randint(2, 80)) if n != 14 else None
        resolved = first + datetime.timedelta(days=rng.randint(1, 9)) if first and n % 3 else None
        rating = rng.randint(1, 5) if resolved else None
        req = SupportRequestFactory(
            enterprise=small if n < 12 else micro,
            topic=shop if n < 12 else data,
            created_at=created,
            first_response_at=first,
            resolved_at=resolved,
            rating=rating,
            status="resolved" if resolved else ("in_progress" if first else "new"),
        )
        rows.append(req)
    SupportRequestFactory(created_at=datetime.datetime(2024, 12, 31, 9, tzinfo=VN))  # another year
    return rows


def test_figures_match_an_independent_computation(year_of_requests):
    rows = year_of_requests
    got = services.figures(2025)
    assert got["total"] == 15
    assert {r["label"]: r["count"] for r in got["by_topic"]} == {"Thương mại điện tử": 12, "Dữ liệu và phân tích": None}
    assert {r["label"]: r["count"] for r in got["by_area"]} == {"Huyện Cũ": 12, "Huyện Khác": None}
    by_size = {r["key"]: r["count"] for r in got["by_size"]}
    assert by_size == {"small": 12, "micro": None}
    months = {}
    for r in rows:
        months[r.created_at.astimezone(VN).month] = months.get(r.created_at.astimezone(VN).month, 0) + 1
    assert [m["count"] for m in got["by_month"]] == [
        months.get(m) if months.get(m, 0) >= 5 else None for m in range(1, 13)
    ]
    answered = [r for r in rows if r.first_response_at]
    expected_first = statistics.median((r.first_response_at - r.created_at).total_seconds() / 3600 for r in answered)
    assert got["median_first_response_hours"] == round(expected_first, 1)
    resolved = [r for r in rows if r.resolved_at]
    expected_resolution = statistics.median((r.resolved_at - r.created_at).total_seconds() / 86400 for r in resolved)
    assert got["median_resolution_days"] == round(expected_resolution, 1)
    within = sum(1 for r in answered if r.first_response_at <= r.first_response_due)
    assert got["within_target_share"] == round(100 * within / len(answered), 1)
    ratings = [r.rating for r in rows if r.rating]
    assert len(ratings) >= 5
    assert got["average_rating"] == round(sum(ratings) / len(ratings), 2)


def test_small_numbers_are_not_published(units):
    for rating in (5, 5, 1):
        SupportRequestFactory(
            created_at=datetime.datetime(2025, 3, 3, 9, tzinfo=VN),
            status="resolved",
            rating=rating,
            first_response_at=datetime.datetime(2025, 3, 3, 15, tzinfo=VN),
            resolved_at=datetime.datetime(2025, 3, 5, 15, tzinfo=VN),
        )
    got = services.figures(2025)
    assert got["total"] == 3
    assert got["average_rating"] is None and got["median_first_response_hours"] is None
    assert all(row["count"] is None for row in got["by_topic"])


def test_load(units, topic):
    busy = ConsultantFactory(name="Bận", capacity=2)
    ConsultantFactory(name="Rảnh")
    SupportRequestFactory(topic=topic, status="in_progress", consultant=busy)
    SupportRequestFactory(topic=topic, status="waiting", consultant=busy)
    SupportRequestFactory(topic=topic, status="closed", consultant=busy)
    SupportRequestFactory(topic=topic)
    load = services.figures(2025)["load"]
    assert load == {"consultants": 2, "open_requests": 2, "average_open": 1.0, "at_capacity": 1, "unassigned_open": 1}


def test_figures_page(client, year_of_requests):
    response = client.get(reverse("support:figures"), {"nam": "2025"})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-value="15"' in body and "&lt; 5" in body
    assert client.get(reverse("support:figures"), {"nam": "abc"}).status_code == 200
