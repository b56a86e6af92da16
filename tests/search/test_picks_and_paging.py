"""Editors' picks on the search page, the kind filter and paging of the site search."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from search import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def vi(site_home):
    return Locale.objects.get(language_code="vi")


def promote(query, sort_order, **fields):
    return SearchPromotion.objects.create(query=Query.get(query), sort_order=sort_order, **fields)


def test_picks_match_the_query_without_diacritics_in_the_editors_order(make_page, vi):
    guide = make_page("Hướng dẫn tự đánh giá DBI")
    promote("đánh giá", 2, page=guide, description="Bắt đầu từ đây")
    promote(
        "đánh giá", 1, external_link_url="https://dbi.gov.vn/", external_link_text="Cổng DBI", description="Bộ chỉ số"
    )
    picks = services.editors_picks("Danh  gia", vi)
    assert [(hit.title, hit.url, hit.snippet) for hit in picks] == [
        ("Cổng DBI", "https://dbi.gov.vn/", "Bộ chỉ số"),
        ("Hướng dẫn tự đánh giá DBI", guide.get_url(), "Bắt đầu từ đây"),
    ]
    assert services.editors_picks("khác hẳn", vi) == []


def test_a_pick_of_an_unpublished_page_or_of_another_language_is_left_out(make_page, vi):
    draft = make_page("Trang nháp về chuyển đổi số")
    draft.unpublish()
    promote("chuyển đổi số", 1, page=draft)
    en = Locale.objects.get(language_code="en")
    assert services.editors_picks("chuyển đổi số", en) == []
    assert services.editors_picks("chuyển đổi số", vi) == []


def test_picks_appear_on_the_unfiltered_results_only(make_page, vi):
    page = make_page("Cẩm nang chuyển đổi số cho hợp tác xã")
    promote("hợp tác xã", 1, page=page, description="Nên đọc")
    outcome = services.site_search("hop tac xa", vi)
    assert [hit.title for hit in outcome.picks] == [page.title]
    other = services.site_search("hop tac xa", vi, kind="other")
    assert other.kind == "other" and other.picks == []


def test_the_kind_filter_keeps_pages_of_that_kind(make_page, vi):
    make_page("Chuyển đổi số nông nghiệp")
    assert services.site_search("nong nghiep", vi, kind="other").page.paginator.count == 1
    none = services.site_search("nong nghiep", vi, kind="stories")
    # A kind with no result is no filter at all: the results stay, unfiltered.
    assert none.kind == "" and none.page.paginator.count == 1


def test_pages_past_the_end_or_not_numbers_fall_back(make_page, vi):
    for n in range(12):
        make_page(f"Bài học chuyển đổi số số {n}")
    last = services.site_search("bai hoc", vi, page_number=99)
    assert last.page.number == 2 and len(last.page.object_list) == 2
    first = services.site_search("bai hoc", vi, page_number="x")
    assert first.page.number == 1 and len(first.page.object_list) == services.RESULTS_PER_PAGE
    assert all("<mark>" in hit.title for hit in first.page.object_list)


def test_a_query_is_trimmed_and_a_query_of_punctuation_finds_nothing(vi):
    assert services.clean_query("  chuyển   đổi\n số ") == "chuyển đổi số"
    assert len(services.clean_query("a" * 500)) == services.MAX_QUERY_LENGTH
    outcome = services.site_search(" ... ", vi)
    assert outcome.page is None and outcome.total == 0 and outcome.kinds == []


def test_pages_are_grouped_by_the_app_that_owns_them():
    from django.contrib.contenttypes.models import ContentType

    from events.models import EventPage
    from home.models import HomePage

    assert services.page_kind_key(ContentType.objects.get_for_model(EventPage)) == "events"
    assert services.page_kind_key(ContentType.objects.get_for_model(HomePage)) == "other"


def test_suggestions_add_registered_kinds_that_can_autocomplete_up_to_the_limit(make_page, vi):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    from assessment_forms.models import PublishedYear
    from search import registry

    page = make_page("Chuyển đổi số hợp tác xã")
    PublishedYear.objects.get_or_create(year=2025, defaults={"note": "hợp tác xã"})
    entries = [
        # Indexed, but without autocomplete fields: left out of the suggestions.
        registry.register_searchable(lambda locale: PublishedYear.objects.all(), "Năm", key="test.years"),
        # Outside the search index and without a `match`: left out.
        registry.register_searchable(lambda locale: ContentType.objects.all(), "Loại", key="test.types"),
        registry.register_searchable(
            lambda locale: Page.objects.filter(pk=page.pk), "Gốc", key="test.pages", url=lambda obj: "/goc/"
        ),
    ]
    try:
        found = services.suggest("hop tac", vi)
        urls = [s["url"] for s in found]
        assert page.get_url() in urls and urls.index(page.get_url()) < urls.index("/goc/")
        assert {"title": page.title, "url": "/goc/", "kind": "Gốc"} in found
        assert not [s for s in found if s["kind"] in ("Năm", "Loại")]
        assert len(services.suggest("hop tac", vi, limit=1)) == 1
    finally:
        for entry in entries:
            registry.unregister_searchable(entry.key)
