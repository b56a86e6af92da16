"""Event pages from the anonymous page cache (issue 21.2): the shared page carries no
per-visitor token, the form's tokens come from a never-cached endpoint, forgery and replay
are still refused, the no-JavaScript path works, and seats left follow registrations."""

import json
import re

import pytest
from django.test import Client, RequestFactory

from events.models import Registration

from .conftest import registration_data

pytestmark = pytest.mark.django_db

TOKEN_FIELDS = ("csrfmiddlewaretoken", "started", "submission_key")


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def quick_people(monkeypatch):
    """The tests post right after fetching a start token, faster than a person types."""
    monkeypatch.setattr("core.spam.HumanCheckForm.min_fill_seconds", 0)


def input_values(html, name):
    """The values of every input named `name` in the HTML."""
    values = []
    for tag in re.findall(r"<input[^>]*>", html):
        if re.search(rf'name="{name}"', tag):
            found = re.search(r'value="([^"]*)"', tag)
            values.append(found.group(1) if found else "")
    return values


def register_url(event):
    return event.url + event.reverse_subpage("register")


def post_url(event):
    """Where the form posts: the plain view `events:register` (no page routing)."""
    return f"/events/{event.pk}/register/"


def tokens_url(event):
    return event.url + event.reverse_subpage("form_tokens")


def test_event_page_is_cached_without_any_visitors_token(client, event, page_cache, django_assert_num_queries):
    first = client.get(event.url)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    assert "csrftoken" not in first.cookies
    html = first.content.decode()
    assert 'id="registration-form"' in html and f'data-tokens-url="{tokens_url(event)}"' in html
    assert f'action="{post_url(event)}"' in html
    for name in TOKEN_FIELDS:
        assert input_values(html, name) == [""], name  # present, empty: the script fills them
    assert "events/registration" in html and "<script>" not in html  # a site file, no inline script

    with django_assert_num_queries(0):
        second = Client().get(event.url)  # another visitor
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_token_endpoint_gives_fresh_single_use_tokens_never_cached(client, event, page_cache):
    answers = []
    for _ in range(2):
        response = client.get(tokens_url(event))
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "X-Page-Cache" not in response
        answers.append(json.loads(response.content))
    assert "csrftoken" in client.cookies  # the endpoint sets the CSRF cookie the POST needs
    first, second = answers
    assert first["open"] is True and all(first[name] for name in TOKEN_FIELDS)
    assert first["started"] != second["started"]
    assert first["submission_key"] != second["submission_key"]
    assert re.fullmatch(r"[0-9a-f]{32}", first["submission_key"])


def test_closed_event_endpoint_gives_no_tokens(client, event_index, page_cache):
    from datetime import timedelta

    from django.utils import timezone

    from events.factories import EventPageFactory

    closed = EventPageFactory(parent=event_index, registration_closes_at=timezone.now() - timedelta(hours=1))
    assert json.loads(client.get(tokens_url(closed)).content) == {"open": False}
    assert "csrftoken" not in client.cookies


def test_a_post_without_the_fetched_csrf_token_is_refused(event, page_cache, quick_people):
    browser = Client(enforce_csrf_checks=True)
    browser.get(event.url)  # the cached page: no token, no cookie
    data = registration_data()
    refused = browser.post(register_url(event), data)
    assert refused.status_code == 403
    assert not Registration.objects.exists()

    tokens = json.loads(browser.get(tokens_url(event)).content)
    data.update({name: tokens[name] for name in TOKEN_FIELDS})
    accepted = browser.post(register_url(event), data)
    assert accepted.status_code == 302 and "/events/registration/" in accepted.url
    assert Registration.objects.get().email == data["email"]

    # A replay of the same tokens gets the first registration's page, not a second one.
    replay = browser.post(register_url(event), data)
    assert replay.status_code == 302 and replay.url == accepted.url
    assert Registration.objects.count() == 1


def test_a_forged_post_from_another_site_is_refused(event, page_cache, quick_people):
    victim = Client(enforce_csrf_checks=True)
    victim.get(tokens_url(event))  # has a CSRF cookie; the forger's page cannot read the token
    data = {**registration_data(), "csrfmiddlewaretoken": "x" * 64}
    assert victim.post(register_url(event), data).status_code == 403
    assert not Registration.objects.exists()


