"""Query ceilings of the story and handbook pages with their fragment caches (issue 21): a page
whose fragments are stored runs only the site's own queries (routing, site, menu) and the few
its head needs, the same number with 3 or 9 stories or chapters; a cold render (just after a
publish) stays bounded too, constant in the number of items."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

WARM = 12  # the story page's own share after the site's queries: its cover image at most
COLD = 28  # a story measured 24 just after a publish (related stories, tags, bylines, head)


def count(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def cold_and_warm(client, url, params=None):
    from django.core.cache import cache

    client.get(url, params or {})  # the site's own caches (menu, site root paths)
    for key in list(getattr(cache, "_cache", {})):
        if "template.cache" in key:  # only the fragments: the site's own caches stay warm
            cache.delete(key.split(":", 2)[-1])
    cold = count(client, url, params)
    warm = count(client, url, params)
    return cold, warm


def grow_stories(desk, n, **fields):
    from stories.factories import JournalistFactory, StoryPageFactory
    from stories.models import StoryByline, StoryPillarTag

    journalist = JournalistFactory(name="Nguyễn Thị Hoa")
    for _ in range(n):
        story = StoryPageFactory(parent=desk, **fields)
        StoryByline.objects.create(page=story, journalist=journalist)
        StoryPillarTag.objects.create(page=story, code="P2")
        story.save_revision().publish()


@pytest.fixture
def newsroom(site_home):
    from stories.factories import make_newsroom

    return make_newsroom(site_home)


@pytest.mark.parametrize("which", ["story", "newsroom", "desk"])
def test_stories_pages(client, newsroom, which, django_assert_max_num_queries):
    from stories.factories import StoryPageFactory
    from stories.models import StoryPillarTag

    front, desks = newsroom
    story = StoryPageFactory(parent=desks["newspaper"], title="Số hóa quy trình bán hàng")
    StoryPillarTag.objects.create(page=story, code="P2")
    story.save_revision().publish()
    url = {"story": story.url, "newsroom": front.url, "desk": desks["newspaper"].url}[which]
    counts = []
    for n in (3, 6):
        grow_stories(desks["newspaper"], n)
        counts.append(cold_and_warm(client, url))
    (cold_few, warm_few), (cold_many, warm_many) = counts
    print(url, counts)
    assert warm_many == warm_few <= WARM
    assert cold_many <= cold_few <= COLD
    with django_assert_max_num_queries(WARM):
        client.get(url)


@pytest.fixture
def handbook(site_home):
    from handbook.factories import FAQPageFactory, HandbookChapterPageFactory, HandbookIndexPageFactory

    index = HandbookIndexPageFactory(parent=site_home, slug="cam-nang", show_in_menus=True)
    chapter = HandbookChapterPageFactory(parent=index, title="Chuyển đổi số là gì", slug="chuyen-doi-so-la-gi")
    faq = FAQPageFactory(parent=index, slug="hoi-dap")
    return index, chapter, faq


@pytest.mark.parametrize("which", ["index", "chapter", "faq"])
def test_handbook_pages(client, handbook, which, django_assert_max_num_queries):
    from handbook.factories import HandbookChapterPageFactory

    index, chapter, faq = handbook
    url = {"index": index.url, "chapter": chapter.url, "faq": faq.url}[which]
    counts = []
    for n in (3, 6):
        for _ in range(n):
            HandbookChapterPageFactory(parent=chapter, pillar_codes=["P1"])
        counts.append(cold_and_warm(client, url))
    (cold_few, warm_few), (cold_many, warm_many) = counts
    print(url, counts)
    assert warm_many == warm_few <= WARM
    assert cold_many <= cold_few <= COLD
    with django_assert_max_num_queries(WARM):
        client.get(url)
