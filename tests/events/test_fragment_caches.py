"""The event page's and the events index's fragment caches (issue 21.1), with the page cache
off as in the test settings: a warm page runs (almost) no query, and still shows every change
at once — seats after a registration or a cancellation, a published edit, a new event — never
another language's text, never one visitor's refused form to the next."""

import json

import pytest
from django.test import Client

from events.models import Registration

from .conftest import registration_data
from .test_page_cache import TOKEN_FIELDS, post_url, tokens_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def quick_people(monkeypatch):
    monkeypatch.setattr("core.spam.HumanCheckForm.min_fill_seconds", 0)


def _register(client, event, captured, **overrides):
    tokens = json.loads(client.get(tokens_url(event)).content)
    data = {**registration_data(**overrides), **{name: tokens[name] for name in TOKEN_FIELDS}}
    with captured(execute=True):
        return client.post(post_url(event), data)


def test_a_warm_event_page_and_index_read_almost_nothing(client, event, django_assert_max_num_queries):
    index_url = event.get_parent().url
    for url in (event.url, index_url):
        assert client.get(url).status_code == 200  # fills the fragments
    with django_assert_max_num_queries(2):
        assert "Còn 3 chỗ" in client.get(event.url).content.decode()
    with django_assert_max_num_queries(2):
        assert event.title in client.get(index_url).content.decode()


def test_seats_follow_registrations_and_cancellations_at_once(
    client, event, quick_people, django_capture_on_commit_callbacks
):
    from enterprises.factories import EnterpriseFactory
    from events.services import cancel

    index_url = event.get_parent().url
    for url in (event.url, index_url):
        assert "Còn 3 chỗ" in client.get(url).content.decode()

    known = EnterpriseFactory()
    response = _register(client, event, django_capture_on_commit_callbacks, tax_code=known.tax_code, seats=2)
    assert response.status_code == 302
    visitor = Client()
    assert "Còn 1 chỗ" in visitor.get(event.url).content.decode()
    assert "Còn 1 chỗ" in visitor.get(index_url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        cancel(Registration.objects.get())
    assert "Còn 3 chỗ" in visitor.get(event.url).content.decode()
    assert "Còn 3 chỗ" in visitor.get(index_url).content.decode()


def test_a_published_edit_and_a_new_event_show_at_once(client, event, django_capture_on_commit_callbacks):
    from events.factories import EventPageFactory

    index = event.get_parent()
    client.get(event.url), client.get(index.url)

    event.title = "Tập huấn hóa đơn điện tử cho hợp tác xã"
    event.summary = "Bản tóm tắt mới"
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    page = client.get(event.url).content.decode()
    assert "Tập huấn hóa đơn điện tử cho hợp tác xã" in page and "Bản tóm tắt mới" in page
    assert "Tập huấn hóa đơn điện tử cho hợp tác xã" in client.get(index.url).content.decode()

    # A draft is not shown.
    event.title = "Bản nháp chưa duyệt"
    event.save_revision()
    assert "Bản nháp chưa duyệt" not in client.get(event.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        EventPageFactory(parent=index, title="Hội thảo thương mại điện tử nông sản")
    assert "Hội thảo thương mại điện tử nông sản" in client.get(index.url).content.decode()


def test_filters_and_pages_are_cached_apart(client, event):
    index_url = event.get_parent().url
    assert event.title in client.get(index_url).content.decode()
    other_format = "online" if event.format != "online" else "in_person"
    filtered = client.get(index_url, {"format": other_format}).content.decode()
    assert event.title not in filtered
    assert event.title in client.get(index_url).content.decode()


def test_a_refused_form_is_never_shown_to_the_next_visitor(
    client, event, quick_people, django_capture_on_commit_callbacks
):
    assert client.get(event.url).status_code == 200  # the shared fragment is warm
    refused = _register(client, event, django_capture_on_commit_callbacks, email="not-an-e-mail")
    assert refused.status_code == 200
    assert 'value="not-an-e-mail"' in refused.content.decode()
    page = Client().get(event.url).content.decode()
    assert "not-an-e-mail" not in page and 'id="registration-form"' in page


def test_the_english_page_never_shows_the_vietnamese_fragment(client, event):
    from wagtail.models import Locale

    from core.pages import translate_page

    en = Locale.objects.get(language_code="en")
    translate_page(event.get_parent().specific, en, title="Events", slug="events")
    english = translate_page(event, en, title="DBI self-assessment workshop", slug="dbi-workshop")
    assert "Đăng ký tham dự" in client.get(event.url).content.decode()
    html = client.get(english.url).content.decode()
    assert "DBI self-assessment workshop" in html and event.title not in html
    assert 'lang="en"' in html and "Đăng ký tham dự" not in html
