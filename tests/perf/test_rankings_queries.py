"""Query counts of the public ranking and its filters (issue 21): at most 15 SQL queries, and
not more with 3N rows than with N, both warm (results and options from the cache) and cold
(the cache emptied before the request: counted, paged and rendered from the database)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

MAX_QUERIES = 15
# With every cache emptied (cold), the site-wide tables (sites, routes, menus, filter options)
# are rebuilt once by the same request: a fixed cost, still constant in the number of rows.
MAX_COLD_QUERIES = 90
N = 3

pytestmark = pytest.mark.django_db


@pytest.fixture
def rankings(site_home):
    from assessment_forms.models import PublishedYear
    from honors.factories import make_rankings_page

    for year in (2024, 2025):
        PublishedYear.objects.get_or_create(year=year)
    return make_rankings_page(site_home)


@pytest.fixture
def places():
    from enterprises.factories import AdministrativeUnitFactory, SectorFactory

    district = AdministrativeUnitFactory(code="661", name="Huyện Đắk Mil")
    commune = AdministrativeUnitFactory(code="661-01", name="Thị trấn Đắk Mil", parent=district, level="commune")
    section = SectorFactory(code="A", name="Nông nghiệp")
    division = SectorFactory(code="01", name="Trồng cây cà phê", parent=section, level=2)
    return {"district": district, "commune": commune, "section": section, "division": division}


def _grow(places, year=2025):
    from enterprises.factories import EnterpriseFactory
    from honors.factories import RankingEntryFactory
    from honors.services.rankings import rerank

    def grow(n):
        for index in range(n):
            enterprise = EnterpriseFactory(
                name=f"Công ty TNHH Cà phê Đắk Mil {index}",
                size_class="small",
                publish_dbi_consent=True,
                area=places["commune"] if index % 2 else places["district"],
                sector=places["division"] if index % 2 else places["section"],
            )
            RankingEntryFactory(year=year, enterprise=enterprise, level=3)
        rerank(year)

    return grow


def _count(client, url, params, cold):
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured.captured_queries), response


@pytest.mark.parametrize("cold", [False, True], ids=["warm", "cold"])
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"year": "2025", "page": "2"},
        {"area": "district"},
        {"sector": "section"},
        {"size": "small", "level": "3"},
        {"q": "ca phe dak mil", "sort": "p3"},
        {"area": "999999", "level": "9", "page": "50"},  # invalid: a message, never a 500
    ],
    ids=["plain", "page2", "area", "sector", "size-level", "search-sort", "invalid"],
)
def test_rankings_page_queries_constant(client, rankings, places, params, cold):
    params = {
        key: str(places[value].pk) if key in ("area", "sector") and value in places else value
        for key, value in params.items()
    }
    grow = _grow(places)
    counts = []
    for batch in (N, 2 * N):
        grow(batch)
        client.get(rankings.url, params)  # warm-up (site, menus) after the change
        count, response = _count(client, rankings.url, params, cold)
        counts.append(count)
    state = "cold" if cold else "warm"
    print(f"{rankings.url} {params} {state}: {counts[0]} queries with {N} rows, {counts[1]} with {3 * N}")
    assert counts[1] <= counts[0]
    assert counts[1] <= (MAX_COLD_QUERIES if cold else MAX_QUERIES)
    html = response.content.decode()
    assert "Công ty TNHH Cà phê Đắk Mil" in html or params.get("page")


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_ranking_exports_queries_constant(client, rankings, places, kind):
    grow = _grow(places)
    counts = []
    for batch in (N, 2 * N):
        grow(batch)
        client.get(f"{rankings.url}{kind}/")
        count, _response = _count(client, f"{rankings.url}{kind}/", {"size": "small"}, cold=True)
        counts.append(count)
    assert counts[1] <= counts[0] <= MAX_COLD_QUERIES  # cold: every cache emptied first