def test_without_javascript_the_registration_page_has_its_own_tokens(event, page_cache, quick_people):
    browser = Client(enforce_csrf_checks=True)
    html = browser.get(event.url).content.decode()
    assert f'href="{register_url(event)}"' in html  # the link shown until the script runs

    page = browser.get(register_url(event))
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    form_html = page.content.decode()
    values = {name: input_values(form_html, name) for name in TOKEN_FIELDS}
    assert all(len(found) == 1 and found[0] for found in values.values()), values
    assert "data-tokens-url" not in form_html
    assert "X-Page-Cache" not in browser.get(register_url(event))  # never stored

    data = {**registration_data(), **{name: found[0] for name, found in values.items()}}
    response = browser.post(register_url(event), data)
    assert response.status_code == 302 and "/events/registration/" in response.url


def test_a_refused_post_shows_the_form_again_with_its_errors(event, page_cache, quick_people):
    browser = Client(enforce_csrf_checks=True)
    tokens = json.loads(browser.get(tokens_url(event)).content)
    data = {**registration_data(tax_code="123"), **{name: tokens[name] for name in TOKEN_FIELDS}}
    response = browser.post(register_url(event), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="registration-form"' in html and "hidden" not in re.search(r"<form[^>]*>", html).group(0)
    assert input_values(html, "csrfmiddlewaretoken")[0]
    assert not Registration.objects.exists()


def test_a_registration_updates_the_seats_on_cached_pages_only(
    client, event, site_home, page_cache, quick_people, django_capture_on_commit_callbacks
):
    from enterprises.factories import EnterpriseFactory

    known = EnterpriseFactory()  # a known enterprise: the registration adds no registry row
    tokens = json.loads(client.get(tokens_url(event)).content)
    data = {**registration_data(tax_code=known.tax_code, seats=2), **{n: tokens[n] for n in TOKEN_FIELDS}}
    index_url = event.get_parent().url
    for url in (event.url, index_url, site_home.url):
        client.get(url)
    assert "Còn 3 chỗ" in client.get(event.url).content.decode()
    assert all(client.get(url)["X-Page-Cache"] == "hit" for url in (event.url, index_url, site_home.url))

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(register_url(event), data).status_code == 302

    page = client.get(event.url)
    assert page["X-Page-Cache"] == "miss" and "Còn 1 chỗ" in page.content.decode()
    listing = client.get(index_url)
    assert listing["X-Page-Cache"] == "miss" and "Còn 1 chỗ" in listing.content.decode()
    assert client.get(site_home.url)["X-Page-Cache"] == "hit"  # nothing else was invalidated

    # Cancelling frees the seats again.
    with django_capture_on_commit_callbacks(execute=True):
        from events.services import cancel

        cancel(Registration.objects.get())
    assert "Còn 3 chỗ" in client.get(event.url).content.decode()


def test_a_change_during_the_render_is_not_stored_as_current(client, event, page_cache, monkeypatch):
    """The page's tokens are read before it renders: seats taken while it renders leave the
    stored copy stale, so the next visitor gets a fresh page."""
    from core import cache as versions
    from events.models import EventPage

    original = EventPage.seats_left

    def seats_left_then_someone_registers(self):
        left = original(self)
        versions.bump(f"page:{self.path}")  # a registration commits meanwhile
        return left

    monkeypatch.setattr(EventPage, "seats_left", seats_left_then_someone_registers)
    client.get(event.url)
    monkeypatch.setattr(EventPage, "seats_left", original)
    assert client.get(event.url)["X-Page-Cache"] == "miss"
    assert client.get(event.url)["X-Page-Cache"] == "hit"


# --- The form's POST endpoint (issue 21.4) -----------------------------------------------------
def test_the_cached_pages_form_posts_to_the_endpoint_protected_and_once(
    event, page_cache, quick_people, django_capture_on_commit_callbacks
):
    browser = Client(enforce_csrf_checks=True)
    browser.get(event.url)  # the cached page
    data = registration_data()
    assert browser.post(post_url(event), data).status_code == 403  # no CSRF token yet
    assert browser.get(post_url(event)).status_code == 405  # POST only

    tokens = json.loads(browser.get(tokens_url(event)).content)
    data.update({name: tokens[name] for name in TOKEN_FIELDS})
    with django_capture_on_commit_callbacks(execute=True):  # the seats' versions are bumped on commit
        accepted = browser.post(post_url(event), data)
    assert accepted.status_code == 302 and "/events/registration/" in accepted.url
    # A double click (the same tokens) or the same submission key with a new start token.
    # (The confirmation link is signed with the time, so it is compared without its signature.)
    assert browser.post(post_url(event), data).url.split(":")[0] == accepted.url.split(":")[0]
    other_start = {**data, "started": json.loads(browser.get(tokens_url(event)).content)["started"]}
    assert browser.post(post_url(event), other_start).url.split(":")[0] == accepted.url.split(":")[0]
    assert Registration.objects.count() == 1
    assert "Còn 2 chỗ" in browser.get(event.url).content.decode()  # seats left at once


def test_a_refused_post_to_the_endpoint_shows_the_page_with_its_errors(event, page_cache, quick_people):
    browser = Client(enforce_csrf_checks=True)
    tokens = json.loads(browser.get(tokens_url(event)).content)
    first = {**registration_data(), **{name: tokens[name] for name in TOKEN_FIELDS}}
    assert browser.post(post_url(event), first).status_code == 302
    tokens = json.loads(browser.get(tokens_url(event)).content)
    again = {**registration_data(email=first["email"]), **{name: tokens[name] for name in TOKEN_FIELDS}}
    response = browser.post(post_url(event), again)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "đã đăng ký sự kiện" in html and event.title in html
    assert input_values(html, "csrfmiddlewaretoken")[0]  # the form again, with its own token
    assert Registration.objects.count() == 1


def test_the_english_page_posts_in_english_to_the_same_seats(event, page_cache, quick_people):
    from wagtail.models import Locale

    english_index = event.get_parent().copy_for_translation(Locale.objects.get(language_code="en"))
    english_index.save_revision().publish()
    english = event.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    html = Client().get(english.url).content.decode()
    assert f'action="/en/events/{event.pk}/register/"' in html  # the default-language page's seats
    browser = Client(enforce_csrf_checks=True)
    tokens = json.loads(browser.get(tokens_url(english)).content)
    data = {**registration_data(tax_code="123"), **{name: tokens[name] for name in TOKEN_FIELDS}}
    response = browser.post(f"/en/events/{event.pk}/register/", data)
    assert response.status_code == 200 and 'lang="en"' in response.content.decode()
    data = {**registration_data(), **{name: tokens[name] for name in TOKEN_FIELDS}}
    assert browser.post(f"/en/events/{event.pk}/register/", data).status_code == 302
    assert Registration.objects.get().event_id == event.pk
    assert Registration.objects.get().language == "en"


def test_the_endpoint_refuses_unpublished_and_restricted_events(client, event, quick_people):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=event.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    assert client.post(post_url(event), registration_data()).status_code == 404
    PageViewRestriction.objects.all().delete()
    event.unpublish()
    assert client.post(post_url(event), registration_data()).status_code == 404
    assert client.post("/events/999999/register/", registration_data()).status_code == 404
    assert not Registration.objects.exists()


def test_the_endpoint_keeps_a_public_event_until_it_changes(client, event, quick_people, django_assert_num_queries):
    """Under a rush the endpoint reads a public event from the cache, but a restriction or an
    unpublish made after it was cached closes it at once."""
    from wagtail.models import PageViewRestriction

    from events.models import EventPage
    from events.views import registrable_event

    request = RequestFactory().post(post_url(event))
    assert registrable_event(request, event.pk).pk == event.pk
    with django_assert_num_queries(0):
        assert registrable_event(request, event.pk).pk == event.pk
    restriction = PageViewRestriction.objects.create(
        page=event.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    assert client.post(post_url(event), registration_data()).status_code == 404
    restriction.delete()
    assert registrable_event(request, event.pk).pk == event.pk
    EventPage.objects.get(pk=event.pk).unpublish()
    assert client.post(post_url(event), registration_data()).status_code == 404
    assert not Registration.objects.exists()


def test_the_seat_pages_are_read_once_and_follow_a_new_translation(event, page_cache, django_assert_num_queries):
    """A rush reads an event's page paths from the cache; a translation published later is
    among them at once (its publish bumps "pages")."""
    from wagtail.models import Locale

    from events.signals import seat_page_names

    names = seat_page_names(event.pk)
    assert f"page:{event.path}" in names and f"page:{event.get_parent().path}" in names
    with django_assert_num_queries(0):
        assert seat_page_names(event.pk) == names
    english_index = event.get_parent().copy_for_translation(Locale.objects.get(language_code="en"))
    english_index.save_revision().publish()
    english = event.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    assert f"page:{english.path}" in seat_page_names(event.pk)
