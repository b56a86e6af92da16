import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from enterprises.factories import EnterpriseFactory, SectorFactory
from home.models import HomePage, StandardPage
from stories.choices import Kind
from stories.factories import JournalistFactory, StoryPageFactory, make_newsroom
from stories.models import DeskIndexPage, NewsroomPage, StoryByline, StoryEnterprise, StoryPage, StoryPillarTag

pytestmark = pytest.mark.django_db


class TestPageRules(WagtailPageTestCase):
    def test_newsroom_under_home_only(self):
        self.assertCanCreateAt(HomePage, NewsroomPage)
        self.assertCanNotCreateAt(Page, NewsroomPage)
        self.assertCanNotCreateAt(StandardPage, NewsroomPage)
        self.assertCanNotCreateAt(NewsroomPage, NewsroomPage)

    def test_desks_under_newsroom_only(self):
        self.assertCanCreateAt(NewsroomPage, DeskIndexPage)
        self.assertCanNotCreateAt(HomePage, DeskIndexPage)
        self.assertCanNotCreateAt(DeskIndexPage, DeskIndexPage)
        self.assertAllowedSubpageTypes(NewsroomPage, {DeskIndexPage})

    def test_stories_under_desks_only(self):
        self.assertCanCreateAt(DeskIndexPage, StoryPage)
        self.assertCanNotCreateAt(NewsroomPage, StoryPage)
        self.assertCanNotCreateAt(HomePage, StoryPage)
        self.assertCanNotCreateAt(StoryPage, StoryPage)
        self.assertAllowedSubpageTypes(StoryPage, set())


def test_story_takes_its_desk_from_parent(newsroom):
    _, desks = newsroom
    story = StoryPageFactory(parent=desks["radio"])
    assert story.desk == "radio"


def test_make_newsroom_is_idempotent(site_home):
    first = make_newsroom(site_home)
    second = make_newsroom(site_home)
    assert first[0].pk == second[0].pk
    assert DeskIndexPage.objects.count() == 3


def test_pages_render(client, newsroom):
    front, desks = newsroom
    story = StoryPageFactory(parent=desks["newspaper"], title="Hợp tác xã cà phê bán hàng qua sàn")
    for page in (front, desks["newspaper"], story):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    assert "Hợp tác xã cà phê bán hàng qua sàn" in client.get(desks["newspaper"].url).content.decode()
    assert "Hợp tác xã cà phê bán hàng qua sàn" in client.get(front.url).content.decode()


def test_listing_query_count_is_constant(client, newsroom, django_assert_max_num_queries):
    _, desks = newsroom
    journalist = JournalistFactory(name="Nguyễn Thị Hoa")
    for n in range(8):
        story = StoryPageFactory(parent=desks["portal"], title=f"Bài {n}")
        StoryByline.objects.create(page=story, journalist=journalist)
    client.get(desks["portal"].url)  # warm caches (site root paths, settings)
    with django_assert_max_num_queries(20):
        response = client.get(desks["portal"].url)
    assert response.content.decode().count("story-card__title") == 8


def test_kind_filter(client, newsroom):
    _, desks = newsroom
    StoryPageFactory(parent=desks["radio"], title="Bản tin phát thanh số 1", kind=Kind.RADIO_SEGMENT)
    StoryPageFactory(parent=desks["radio"], title="Bài viết thường", kind=Kind.ARTICLE)
    html = client.get(desks["radio"].url, {"kind": "radio_segment"}).content.decode()
    assert "Bản tin phát thanh số 1" in html
    assert "Bài viết thường" not in html


def test_story_page_has_open_graph_and_json_ld(client, newsroom):
    _, desks = newsroom
    story = StoryPageFactory(parent=desks["newspaper"], title="Số hóa quy trình bán hàng")
    StoryByline.objects.create(page=story, journalist=JournalistFactory(name="Trần Văn Nam"))
    html = client.get(story.url).content.decode()
    assert '<meta property="og:title" content="Số hóa quy trình bán hàng">' in html
    assert '"@type": "NewsArticle"' in html
    assert '"name": "Trần Văn Nam"' in html


def test_related_stories_share_tags(client, newsroom):
    _, desks = newsroom
    story = StoryPageFactory(parent=desks["newspaper"], title="Bài gốc")
    StoryPillarTag.objects.create(page=story, code="P3")
    other = StoryPageFactory(parent=desks["portal"], title="Bài cùng trụ cột")
    StoryPillarTag.objects.create(page=other, code="P3")
    StoryPageFactory(parent=desks["radio"], title="Bài không liên quan")
    related = story.related_stories()
    assert related[0].pk == other.pk
    assert "Bài không liên quan" not in [item.title for item in related]


def test_success_story_shows_profile_and_consented_level(client, newsroom, monkeypatch):
    _, desks = newsroom
    sector = SectorFactory(code="A01", name="Trồng trọt")
    agreed = EnterpriseFactory(name="Hợp tác xã Cà phê Thuận An", sector=sector, publish_dbi_consent=True)
    refused = EnterpriseFactory(name="Công ty TNHH Tiêu Đắk Song", sector=sector, publish_dbi_consent=False)
    story = StoryPageFactory(parent=desks["newspaper"], kind=Kind.SUCCESS_STORY, title="Thành công")
    StoryEnterprise.objects.create(page=story, enterprise=agreed)
    StoryEnterprise.objects.create(page=story, enterprise=refused)

    class Result:
        level = 3
        total = 215

    import types

    fake = types.ModuleType("assessment_forms.services")
    fake.latest_verified = lambda enterprise: Result()
    monkeypatch.setitem(__import__("sys").modules, "assessment_forms.services", fake)
    html = client.get(story.url).content.decode()
    assert "Hợp tác xã Cà phê Thuận An" in html
    assert "Công ty TNHH Tiêu Đắk Song" in html
    assert html.count("215/320") == 1
