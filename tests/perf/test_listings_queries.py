"""Query counts of the listings (issue 21): the consultant directory, the solutions catalogue,
the supply–demand board and the state support programmes, at most 15 SQL queries, constant in
the number of items, with and without filters, on page 2, both right after a change (cold:
pages, cards and options rebuilt) and warm (from the cache). No timing is asserted here."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

MAX_QUERIES = 15
N = 3

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework(db):
    from assessment_forms.factories import load_dbi_1970

    return load_dbi_1970()


@pytest.fixture
def count(client):
    def run(url, params=None):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, params)
        assert response.status_code == 200
        return len(captured.captured_queries)

    return run


@pytest.fixture
def assert_constant(count, django_assert_max_num_queries):
    """grow(N) items; warm the site (site-wide lookups rebuilt after the change), then drop the
    listing's own cache (its version) and count cold, then warm; grow(2N) more, count again:
    never more queries with more items, never more than 15."""
    from core import cache as versions

    def check(url, grow, params=None, version=None):
        cold, warm = [], []
        for batch in (N, 2 * N):
            grow(batch)
            count(url, params)  # the site's own lookups after the change
            if version:
                versions.bump(version)
            cold.append(count(url, params))
            warm.append(count(url, params))
        print(f"{url} {params or ''}: cold {cold}, warm {warm} ({N} then {3 * N} items)")
        with django_assert_max_num_queries(MAX_QUERIES):
            count(url, params)
        assert max(cold) <= MAX_QUERIES, cold
        assert cold[1] <= cold[0], f"{url}: cold {cold[0]} queries with {N} items, {cold[1]} with {3 * N}"
        assert warm[1] <= warm[0], f"{url}: warm {warm[0]} queries with {N} items, {warm[1]} with {3 * N}"
        assert warm[1] <= cold[1]
        return cold, warm

    return check


@pytest.fixture
def small_pages(monkeypatch):
    """Two items a page, so that page 2 exists with a handful of items."""
    import market.views
    import support.views

    monkeypatch.setattr(support.views, "PER_PAGE", 2)
    monkeypatch.setattr(market.views, "PER_PAGE", 2)


def _consultants(units=None):
    from support.factories import ConsultantFactory, OrganisationFactory, topic

    subject = topic("thuong-mai-dien-tu")
    org = OrganisationFactory(name="Viện Kinh tế số")

    def grow(n):
        for _ in range(n):
            ConsultantFactory(topics=[subject], pillars=["P1", "P3"], organisation=org)

    return grow


@pytest.mark.parametrize(
    "params",
    [None, {"trang": "2"}, {"topic": "thuong-mai-dien-tu", "pillar": "P1", "trang": "2"}, {"q": "tu van"}],
)
def test_consultant_directory(site_home, framework, assert_constant, small_pages, params):
    assert_constant("/ho-tro/", _consultants(), params, version="support")


def test_consultant_directory_with_photos(site_home, framework, count):
    """Photos' renditions come in one query for all cards (made once per photo, the first
    time: that part grows with new photos, as on any page with images)."""
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from core import cache as versions
    from support.factories import ConsultantFactory

    counts = []
    for batch in (N, 2 * N):
        for index in range(batch):
            photo = Image.objects.create(title=f"Ảnh {batch}-{index}", file=get_test_image_file())
            ConsultantFactory(photo=photo)
        count("/ho-tro/")  # renditions made, the site's lookups rebuilt
        versions.bump("support")  # pages and cards are rebuilt, renditions exist
        counts.append(count("/ho-tro/"))
    assert counts[1] <= counts[0] <= MAX_QUERIES, counts


@pytest.mark.parametrize("params", [None, {"page": "2"}, {"category": "accounting", "trial": "on", "page": "2"}])
def test_solutions_catalogue(site_home, framework, assert_constant, small_pages, params):
    from market.factories import SolutionFactory

    def grow(n):
        for _ in range(n):
            SolutionFactory()

    assert_constant("/giai-phap/", grow, params, version="market")


@pytest.mark.parametrize("params", [None, {"page": "2"}, {"kind": "offer", "sector": "ZC", "page": "2"}])
def test_board(site_home, framework, assert_constant, small_pages, params):
    from enterprises.factories import AdministrativeUnitFactory, SectorFactory
    from market.factories import PostFactory

    coffee = SectorFactory(code="ZC", name="Cà phê", level=1)

    def grow(n):
        for index in range(n):
            area = AdministrativeUnitFactory(code=f"TB{index}-{n}", name=f"Xã {index}")
            PostFactory(sector=coffee, area=area)

    assert_constant("/ket-noi-cung-cau/", grow, params, version="market-board")


def test_state_support_list(site_home, framework, assert_constant):
    from programmes.factories import ProgrammeFactory

    def grow(n):
        for _ in range(n):
            ProgrammeFactory()

    assert_constant("/ho-tro-nha-nuoc/", grow)


def test_warm_listings_need_almost_no_query(site_home, framework, count):
    """From the cache, a listing's own part costs no query: what is left is the site's own."""
    from market.factories import PostFactory, SolutionFactory
    from support.factories import ConsultantFactory

    for _ in range(5):
        ConsultantFactory()
        SolutionFactory()
        PostFactory()
    baseline = None
    for url in ("/ho-tro/", "/giai-phap/", "/ket-noi-cung-cau/"):
        count(url)
        warm = count(url)
        baseline = warm if baseline is None else baseline
        assert warm <= 4, f"{url}: {warm} queries from the cache"
