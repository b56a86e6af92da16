"""Query counts of the public search page (issue 21): at most 15 SQL queries, constant in the
number of matching items (3 vs 9), for every way the page is reached: all kinds, one kind of
page, English, page 2, no results, and the enterprises' kind. Uncached: the whole-result cache
(`SEARCH_CACHE_SECONDS`) stays off, as it is by default."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

MAX_QUERIES = 15
N = 3

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def folding_backend(settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database", "AUTO_UPDATE": True}}
    settings.SEARCH_CACHE_SECONDS = 0


def _count(client, url, params):
    assert client.get(url, params).status_code == 200  # warm-up after the change
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured.captured_queries), response


def _check(client, django_assert_max_num_queries, grow, requests):
    counts = {}
    for batch in (N, 2 * N):  # 3 items, then 9
        grow(batch)
        for url, params in requests:
            count, _response = _count(client, url, params)
            counts.setdefault((url, str(params)), []).append(count)
    for (url, params), (few, many) in counts.items():
        print(f"{url} {params}: {few} queries with {N} items, {many} with {3 * N}")
        assert many <= few, f"{url} {params}: {few} queries with {N} items, {many} with {3 * N}"
    for url, params in requests:
        with django_assert_max_num_queries(MAX_QUERIES):
            client.get(url, params)


def test_search_pages(client, site_home, django_assert_max_num_queries):
    from stories.factories import StoryPageFactory, make_newsroom

    _newsroom, desks = make_newsroom(site_home)

    def grow(n):
        for _ in range(n):
            StoryPageFactory(parent=desks["portal"], title="Chuyển đổi số ở hợp tác xã cà phê")

    _check(
        client,
        django_assert_max_num_queries,
        grow,
        [
            ("/search/", {"q": "chuyen doi so"}),
            ("/search/", {"q": "chuyen doi so", "kind": "stories"}),
            ("/search/", {"q": "chuyen doi so", "page": 2}),
            ("/search/", {"q": "khong co gi ca xyz"}),
            ("/en/search/", {"q": "chuyen doi so"}),
        ],
    )


def test_search_of_enterprises(client, site_home, django_assert_max_num_queries):
    from assessment_forms.models import PublishedYear
    from enterprises.factories import EnterpriseFactory
    from honors.factories import RankingEntryFactory, make_rankings_page

    make_rankings_page(site_home)

    def grow(n):
        for _ in range(n):
            enterprise = EnterpriseFactory(name="Công ty Cà phê Đắk Mil", publish_dbi_consent=True)
            PublishedYear.objects.get_or_create(year=RankingEntryFactory(enterprise=enterprise).year)

    _check(
        client,
        django_assert_max_num_queries,
        grow,
        [("/search/", {"q": "dak mil"}), ("/search/", {"q": "dak mil", "kind": "enterprises"})],
    )
