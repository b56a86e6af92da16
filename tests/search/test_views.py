"""The search page: kinds, highlighted snippets, pagination, autocomplete JSON, the registry."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import registry, services

pytestmark = pytest.mark.django_db


def test_results_are_highlighted_and_grouped_by_kind(client, make_page):
    make_page("Chuyển đổi số cho doanh nghiệp nhỏ", intro="Các bước chuyển đổi số cho hộ kinh doanh ở Đắk Nông.")
    response = client.get("/search/", {"q": "chuyen doi so"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>Chuyển</mark> <mark>đổi</mark> <mark>số</mark> cho doanh nghiệp nhỏ" in html
    assert "<mark>chuyển</mark> <mark>đổi</mark> <mark>số</mark> cho hộ kinh doanh" in html
    assert "Trang nội dung" in html  # the kind of each result


def test_query_is_escaped(client, make_page):
    make_page("Chuyển đổi số")
    html = client.get("/search/", {"q": "<script>alert(1)</script> so"}).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_pagination_and_kind_filter(client, make_page):
    for number in range(12):
        make_page(f"Hội chợ nông sản trực tuyến {number}")
    first = client.get("/search/", {"q": "hoi cho nong san"})
    assert first.context["results"].paginator.num_pages == 2
    second = client.get("/search/", {"q": "hoi cho nong san", "page": 2, "kind": "page:home.standardpage"})
    assert len(second.context["results"].object_list) == 2
    assert second.context["outcome"].kind == "page:home.standardpage"
    # An unknown kind falls back to everything.
    assert client.get("/search/", {"q": "hoi cho nong san", "kind": "nope"}).context["outcome"].kind == ""


def test_autocomplete_endpoint_without_diacritics(client, make_page):
    page = make_page("Chuyển đổi số cho doanh nghiệp nhỏ")
    data = client.get("/search/", {"suggest": "chuyen doi so cho"}).json()
    assert {"title": page.title, "url": page.get_url(), "kind": "Trang nội dung"} in data["results"]
    assert client.get("/search/", {"suggest": ""}).json() == {"results": []}


def test_english_search_under_en(client, site_home):
    response = client.get("/en/search/", {"q": "digital"})
    assert response.status_code == 200
    assert response.context["outcome"].total >= 1


def test_search_does_not_write_to_the_database(client, make_page):
    make_page("Chuyển đổi số")
    with CaptureQueriesContext(connection) as queries:
        client.get("/search/", {"q": "chuyen doi so"})
    writes = [q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []


def test_registered_non_page_models_are_searched(section):
    from wagtail.models import Locale, Page

    # Any indexed model can be registered; a queryset function receives the locale.
    entry = registry.register_searchable(
        lambda locale: Page.objects.filter(pk=section.pk),
        "Gốc",
        key="test.root",
        url=lambda obj: "/goc/",
        title=lambda obj: "Gốc cây trang",
        summary=lambda obj: "Nút gốc",
    )
    try:
        outcome = services.site_search("khu vuc kiem thu", Locale.objects.get(language_code="vi"))
        assert ("test.root", 1) in [(k.key, k.count) for k in outcome.kinds]
        assert outcome.groups and outcome.groups[0][1][0].url == "/goc/"
        only = services.site_search("khu vuc kiem thu", Locale.objects.get(language_code="vi"), kind="test.root")
        assert only.page.object_list[0].title == "Gốc cây trang"
    finally:
        registry.unregister_searchable(entry.key)
