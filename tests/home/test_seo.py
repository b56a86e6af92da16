"""Every public page has a meta description and Open Graph tags; the DBI landing page is
indexable (only a respondent's resume, step and result pages are not); the favicon exists."""

import re
from html import unescape

import pytest

pytestmark = pytest.mark.django_db


def head_meta(html):
    """{name or property: content} of the <meta> tags."""
    found = {}
    for tag in re.findall(r"<meta\s[^>]*>", html):
        key = re.search(r'(?:name|property)="([^"]+)"', tag)
        content = re.search(r'content="([^"]*)"', tag)
        if key and content:
            found[key.group(1)] = unescape(content.group(1))
    return found


@pytest.fixture
def pages(site_home):
    from dashboard.factories import DashboardPageFactory
    from events.factories import EventIndexPageFactory, EventPageFactory
    from handbook.factories import HandbookChapterPageFactory, HandbookIndexPageFactory
    from stories.factories import StoryPageFactory, make_newsroom

    _newsroom, desks = make_newsroom(site_home)
    story = StoryPageFactory(
        parent=desks["newspaper"],
        title="Nông dân Đắk Mil bán cà phê qua livestream",
        standfirst="Từ một buổi phát trực tiếp, hợp tác xã bán hết 2 tấn cà phê.",
    )
    handbook = HandbookIndexPageFactory(parent=site_home, intro="Cẩm nang chuyển đổi số cho doanh nghiệp nhỏ.")
    chapter = HandbookChapterPageFactory(parent=handbook, intro="Dữ liệu là tài sản của doanh nghiệp.")
    event = EventPageFactory(parent=EventIndexPageFactory(parent=site_home), summary="Tập huấn bán hàng trực tuyến.")
    dashboard = DashboardPageFactory(parent=site_home, intro="<p>Bức tranh <b>chuyển đổi số</b> toàn tỉnh.</p>")
    return {
        "home": (site_home, site_home.intro),
        "story": (story, story.standfirst),
        "handbook": (handbook, handbook.intro),
        "chapter": (chapter, chapter.intro),
        "event": (event, event.summary),
        "dashboard": (dashboard, "Bức tranh chuyển đổi số toàn tỉnh."),
    }


@pytest.mark.parametrize("key", ["home", "story", "handbook", "chapter", "event", "dashboard"])
def test_pages_have_a_description_and_open_graph(client, pages, key):
    page, expected = pages[key]
    response = client.get(page.url)
    assert response.status_code == 200
    meta = head_meta(response.content.decode())
    assert expected and meta["description"] == expected
    assert meta["og:description"] == expected
    assert meta["og:title"] == page.title
    assert meta["og:url"] == "http://testserver" + page.url
    assert meta["og:type"] == ("article" if key == "story" else "website")
    assert "robots" not in meta


def test_search_description_wins_over_the_introduction(client, pages):
    story, _standfirst = pages["story"]
    story.search_description = "Mô tả cho máy tìm kiếm."
    story.save_revision().publish()
    assert head_meta(client.get(story.url).content.decode())["description"] == "Mô tả cho máy tìm kiếm."


def test_views_without_a_page_still_have_a_description(client, site_home):
    meta = head_meta(client.get("/search/").content.decode())
    assert len(meta["description"]) > 50
    english = head_meta(client.get("/en/search/").content.decode())
    assert english["description"] != meta["description"]
    assert english["og:locale"] == "en_GB" and meta["og:locale"] == "vi_VN"


def test_dbi_landing_page_is_indexable_but_not_the_respondent_pages(client, site_home):
    from assessment_forms.factories import load_dbi_1970
    from assessment_forms.models import AssessmentPage

    load_dbi_1970()
    page = AssessmentPage(title="Tự đánh giá DBI", slug="tu-danh-gia-dbi", min_fill_seconds=0)
    site_home.add_child(instance=page)
    page.save_revision().publish()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "X-Robots-Tag" not in response
    assert "noindex" not in response.content.decode()
    assert "description" in head_meta(response.content.decode())


def test_favicon_and_app_icons(client, site_home):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("img/favicon.ico")
    html = client.get(site_home.url).content.decode()
    assert 'rel="apple-touch-icon"' in html and 'rel="manifest"' in html
    from django.contrib.staticfiles import finders

    for name in ("img/favicon.ico", "img/apple-touch-icon.png", "site.webmanifest", "img/icon-192.png"):
        assert finders.find(name), name
