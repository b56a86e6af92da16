import pytest
from wagtail.models import Locale

from core.pages import translate_page
from enterprises.factories import EnterpriseFactory
from stories.blocks import LatestStoriesBlock
from stories.choices import Kind
from stories.factories import StoryPageFactory
from stories.media import wav_bytes
from stories.models import StoryPage
from stories.services import ascii_slug, create_draft_story, latest_stories

pytestmark = pytest.mark.django_db


def test_latest_stories_filters_and_locale(newsroom):
    _, desks = newsroom
    StoryPageFactory(parent=desks["newspaper"], title="Một", kind=Kind.ARTICLE)
    video = StoryPageFactory(parent=desks["radio"], title="Hai", kind=Kind.VIDEO)
    StoryPageFactory(parent=desks["portal"], title="Nháp", live=False)
    assert [s.title for s in latest_stories()] == ["Hai", "Một"]
    assert [s.title for s in latest_stories(kind=Kind.VIDEO)] == ["Hai"]
    assert [s.title for s in latest_stories(desk="newspaper")] == ["Một"]
    assert latest_stories(limit=1)[0].title == "Hai"
    en = Locale.objects.get(language_code="en")
    assert latest_stories(locale=en) == []
    translate_page(video, en, title="Two", slug="two", standfirst="English standfirst.")
    assert [s.title for s in latest_stories(locale=en)] == ["Two"]


def test_create_draft_story(newsroom):
    _, desks = newsroom
    enterprise = EnterpriseFactory(name="Công ty Cổ phần Cà phê Đắk Mil")
    story = create_draft_story(
        "portal",
        "Công bố danh sách doanh nghiệp chuyển đổi số tiêu biểu năm 2025",
        "Hội đồng xét tôn vinh công bố kết quả.",
        ["Đoạn thứ nhất.", "Đoạn <thứ hai> & cuối."],
        enterprises=[enterprise],
    )
    story = StoryPage.objects.get(pk=story.pk)
    assert not story.live and story.has_unpublished_changes
    assert story.get_parent().pk == desks["portal"].pk
    assert story.desk == "portal"
    assert story.slug == "cong-bo-danh-sach-doanh-nghiep-chuyen-doi-so-tieu-bieu-nam-2025"
    assert "&lt;thứ hai&gt; &amp; cuối" in str(story.body[0].value)
    assert [e.pk for e in story.enterprises] == [enterprise.pk]
    again = create_draft_story("portal", story.title, "x", ["y"])
    assert again.slug.endswith("-2")
    with pytest.raises(LookupError):
        create_draft_story("tv", "x", "y", [])


def test_latest_stories_block_renders(newsroom):
    _, desks = newsroom
    StoryPageFactory(parent=desks["radio"], title="Chương trình phát thanh số", kind=Kind.RADIO_SEGMENT)
    StoryPageFactory(parent=desks["newspaper"], title="Bài báo in")
    block = LatestStoriesBlock()
    value = block.to_python({"heading": "Tin mới", "number": 3, "kind": "radio_segment", "desk": ""})
    html = block.render(value)
    assert "Chương trình phát thanh số" in html and "Bài báo in" not in html


def test_ascii_slug_and_wav():
    assert ascii_slug("Chuyển đổi số – Đắk Nông!") == "chuyen-doi-so-dak-nong"
    data = wav_bytes(1)
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE"
