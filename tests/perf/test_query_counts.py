"""Query counts of every public page type (issue 21): at most 15 SQL queries, and constant in
the number of items shown. Each page is rendered with N items and again with 3N items (after a
warm-up render each time, so site-wide lookups behave as in a running server); the second
count must not exceed the first. No timing is asserted here: `bench/run.py` measures speed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

MAX_QUERIES = 15
N = 3

pytestmark = pytest.mark.django_db


@pytest.fixture
def assert_constant(client, django_assert_max_num_queries):
    """`assert_constant(url, grow)`: grow(N) items, count; grow(2N) more, count again."""

    def check(url, grow, params=None, limit=MAX_QUERIES):
        counts = []
        for batch in (N, 2 * N):
            grow(batch)
            assert client.get(url, params).status_code == 200  # warm-up after the change
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url, params)
            assert response.status_code == 200
            counts.append(len(captured.captured_queries))
        print(f"{url} {params or ''}: {counts[0]} queries with {N} items, {counts[1]} with {3 * N}")
        with django_assert_max_num_queries(limit):
            client.get(url, params)
        assert counts[1] <= counts[0], f"{url}: {counts[0]} queries with {N} items, {counts[1]} with {3 * N}"
        return counts

    return check


# --- helpers that add items ---------------------------------------------------------------


def _stories(desk, journalist=None, **fields):
    from stories.factories import JournalistFactory, StoryPageFactory
    from stories.models import StoryByline

    journalist = journalist or JournalistFactory(name="Nguyễn Thị Hoa")

    def grow(n):
        for _ in range(n):
            story = StoryPageFactory(parent=desk, title="Chuyển đổi số ở hợp tác xã cà phê", **fields)
            StoryByline.objects.create(page=story, journalist=journalist)

    return grow


def _events(index):
    from events.factories import EventPageFactory

    def grow(n):
        for _ in range(n):
            EventPageFactory(parent=index)

    return grow


def _ranking_entries(year=2025, **fields):
    from honors.factories import RankingEntryFactory

    def grow(n):
        for _ in range(n):
            RankingEntryFactory(year=year, **fields)

    return grow


@pytest.fixture
def newsroom(site_home):
    from stories.factories import make_newsroom

    return make_newsroom(site_home)


@pytest.fixture
def framework(db):
    from assessment_forms.factories import load_dbi_1970

    return load_dbi_1970()


@pytest.fixture
def rankings(site_home):
    from assessment_forms.models import PublishedYear
    from honors.factories import make_rankings_page

    for year in (2024, 2025):
        PublishedYear.objects.get_or_create(year=year)
    return make_rankings_page(site_home)


# --- home and content pages ---------------------------------------------------------------


def test_home(site_home, newsroom, assert_constant):
    _, desks = newsroom
    assert_constant(site_home.url, _stories(desks["newspaper"]))


def test_newsroom(newsroom, assert_constant):
    front, desks = newsroom
    assert_constant(front.url, _stories(desks["portal"]))


def test_desk(newsroom, assert_constant):
    _, desks = newsroom
    assert_constant(desks["newspaper"].url, _stories(desks["newspaper"]))


def test_story(newsroom, assert_constant):
    """A story with related stories (shared tags), bylines and enterprises."""
    from stories.factories import StoryPageFactory

    _, desks = newsroom
    story = StoryPageFactory(parent=desks["newspaper"], title="Số hóa quy trình bán hàng")
    assert_constant(story.url, _stories(desks["newspaper"]))


@pytest.fixture
def handbook(site_home):
    from handbook.factories import HandbookChapterPageFactory, HandbookIndexPageFactory

    index = HandbookIndexPageFactory(parent=site_home, slug="cam-nang", show_in_menus=True)
    chapter = HandbookChapterPageFactory(parent=index, title="Chuyển đổi số là gì", slug="chuyen-doi-so-la-gi")
    return index, chapter


def _chapters(parent):
    from handbook.factories import HandbookChapterPageFactory

    def grow(n):
        for _ in range(n):
            HandbookChapterPageFactory(parent=parent, title="Dữ liệu là tài sản", pillar_codes=["P6"])

    return grow


def test_handbook_index(handbook, assert_constant):
    index, _ = handbook
    assert_constant(index.url, _chapters(index))


def test_handbook_chapter(handbook, assert_constant):
    index, chapter = handbook
    assert_constant(chapter.url, _chapters(chapter))


def test_faq(handbook, assert_constant):
    from handbook.factories import FAQPageFactory

    index, _ = handbook
    faq = FAQPageFactory(parent=index)

    def grow(n):
        section = faq.body[0].value
        items = [{"question": q["question"], "answer": q["answer"]} for q in section["items"]]
        items += [{"question": "DBI có mấy trụ cột?", "answer": "<p>Sáu trụ cột.</p>"}] * n
        faq.body = [("section", {"heading": section["heading"], "items": items})]
        faq.save_revision().publish()

    assert_constant(faq.url, grow)


def test_dbi_guide(handbook, framework, assert_constant):
    from handbook.factories import DBIGuidePageFactory

    index, _ = handbook
    guide = DBIGuidePageFactory(parent=index)
    assert_constant(guide.url, _chapters(index))


def test_events_index(site_home, assert_constant):
    from events.factories import EventIndexPageFactory

    index = EventIndexPageFactory(parent=site_home)
    assert_constant(index.url, _events(index))


def test_event_page(site_home, assert_constant):
    from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory

    index = EventIndexPageFactory(parent=site_home)
    event = EventPageFactory(parent=index, capacity=100)

    def grow(n):
        for _ in range(n):
            RegistrationFactory(event=event)

    assert_constant(event.url, grow)


# --- rankings, profile, dashboard ---------------------------------------------------------


def test_rankings(rankings, assert_constant):
    assert_constant(rankings.url, _ranking_entries())


@pytest.mark.parametrize("params", [{"year": "2024"}, {"size": "small"}, {"level": "3"}, {"q": "ca phe"}])
def test_rankings_filters(rankings, params, assert_constant):
    from enterprises.factories import EnterpriseFactory

    def grow(n):
        from honors.factories import RankingEntryFactory

        for _ in range(n):
            enterprise = EnterpriseFactory(name="Công ty TNHH Cà phê Đắk Mil", size_class="small")
            enterprise.publish_dbi_consent = True
            enterprise.save()
            RankingEntryFactory(year=int(params.get("year", 2025)), enterprise=enterprise)

    assert_constant(rankings.url, grow, params=params)


def test_enterprise_profile(rankings, assert_constant):
    """The profile of one enterprise, while the ranking around it grows."""
    from honors.factories import RankingEntryFactory

    entry = RankingEntryFactory(year=2025)
    RankingEntryFactory(year=2024, enterprise=entry.enterprise)
    assert_constant(rankings.profile_url(entry.enterprise_id), _ranking_entries(sector=entry.sector, area=entry.area))


def test_dashboard(site_home, rankings, assert_constant):
    from dashboard.factories import DashboardPageFactory

    dashboard = DashboardPageFactory(parent=site_home)
    assert_constant(dashboard.url, _ranking_entries())


# --- search and the DBI start page --------------------------------------------------------


def test_search(newsroom, assert_constant):
    _, desks = newsroom
    assert_constant("/search/", _stories(desks["portal"]), params={"q": "chuyen doi so"})


def test_dbi_start_page(site_home, framework, assert_constant):
    from assessment_forms.factories import VerifiedSubmissionFactory
    from assessment_forms.models import AssessmentPage

    page = AssessmentPage(title="Tự đánh giá DBI", slug="tu-danh-gia-dbi", min_fill_seconds=0)
    site_home.add_child(instance=page)
    page.save_revision().publish()

    def grow(n):
        for _ in range(n):
            VerifiedSubmissionFactory(framework=framework, year=2025)

    assert_constant(page.url, grow)


# --- market, programmes, support ----------------------------------------------------------


def test_solutions_catalogue(site_home, framework, assert_constant):
    from market.factories import SolutionFactory

    def grow(n):
        for _ in range(n):
            SolutionFactory()

    assert_constant("/giai-phap/", grow)


def test_board(site_home, framework, assert_constant):
    from market.factories import PostFactory

    def grow(n):
        for _ in range(n):
            PostFactory()

    assert_constant("/ket-noi-cung-cau/", grow)


def test_state_support_list(site_home, framework, assert_constant):
    from programmes.factories import ProgrammeFactory

    def grow(n):
        for _ in range(n):
            ProgrammeFactory()

    assert_constant("/ho-tro-nha-nuoc/", grow)


def test_consultant_directory(site_home, framework, assert_constant):
    from support.factories import ConsultantFactory, topic

    subject = topic("thuong-mai-dien-tu")

    def grow(n):
        for _ in range(n):
            ConsultantFactory(topics=[subject], pillars=["P1", "P3"])

    assert_constant("/ho-tro/", grow)


def test_success_story_with_enterprise_profiles(newsroom, framework, assert_constant):
    """A success story shows each featured enterprise with its latest verified DBI level: the
    results of all its enterprises come in a fixed number of queries."""
    from assessment_forms.factories import VerifiedSubmissionFactory
    from enterprises.factories import EnterpriseFactory
    from stories.factories import StoryPageFactory
    from stories.models import Kind, StoryEnterprise, StoryPage

    _, desks = newsroom
    story = StoryPageFactory(parent=desks["portal"], title="Hợp tác xã lên sàn", kind=Kind.SUCCESS_STORY)

    def grow(n):
        for _ in range(n):
            enterprise = EnterpriseFactory(publish_dbi_consent=True)
            VerifiedSubmissionFactory(enterprise=enterprise, framework=framework, year=2024)
            VerifiedSubmissionFactory(enterprise=enterprise, framework=framework, year=2025)
            StoryEnterprise.objects.create(page=story, enterprise=enterprise)
        StoryPage.objects.get(pk=story.pk).save_revision().publish()

    assert_constant(story.url, grow)


def test_switch_on_an_untranslated_page_offers_the_closest_translated_parent(client, site_home):
    """The language switch of a page without a translation (found in one query) leads to the
    nearest ancestor that has one, not to a farther one."""
    from wagtail.models import Locale

    from home.factories import StandardPageFactory
    from home.navigation import _closest_translation

    english = Locale.objects.get(language_code="en")
    section = StandardPageFactory(parent=site_home, title="Chuyên mục", slug="chuyen-muc")
    english_section = section.copy_for_translation(english, copy_parents=True)
    english_section.save_revision().publish()
    inner = StandardPageFactory(parent=section, title="Mục con", slug="muc-con")
    lonely = StandardPageFactory(parent=inner, title="Chỉ có tiếng Việt", slug="chi-co-tieng-viet")
    assert _closest_translation(lonely, "en").pk == english_section.pk
    assert _closest_translation(lonely, "fr") is None
    english_inner = inner.copy_for_translation(english)
    english_inner.save_revision().publish()
    assert _closest_translation(lonely, "en").pk == english_inner.pk
