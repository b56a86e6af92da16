"""Issue 14: an event's organisers see and manage only that event's registrations."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from core.audit import AuditEntry
from events.factories import EventPageFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def refused(response):
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response["Location"].rstrip("/").endswith("/admin")


@pytest.fixture
def two_events(event_index):
    mine = EventPageFactory(parent=event_index, title="Tập huấn của tôi")
    theirs = EventPageFactory(parent=event_index, title="Tập huấn của nhóm khác")
    return (
        mine,
        theirs,
        RegistrationFactory(event=mine, attendee_name="Người Của Tôi"),
        RegistrationFactory(event=theirs, attendee_name="Người Của Nhóm Khác", email="khac@doanhnghiep.vn"),
    )


def test_an_organiser_manages_only_their_events(client, two_events):
    mine, theirs, my_registration, their_registration = two_events
    organiser = UserFactory(username="tochuc", roles=["event_organiser"])
    mine.organisers.add(organiser)
    mine.save()
    client.force_login(organiser)
    assert client.get(reverse("events_admin:dashboard", args=[mine.pk])).status_code == 200
    for name, args in (
        ("events_admin:dashboard", [theirs.pk]),
        ("events_admin:export", [theirs.pk, "csv"]),
        ("events_admin:check_in", [theirs.pk]),
        ("events_admin:sign_in_sheet", [theirs.pk]),
        ("events_admin:message", [theirs.pk]),
    ):
        assert refused(client.get(reverse(name, args=args))), name
    response = client.post(reverse("events_admin:registration_action", args=[their_registration.pk, "check-in"]))
    assert refused(response)
    their_registration.refresh_from_db()
    assert their_registration.checked_in_at is None

    listing = client.get(reverse("event_registrations:index")).content.decode()
    assert "Người Của Tôi" in listing and "Người Của Nhóm Khác" not in listing
    export = client.get(reverse("event_registrations:index") + "?export=csv")
    body = b"".join(export.streaming_content).decode()
    assert "Người Của Tôi" in body and "khac@doanhnghiep.vn" not in body
    assert refused(client.get(reverse("event_registrations:inspect", args=[their_registration.pk])))
    assert refused(client.get(reverse("event_registrations:edit", args=[their_registration.pk])))
    assert AuditEntry.objects.filter(action="export.personal_data", user=organiser).exists()


def test_an_organiser_group_names_its_members(client, two_events):
    from django.contrib.auth.models import Group

    mine, _theirs, _mine_reg, _their_reg = two_events
    team = Group.objects.create(name="Nhóm tập huấn Đắk Mil")
    organiser = UserFactory(username="tochuc_nhom", roles=["event_organiser"])
    organiser.groups.add(team)
    mine.organiser_groups.add(team)
    mine.save()
    client.force_login(organiser)
    assert client.get(reverse("events_admin:dashboard", args=[mine.pk])).status_code == 200


def test_programme_editors_see_every_event_and_exports_are_audited(client, two_events):
    mine, theirs, _a, _b = two_events
    editor = UserFactory(username="chuongtrinh", roles=["programme_editor"])
    client.force_login(editor)
    for event in (mine, theirs):
        assert client.get(reverse("events_admin:dashboard", args=[event.pk])).status_code == 200
    response = client.get(reverse("events_admin:export", args=[theirs.pk, "csv"]))
    body = b"".join(response.streaming_content).decode("utf-8-sig")  # the CSV is streamed
    assert response.status_code == 200 and "khac@doanhnghiep.vn" in body
    entry = AuditEntry.objects.get(action="export.personal_data", user=editor)
    assert entry.object_id == str(theirs.pk) and entry.details["format"] == "csv"


def test_a_restricted_event_stays_out_of_lists_calendar_feed_and_widget(client, event_index):
    from wagtail.models import PageViewRestriction

    from events.services import upcoming_events

    open_event = EventPageFactory(parent=event_index, title="Hội thảo mở cho mọi người")
    closed = EventPageFactory(parent=event_index, title="Buổi họp nội bộ của Sở")
    PageViewRestriction.objects.create(page=closed, restriction_type=PageViewRestriction.LOGIN)
    assert closed not in upcoming_events(limit=10) and open_event in upcoming_events(limit=10)
    month = open_event.start.strftime("?month=%Y-%m")
    for url in (
        event_index.url,
        event_index.url + "calendar/" + month,
        event_index.url + "ical/",
        reverse("events:widget"),
    ):
        body = client.get(url).content.decode()
        assert "Buổi họp nội bộ" not in body, url
    assert "Hội thảo mở" in client.get(event_index.url).content.decode()
