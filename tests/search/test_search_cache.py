"""What the search caches (snippets' texts, restrictions, picks, optionally whole outcomes under
`SEARCH_CACHE_SECONDS`) is never stale after a publish, unpublish, edit or public change, and
never leaks from one language to the other; counts of registered kinds are capped."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, PageViewRestriction

from search import services

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[0, 300], ids=["uncached", "whole-result-cache"])
def search_cache(request, settings):
    settings.SEARCH_CACHE_SECONDS = request.param
    return request.param


def titles(client, query, path="/search/", **params):
    response = client.get(path, {"q": query, **params})
    assert response.status_code == 200
    return [hit.title for hit in response.context["results"].object_list] if response.context["results"] else []


def test_a_publish_and_an_unpublish_show_at_once(client, make_page, search_cache):
    make_page("Hội chợ nông sản Đắk Nông")
    assert len(titles(client, "hoi cho nong san")) == 1
    second = make_page("Hội chợ nông sản trực tuyến")
    second.save_revision().publish()
    assert len(titles(client, "hoi cho nong san")) == 2
    second.unpublish()
    assert len(titles(client, "hoi cho nong san")) == 1


def test_an_edited_body_changes_the_snippet(client, make_page, search_cache):
    page = make_page("Hội chợ nông sản", intro="Phiên chợ mùa xuân ở Gia Nghĩa.")
    html = client.get("/search/", {"q": "hoi cho"}).content.decode()
    assert "mùa xuân" in html
    page.intro = "Phiên chợ mùa thu ở Đắk Mil."
    page.save_revision().publish()
    html = client.get("/search/", {"q": "hoi cho"}).content.decode()
    assert "mùa thu" in html and "mùa xuân" not in html


def test_a_new_view_restriction_hides_the_section_at_once(client, make_page, section, search_cache):
    make_page("Hội chợ nông sản nội bộ")
    assert titles(client, "hoi cho noi bo")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert titles(client, "hoi cho noi bo") == []


def test_a_new_promotion_shows_at_once(client, make_page, search_cache):
    page = make_page("Cẩm nang hội chợ nông sản")
    assert client.get("/search/", {"q": "hoi cho"}).context["outcome"].picks == []
    SearchPromotion.objects.create(query=Query.get("hội chợ"), sort_order=1, page=page, description="Nên đọc")
    assert [hit.title for hit in client.get("/search/", {"q": "hoi cho"}).context["outcome"].picks] == [page.title]
    page.unpublish()
    assert client.get("/search/", {"q": "hoi cho"}).context["outcome"].picks == []


def test_each_language_has_its_own_results(client, site_home, make_page, search_cache):
    make_page("Hội chợ nông sản", intro="Bản tiếng Việt")
    vietnamese = client.get("/search/", {"q": "hoi cho"})
    english = client.get("/en/search/", {"q": "hoi cho"})
    assert vietnamese.context["outcome"].total == 1
    assert english.context["outcome"].total == 0
    assert "Bản tiếng Việt" not in english.content.decode()
    # The Vietnamese page (cached or not) still shows the Vietnamese result.
    assert "Bản tiếng Việt" in client.get("/search/", {"q": "hoi cho"}).content.decode()


def test_the_cache_is_off_by_default_and_on_with_the_setting(make_page, settings):
    vi = Locale.objects.get(language_code="vi")
    make_page("Hội chợ nông sản")
    settings.SEARCH_CACHE_SECONDS = 300
    first = services.site_search("hoi cho", vi)
    second = services.site_search("hoi cho", vi)
    assert second.total == first.total == 1
    assert [hit.title for hit in second.page.object_list] == [hit.title for hit in first.page.object_list]


def _enterprises(site_home, count):
    from assessment_forms.models import PublishedYear
    from enterprises.factories import EnterpriseFactory
    from honors.factories import RankingEntryFactory, make_rankings_page

    make_rankings_page(site_home)
    for _ in range(count):
        enterprise = EnterpriseFactory(name="Công ty Cà phê Đắk Mil", publish_dbi_consent=True)
        PublishedYear.objects.get_or_create(year=RankingEntryFactory(enterprise=enterprise).year)


def test_counts_of_enterprises_are_capped_and_said_so(client, site_home, monkeypatch, search_cache):
    _enterprises(site_home, 4)
    monkeypatch.setattr(services, "COUNT_CAP", 3)
    response = client.get("/search/", {"q": "dak mil"})
    outcome = response.context["outcome"]
    assert outcome.capped and outcome.total == 3
    assert [(kind.key, kind.count, kind.capped) for kind in outcome.kinds] == [("enterprises", 3, True)]
    html = response.content.decode()
    assert "Tìm thấy hơn 3 kết quả" in html
    assert "Xem hơn 3 kết quả" in html
    english = client.get("/en/search/", {"q": "dak mil"}).content.decode()
    assert "Found more than 3 results" in english
    # The kind's own pages go up to the cap.
    only = client.get("/search/", {"q": "dak mil", "kind": "enterprises"})
    assert only.context["results"].paginator.count == 3


def test_counts_under_the_cap_are_exact(client, site_home, search_cache):
    _enterprises(site_home, 2)
    response = client.get("/search/", {"q": "dak mil"})
    outcome = response.context["outcome"]
    assert not outcome.capped and outcome.total == 2
    assert "Tìm thấy 2 kết quả" in response.content.decode()


def test_the_capped_count_does_not_sort_the_matches(db):
    """Counting up to 1,001 of a million matches must stop at 1,001: no ORDER BY inside."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from enterprises.factories import EnterpriseFactory
    from enterprises.models import Enterprise
    from search.services import _capped_count

    EnterpriseFactory.create_batch(3, sector=None, area=None)
    with CaptureQueriesContext(connection) as ctx:
        assert _capped_count(Enterprise.objects.order_by("name")) == (3, False)
    assert "ORDER BY" not in ctx.captured_queries[-1]["sql"].upper()


