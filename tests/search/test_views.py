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
    assert "Trang khác" in html  # the human kind of each result, never the page type
    assert "Trang nội dung" not in html


def test_query_is_escaped(client, make_page):
    make_page("Chuyển đổi số")
    html = client.get("/search/", {"q": "<script>alert(1)</script> so"}).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_pagination_and_kind_filter(client, make_page):
    for number in range(12):
        make_page(f"Hội chợ nông sản trực tuyến {number}")
    first = client.get("/search/", {"q": "hoi cho nong san"})
    assert first.context["results"].paginator.num_pages == 2
    second = client.get("/search/", {"q": "hoi cho nong san", "page": 2, "kind": "other"})
    assert len(second.context["results"].object_list) == 2
    assert second.context["outcome"].kind == "other"
    # An unknown kind falls back to everything.
    assert client.get("/search/", {"q": "hoi cho nong san", "kind": "nope"}).context["outcome"].kind == ""


def test_autocomplete_endpoint_without_diacritics(client, make_page):
    page = make_page("Chuyển đổi số cho doanh nghiệp nhỏ")
    data = client.get("/search/", {"suggest": "chuyen doi so cho"}).json()
    assert {"title": page.title, "url": page.get_url(), "kind": "Trang khác"} in data["results"]
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


def test_consenting_enterprises_are_found_as_their_public_profiles(client, site_home):
    from assessment_forms.models import PublishedYear
    from enterprises.factories import EnterpriseFactory
    from honors.factories import RankingEntryFactory, make_rankings_page

    rankings = make_rankings_page(site_home)
    coffee = EnterpriseFactory(name="Công ty Cổ phần Cà phê Đắk Mil", publish_dbi_consent=True)
    # Public rankings (and profiles) show only published years.
    PublishedYear.objects.get_or_create(year=RankingEntryFactory(enterprise=coffee).year)
    secret = EnterpriseFactory(name="Công ty TNHH Hồ tiêu Đắk Mil", publish_dbi_consent=False)
    RankingEntryFactory(enterprise=secret)
    # Consenting but without a published result: no public profile, so not a result either.
    EnterpriseFactory(name="Hợp tác xã Cà phê Đắk Mil Xanh", publish_dbi_consent=True)

    response = client.get("/search/", {"q": "dak mil"})
    html = response.content.decode()
    assert "Doanh nghiệp" in [kind.label for kind in response.context["outcome"].kinds]
    assert rankings.profile_url(coffee.pk) in html
    assert "<mark>Đắk</mark> <mark>Mil</mark>" in html
    assert "Hồ tiêu" not in html
    assert "Đắk Mil Xanh" not in html
    only = client.get("/search/", {"q": "CA PHE dak mil", "kind": "enterprises"})
    assert [hit.url for hit in only.context["results"].object_list] == [rankings.profile_url(coffee.pk)]
    # The profile the result links to exists.
    assert client.get(rankings.profile_url(coffee.pk)).status_code == 200
    # The autocomplete offers it too, never the non-consenting one.
    suggestions = client.get("/search/", {"suggest": "ca phe dak"}).json()["results"]
    assert {"title": coffee.name, "url": rankings.profile_url(coffee.pk), "kind": "Doanh nghiệp"} in suggestions
    assert not [s for s in client.get("/search/", {"suggest": "ho tieu"}).json()["results"] if "Hồ tiêu" in s["title"]]


def test_results_are_grouped_in_at_most_five_human_kinds(client, site_home, make_page):
    """Stories, handbook chapters, events, enterprises and everything else: the tabs have
    human names, whatever the number of page types."""
    from events.factories import EventIndexPageFactory, EventPageFactory
    from handbook.factories import HandbookChapterPageFactory, HandbookIndexPageFactory
    from stories.factories import StoryPageFactory, make_newsroom

    _newsroom, desks = make_newsroom(site_home)
    StoryPageFactory(parent=desks["newspaper"], title="Nông dân Đắk Mil bán cà phê qua livestream")
    handbook = HandbookIndexPageFactory(parent=site_home, title="Cẩm nang", slug="cam-nang-thu")
    HandbookChapterPageFactory(parent=handbook, title="Bán cà phê trên sàn thương mại điện tử")
    EventPageFactory(parent=EventIndexPageFactory(parent=site_home), title="Tập huấn bán cà phê trực tuyến")
    make_page("Giới thiệu cà phê Đắk Nông")

    response = client.get("/search/", {"q": "ca phe"})
    kinds = response.context["outcome"].kinds
    assert [kind.label for kind in kinds] == ["Tin bài", "Cẩm nang", "Sự kiện", "Trang khác"]
    html = response.content.decode()
    assert "Trang tin bài" not in html and "Trang nội dung" not in html and "Chương cẩm nang" not in html
    for key, label, title in [
        ("stories", "Tin bài", "livestream"),
        ("handbook", "Cẩm nang", "sàn thương mại"),
        ("events", "Sự kiện", "Tập huấn"),
        ("other", "Trang khác", "Giới thiệu"),
    ]:
        hits = client.get("/search/", {"q": "ca phe", "kind": key}).context["results"].object_list
        assert len(hits) == 1 and hits[0].kind == label and title in hits[0].title, key
