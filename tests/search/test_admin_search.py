"""Every admin listing's search box, as the role that uses it: no HTTP 500 and no diacritics
needed ("hung" finds "Hùng", "dak mil" finds "Đắk Mil")."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def login(client, *roles, **extra):
    user = UserFactory(roles=list(roles), **extra)
    client.force_login(user)
    return user


def listing(client, url, query):
    response = client.get(url, {"q": query})
    assert response.status_code == 200, response.content.decode()[-2000:]
    return response.content.decode()


def test_nominations_search_finds_the_right_one(client):
    from honors.factories import NominationFactory

    found = NominationFactory(statement="Doanh nghiệp tiên phong chuyển đổi số ở Đắk Mil")
    missed = NominationFactory(statement="Hợp tác xã nông nghiệp sạch")
    login(client, "honours_committee")
    url = reverse("wagtailsnippets_honors_nomination:list")
    html = listing(client, url, "TIEN PHONG dak mil")
    assert reverse("wagtailsnippets_honors_nomination:edit", args=[found.pk]) in html
    assert reverse("wagtailsnippets_honors_nomination:edit", args=[missed.pk]) not in html


def test_journalists_search_without_diacritics(client):
    from stories.factories import JournalistFactory

    hung = JournalistFactory(name="Nguyễn Văn Hùng")
    lan = JournalistFactory(name="Trần Thị Lan")
    login(client, "desk_editor_newspaper")
    url = reverse("wagtailsnippets_stories_journalist:list")
    html = listing(client, url, "hung")
    assert reverse("wagtailsnippets_stories_journalist:edit", args=[hung.pk]) in html
    assert reverse("wagtailsnippets_stories_journalist:edit", args=[lan.pk]) not in html
    # Autocomplete on a prefix works too, as Wagtail's admin search asks for it.
    assert reverse("wagtailsnippets_stories_journalist:edit", args=[hung.pk]) in listing(client, url, "nguyen van h")


def test_event_check_in_at_the_door_without_diacritics(client, site_home):
    from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory

    index = EventIndexPageFactory(parent=site_home)
    event = EventPageFactory(parent=index)
    hung = RegistrationFactory(event=event, attendee_name="Lê Văn Hùng")
    RegistrationFactory(event=event, attendee_name="Phạm Thị Lan")
    # An organiser manages only the events that name them.
    event.organisers.add(login(client, "event_organiser"))
    event.save()  # a page's organisers are saved with the page
    url = reverse("events_admin:check_in", args=[event.pk])
    for query in ("hung", "HÙNG", "le van hung", "Hùng"):
        html = listing(client, url, query)
        assert "Lê Văn Hùng" in html, query
        assert "Phạm Thị Lan" not in html, query
    assert "Lê Văn Hùng" in listing(client, url, hung.phone)


def test_registrations_listing_without_diacritics(client, site_home):
    from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory

    event = EventPageFactory(parent=EventIndexPageFactory(parent=site_home))
    RegistrationFactory(event=event, attendee_name="Lê Văn Hùng")
    RegistrationFactory(event=event, attendee_name="Phạm Thị Lan")
    # An organiser manages only the events that name them.
    event.organisers.add(login(client, "event_organiser"))
    event.save()  # a page's organisers are saved with the page
    html = listing(client, reverse("event_registrations:index"), "hung")
    assert "Lê Văn Hùng" in html
    assert "Phạm Thị Lan" not in html


def test_submissions_listing_without_diacritics(client):
    from assessment_forms.factories import SubmissionFactory
    from enterprises.factories import EnterpriseFactory

    SubmissionFactory(enterprise=EnterpriseFactory(name="Công ty Cổ phần Cà phê Đắk Mil"))
    SubmissionFactory(enterprise=EnterpriseFactory(name="Hợp tác xã Tiêu Đắk Song"))
    login(client, "assessor")
    html = listing(client, reverse("assessment_submissions:index"), "ca phe dak mil")
    assert "Cà phê Đắk Mil" in html
    assert "Tiêu Đắk Song" not in html


def test_enterprises_listing_without_diacritics(client):
    from enterprises.factories import EnterpriseFactory

    EnterpriseFactory(name="Công ty Cổ phần Cà phê Đắk Mil")
    EnterpriseFactory(name="Hợp tác xã Tiêu Đắk Song")
    login(client, "programme_editor")
    html = listing(client, reverse("wagtailsnippets_enterprises_enterprise:list"), "DAK MIL")
    assert "Cà phê Đắk Mil" in html
    assert "Tiêu Đắk Song" not in html


def test_users_listing_without_diacritics(client):
    UserFactory(username="hung", first_name="Hùng", last_name="Lê Văn")
    UserFactory(username="lan", first_name="Lan", last_name="Phạm Thị")
    login(client, is_superuser=True, username="quantri")
    html = listing(client, reverse("wagtailusers_users:index"), "le van hung")
    assert "Lê Văn" in html
    assert "Phạm Thị" not in html