def test_a_capped_kind_is_paged_over_its_first_matches_by_key_in_name_order(client, site_home, monkeypatch):
    """More matches than the cap: the pages hold the first COUNT_CAP matches by primary key
    (read along the key's index, not every match sorted), shown by name; under the cap,
    every match by name."""
    from django.utils.html import strip_tags

    from assessment_forms.models import PublishedYear
    from enterprises.factories import EnterpriseFactory
    from honors.factories import RankingEntryFactory, make_rankings_page

    make_rankings_page(site_home)
    names = ["Mắc ca Đông", "Mắc ca Bắc", "Mắc ca Ánh", "Mắc ca Cường", "Mắc ca An"]
    for name in names:  # created in this order: keys ascending
        enterprise = EnterpriseFactory(name=name, publish_dbi_consent=True)
        PublishedYear.objects.get_or_create(year=RankingEntryFactory(enterprise=enterprise).year)
    monkeypatch.setattr(services, "COUNT_CAP", 3)
    monkeypatch.setattr(services, "RESULTS_PER_PAGE", 2)
    shown = []
    for number in (1, 2):
        response = client.get("/search/", {"q": "mac ca", "kind": "enterprises", "page": number})
        shown += [strip_tags(hit.title) for hit in response.context["results"].object_list]
    from enterprises.models import Enterprise

    first_three = Enterprise.objects.filter(name__in=names).order_by("pk").values_list("name", flat=True)[:3]
    expected = Enterprise.objects.filter(name__in=list(first_three)).order_by("name").values_list("name", flat=True)
    assert shown == list(expected)
    assert "Mắc ca An" not in shown and "Mắc ca Cường" not in shown


def test_a_capped_query_finds_its_matches_once_for_all_its_pages(client, site_home, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _enterprises(site_home, 5)
    monkeypatch.setattr(services, "COUNT_CAP", 3)
    monkeypatch.setattr(services, "RESULTS_PER_PAGE", 2)
    with CaptureQueriesContext(connection) as first:
        client.get("/search/", {"q": "dak mil", "kind": "enterprises"})
    with CaptureQueriesContext(connection) as second:
        client.get("/search/", {"q": "dak mil", "kind": "enterprises", "page": 2})

    def finding(queries):  # the one query that looks for matches: LIMIT COUNT_CAP + 1
        return [q["sql"] for q in queries if "LIMIT 4" in q["sql"] and "enterprises_enterprise" in q["sql"]]

    assert len(finding(first.captured_queries)) == 1
    assert finding(second.captured_queries) == []


def test_a_page_of_many_matches_reads_its_rows_by_its_own_keys(client, site_home, monkeypatch):
    """Many matches (more than FEW_MATCHES): the page's keys are sorted among the known ones,
    then its rows are read by those keys alone, not with every known key again (at a million
    enterprises a thousand keys in the rows' query cost several milliseconds for ten rows)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _enterprises(site_home, 6)
    monkeypatch.setattr(services, "FEW_MATCHES", 2)
    monkeypatch.setattr(services, "RESULTS_PER_PAGE", 2)
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/search/", {"q": "dak mil", "kind": "enterprises"})
    assert len(response.context["results"].object_list) == 2
    rows = [q["sql"] for q in captured.captured_queries if '"enterprises_enterprise"."tax_code"' in q["sql"]]
    assert len(rows) == 1
    keys = rows[0].split(" IN (", 1)[1].split(")", 1)[0].split(",")
    assert len(keys) == 2  # the page's two keys, not the six known ones


def test_the_kinds_searches_run_without_parallel_workers_in_one_transaction(db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search.services import _SerialReads

    with CaptureQueriesContext(connection) as captured, _SerialReads() as serial:
        serial.start()
        serial.start()
        with connection.cursor() as cursor:
            postgresql = connection.vendor == "postgresql"
            cursor.execute("SELECT current_setting('max_parallel_workers_per_gather')" if postgresql else "SELECT '0'")
            inside = cursor.fetchone()[0]
    settings_changed = [q["sql"] for q in captured.captured_queries if "SET LOCAL" in q["sql"]]
    if connection.vendor != "postgresql":
        assert settings_changed == []  # nothing to set elsewhere
        return
    assert inside == "0" and len(settings_changed) == 1  # once, however many kinds read
