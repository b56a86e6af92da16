import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Locale

from enterprises.factories import AdministrativeUnitFactory
from events.factories import EventPageFactory, RegistrationFactory, local_datetime
from events.models import EventIndexPage, EventPage

pytestmark = pytest.mark.django_db


def titles(response):
    return [event.title for event in response.context["events"]]


@pytest.fixture
def catalogue(event_index):
    """Three upcoming events and one past, across two areas and formats."""
    gia_nghia = AdministrativeUnitFactory(code="660", name="Thành phố Gia Nghĩa")
    dak_mil = AdministrativeUnitFactory(code="663", name="Huyện Đắk Mil")
    today = timezone.localdate()
    month_later = (today.replace(day=1) + timedelta(days=40)).replace(day=10)
    return {
        "a": EventPageFactory(
            parent=event_index,
            title="Hội thảo thương mại điện tử",
            start=local_datetime(today + timedelta(days=3)),
            area=gia_nghia,
            audience_sizes=["micro"],
            pillars=["P1"],
        ),
        "b": EventPageFactory(
            parent=event_index,
            title="Tập huấn dữ liệu doanh nghiệp",
            start=local_datetime(month_later),
            area=dak_mil,
            audience_sizes=["medium", "large"],
            pillars=["P6", "P3"],
        ),
        "c": EventPageFactory(
            parent=event_index,
            title="Hội thảo trực tuyến chiến lược số",
            start=local_datetime(today + timedelta(days=1)),
            format="online",
            venue="",
            address="",
            online_url="https://meet.example.vn/chien-luoc",
            pillars=["P2"],
        ),
        "past": EventPageFactory(
            parent=event_index,
            title="Hội nghị tổng kết năm trước",
            start=local_datetime(today - timedelta(days=60)),
            area=gia_nghia,
        ),
        "gia_nghia": gia_nghia,
        "month_later": month_later,
    }


def test_index_lists_upcoming_soonest_first(client, event_index, catalogue):
    response = client.get(event_index.url)
    assert response.status_code == 200
    assert titles(response) == [
        "Hội thảo trực tuyến chiến lược số",
        "Hội thảo thương mại điện tử",
        "Tập huấn dữ liệu doanh nghiệp",
    ]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("format=online", ["Hội thảo trực tuyến chiến lược số"]),
        ("size=medium", ["Tập huấn dữ liệu doanh nghiệp"]),
        ("pillar=P6", ["Tập huấn dữ liệu doanh nghiệp"]),
        ("pillar=P1&size=micro", ["Hội thảo thương mại điện tử"]),
        ("pillar=P4", []),
    ],
)
def test_filters_live_in_the_url(client, event_index, catalogue, query, expected):
    response = client.get(f"{event_index.url}?{query}")
    assert titles(response) == expected


def test_area_and_month_filters(client, event_index, catalogue):
    response = client.get(f"{event_index.url}?area={catalogue['gia_nghia'].pk}")
    assert titles(response) == ["Hội thảo thương mại điện tử"]
    month = catalogue["month_later"].strftime("%Y-%m")
    response = client.get(f"{event_index.url}?month={month}")
    assert titles(response) == ["Tập huấn dữ liệu doanh nghiệp"]
    # An invalid value is ignored rather than failing.
    response = client.get(f"{event_index.url}?month=2025-13&area=abc")
    assert response.status_code == 200
    assert len(titles(response)) == 3


def test_archive_lists_past_events(client, event_index, catalogue):
    response = client.get(event_index.url + "archive/")
    assert response.status_code == 200
    assert titles(response) == ["Hội nghị tổng kết năm trước"]


def test_calendar_month_view(client, event_index, catalogue):
    month = catalogue["month_later"].strftime("%Y-%m")
    response = client.get(event_index.url + f"calendar/?month={month}")
    assert response.status_code == 200
    assert [e.title for e in response.context["month_events"]] == ["Tập huấn dữ liệu doanh nghiệp"]
    assert "Tập huấn dữ liệu doanh nghiệp" in response.content.decode()
    assert client.get(event_index.url + "calendar/?month=nonsense").status_code == 200


def test_listing_query_count_is_constant(client, event_index, catalogue):
    client.get(event_index.url)  # warm the site and locale caches
    with CaptureQueriesContext(connection) as few:
        client.get(event_index.url)
    for n in range(6):
        event = EventPageFactory(parent=event_index, title=f"Thêm {n}")
        RegistrationFactory(event=event)
    client.get(event_index.url)  # publishing cleared the caches; warm them again
    with CaptureQueriesContext(connection) as many:
        response = client.get(event_index.url)
    assert len(titles(response)) == 9
    assert len(many.captured_queries) == len(few.captured_queries)
    assert len(many.captured_queries) <= 25


def test_ical_feed_parses_with_timezone(client, event_index, catalogue):
    response = client.get(event_index.url + "ical/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Asia/Ho_Chi_Minh"]
    events = calendar.walk("VEVENT")
    assert len(events) == 4
    first = min(events, key=lambda e: e.decoded("DTSTART"))
    assert first.decoded("DTSTART").tzinfo is not None
    assert first["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert all(str(e["UID"]).startswith("event-") for e in events)
    # The online link of the online event is not published in the public feed.
    assert b"meet.example.vn" not in response.content


def test_event_ics(client, catalogue):
    event = catalogue["a"]
    response = client.get(event.ics_url())
    calendar = Calendar.from_ical(response.content)
    (item,) = calendar.walk("VEVENT")
    assert item["SUMMARY"] == event.title
    assert item.decoded("DTSTART") == event.start
    assert item.decoded("DTEND") == event.end
    assert "Thành phố Gia Nghĩa" in str(item["LOCATION"])


def test_event_page_has_schema_org_event(client, catalogue):
    event = catalogue["c"]
    response = client.get(event.url)
    assert response.status_code == 200
    html = response.content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Event"
    assert data["name"] == event.title
    assert data["startDate"].endswith("+07:00")
    assert data["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    # The online link is only for registered attendees.
    assert "meet.example.vn" not in html
    assert 'id="registration-form"' in html
    assert "Bộ chỉ số DBI và cách tự đánh giá" in html


def test_english_translation_shares_registrations(client, catalogue):
    from core.pages import translate_page

    event = catalogue["a"]
    english_index = event.get_parent().specific
    en = Locale.objects.get(language_code="en")
    translate_page(english_index, en, title="Events", slug="events")
    english = translate_page(event, en, title="E-commerce workshop", slug="e-commerce-workshop")
    RegistrationFactory(event=event, seats=2)
    assert isinstance(english, EventPage) and english.canonical.pk == event.pk
    assert english.seats_left() == event.capacity - 2
    english = EventPage.objects.get(pk=english.pk)
    response = client.get(english.url)
    assert response.status_code == 200
    assert "E-commerce workshop" in response.content.decode()


def test_page_type_rules():
    assert EventPage.parent_page_types == ["events.EventIndexPage"]
    assert EventIndexPage.subpage_types == ["events.EventPage"]


def test_validation_of_times_and_venue(event_index):
    from django.core.exceptions import ValidationError

    event = EventPage(
        title="Sai",
        summary="x",
        start=timezone.now(),
        end=timezone.now() - timedelta(hours=1),
        organiser="Sở",
        format="online",
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end" in error.value.message_dict and "online_url" in error.value.message_dict
