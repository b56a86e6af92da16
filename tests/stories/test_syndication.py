"""Feeds (parsed back with feedparser), the podcast, the widget, the sitemap and robots.txt."""

import feedparser
import pytest

from enterprises.factories import SectorFactory
from stories.choices import Kind
from stories.factories import JournalistFactory, StoryPageFactory
from stories.media import make_audio, make_image
from stories.models import StoryByline, StoryPillarTag

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(newsroom):
    _, desks = newsroom
    journalist = JournalistFactory(name="Lê Minh Tuấn", desk="radio")
    audio = make_audio("Bản tin thử", seconds=2, slug="ban-tin-thu")
    segment = StoryPageFactory(
        parent=desks["radio"],
        title="Bản tin chuyển đổi số tuần này",
        kind=Kind.RADIO_SEGMENT,
        body=[
            ("paragraph", "<p>Giới thiệu.</p>"),
            ("audio", {"title": "Bản tin", "audio": audio, "duration": 2, "transcript": "<p>Kính chào quý vị.</p>"}),
        ],
    )
    StoryByline.objects.create(page=segment, journalist=journalist)
    article = StoryPageFactory(
        parent=desks["newspaper"], title="Hóa đơn điện tử ở Gia Nghĩa", cover_image=make_image("Ảnh thử")
    )
    StoryPillarTag.objects.create(page=article, code="P2")
    article.sectors.add(SectorFactory(code="G", name="Bán buôn và bán lẻ"))
    article.save_revision().publish()
    StoryPageFactory(parent=desks["portal"], title="Bản nháp chưa đăng", live=False)
    return {"segment": segment, "article": article, "audio": audio}


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed


def test_desk_rss_and_atom(client, stories):
    response, rss = parse(client, "/feeds/stories/desk/newspaper/")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert rss.version == "rss20"
    assert rss.feed.title and rss.feed.link and rss.feed.description
    titles = [entry.title for entry in rss.entries]
    assert titles == ["Hóa đơn điện tử ở Gia Nghĩa"]
    entry = rss.entries[0]
    assert entry.link.startswith("http://testserver/") and entry.published and entry.description

    response, atom = parse(client, "/feeds/stories/desk/newspaper/atom/")
    assert atom.version == "atom10"
    assert [entry.title for entry in atom.entries] == titles
    assert atom.entries[0].id and atom.entries[0].updated


def test_all_kind_and_tag_feeds(client, stories):
    _, everything = parse(client, "/feeds/stories/")
    titles = {entry.title for entry in everything.entries}
    assert titles == {"Hóa đơn điện tử ở Gia Nghĩa", "Bản tin chuyển đổi số tuần này"}  # no drafts
    _, kind = parse(client, "/feeds/stories/kind/radio_segment/")
    assert [entry.title for entry in kind.entries] == ["Bản tin chuyển đổi số tuần này"]
    assert kind.entries[0].author == "Lê Minh Tuấn"
    _, pillar = parse(client, "/feeds/stories/pillar/P2/atom/")
    assert [entry.title for entry in pillar.entries] == ["Hóa đơn điện tử ở Gia Nghĩa"]
    _, sector = parse(client, "/feeds/stories/sector/G/")
    assert [entry.title for entry in sector.entries] == ["Hóa đơn điện tử ở Gia Nghĩa"]
    for missing in ("/feeds/stories/desk/tv/", "/feeds/stories/kind/poem/", "/feeds/stories/pillar/P9/"):
        assert client.get(missing).status_code == 404


def test_podcast_feed_has_enclosures_and_itunes_tags(client, stories):
    response, podcast = parse(client, "/feeds/stories/podcast/")
    assert podcast.version == "rss20"
    assert podcast.namespaces.get("itunes") == "http://www.itunes.com/dtds/podcast-1.0.dtd"
    xml = response.content.decode()
    for tag in ("<itunes:explicit>false</itunes:explicit>", "<itunes:category text=", "<itunes:owner>"):
        assert tag in xml
    assert podcast.feed.image.href.endswith("stories/podcast.png")
    assert podcast.feed.author_detail or podcast.feed.get("itunes_author")
    (entry,) = podcast.entries
    (enclosure,) = entry.enclosures
    assert enclosure.type == "audio/x-wav" or enclosure.type == "audio/wav"
    assert int(enclosure.length) == stories["audio"].file_size > 0
    assert enclosure.href.startswith("http://testserver/documents/")
    assert entry.itunes_duration == "2"
    assert client.get(enclosure.href.replace("http://testserver", "")).status_code == 200


def test_english_feed_uses_english_stories(client, stories):
    from wagtail.models import Locale

    from core.pages import translate_page

    _, feed = parse(client, "/en/feeds/stories/")
    assert feed.entries == []  # nothing translated yet: no Vietnamese story leaks into it
    translate_page(stories["article"], Locale.objects.get(language_code="en"), title="E-invoices in Gia Nghia")
    _, feed = parse(client, "/en/feeds/stories/")
    assert [entry.title for entry in feed.entries] == ["E-invoices in Gia Nghia"]
    _, vietnamese = parse(client, "/feeds/stories/")
    assert "E-invoices in Gia Nghia" not in [entry.title for entry in vietnamese.entries]


def test_widget_is_iframe_safe(client, stories):
    response = client.get("/widgets/stories/", {"limit": 1, "desk": "radio"})
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    html = response.content.decode()
    assert "Bản tin chuyển đổi số tuần này" in html
    assert "Hóa đơn điện tử" not in html
    assert 'target="_blank"' in html
    assert client.get("/widgets/stories/", {"limit": "nhiều"}).status_code == 200


def test_sitemap_and_robots(client, stories):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/tin-tuc/bao/" in sitemap
    assert stories["article"].slug in sitemap
    assert "ban-nhap" not in sitemap
    assert "/en/" in sitemap
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    body = robots.content.decode()
    assert "Disallow: /admin/" in body and "Sitemap: http://testserver/sitemap.xml" in body
