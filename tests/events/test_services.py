from datetime import timedelta

import pytest
from django.utils import timezone

from events import services
from events.blocks import UpcomingEventsBlock
from events.factories import EventPageFactory, RegistrationFactory, local_datetime
from events.models import Registration

pytestmark = pytest.mark.django_db
S = Registration.Status


def test_upcoming_events_by_pillar_and_limit(event_index):
    soon = EventPageFactory(parent=event_index, start=timezone.now() + timedelta(days=1), pillars=["P1"])
    later = EventPageFactory(parent=event_index, start=timezone.now() + timedelta(days=5), pillars=["P3", "P6"])
    EventPageFactory(parent=event_index, start=timezone.now() - timedelta(days=5))
    assert services.upcoming_events() == [soon, later]
    assert services.upcoming_events(limit=1) == [soon]
    assert services.upcoming_events(pillars=["P6"]) == [later]
    assert services.upcoming_events(pillars=["P4"]) == []
    assert services.upcoming_events(locale="en") == []


def test_year_statistics(event_index):
    this_year = timezone.localdate().year
    event = EventPageFactory(parent=event_index, start=local_datetime(timezone.localdate().replace(month=1, day=15)))
    RegistrationFactory(event=event, status=S.ATTENDED, seats=2)
    RegistrationFactory(event=event, status=S.CONFIRMED)
    RegistrationFactory(event=event, status=S.CANCELLED)
    assert services.year_statistics(this_year) == {"events": 1, "registrations": 2, "attendees": 2}
    assert services.year_statistics(this_year - 5) == {"events": 0, "registrations": 0, "attendees": 0}


def test_upcoming_events_block_renders(event_index):
    EventPageFactory(parent=event_index, title="Hội thảo sắp tới", start=timezone.now() + timedelta(days=2))
    block = UpcomingEventsBlock()
    html = block.render(block.to_python({"heading": "Lịch tập huấn", "count": 3, "pillars": []}))
    assert "Lịch tập huấn" in html and "Hội thảo sắp tới" in html


def test_widget_is_embeddable(client, event_index):
    EventPageFactory(parent=event_index, title="Hội thảo nhúng", start=timezone.now() + timedelta(days=2))
    response = client.get("/widgets/events/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "Hội thảo nhúng" in response.content.decode()


def test_recommendation_provider_registered(event_index):
    from assessment_forms.services import recommendations

    event = EventPageFactory(parent=event_index, start=timezone.now() + timedelta(days=2), pillars=["P2"])
    items = services.recommend_events(["P2"])
    assert items == [{"title": event.title, "url": event.url, "kind": "event"}]
    assert any(item["url"] == event.url for item in recommendations(["P2"]))


def test_seats_never_exceed_capacity_sequentially(event_index):
    from core.spam import started_token
    from enterprises.factories import random_tax_code

    event = EventPageFactory(parent=event_index, capacity=5, max_seats_per_enterprise=3)
    outcomes = []
    for n in range(12):
        data = {
            "tax_code": f"0{n:08d}",
            "enterprise_name": f"DN {n}",
            "attendee_name": f"Người {n}",
            "email": f"p{n}@dn.vn",
            "phone": "0900000000",
            "seats": 1 + n % 2,
            "started": started_token(30),
        }
        data["tax_code"] = random_tax_code()
        outcomes.append(services.register(event, data))
    assert all(outcome.ok for outcome in outcomes)
    holding = sum(r.seats for r in Registration.objects.filter(event=event) if r.holds_seats)
    # 12 requests of 1 or 2 seats into 5: the seats fill (at most one seat left over by a
    # 2-seat request that did not fit) and never overflow; the rest wait.
    assert services.seats_taken(event) == holding
    assert 4 <= holding <= 5
    assert Registration.objects.filter(event=event, status=S.WAITING).count() >= 7
