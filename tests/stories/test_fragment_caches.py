"""The story, desk and newsroom pages keep their expensive parts in fragment caches (issue 21):
every change that should show, shows on the next request, and nothing crosses languages or
leaks a draft. Each test renders the pages first (the fragments are stored), changes
something, and reads the pages again."""

import pytest
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from core.pages import translate_page
from stories.factories import JournalistFactory, StoryPageFactory
from stories.models import StoryByline, StoryPage, StoryPillarTag

pytestmark = pytest.mark.django_db


def html(client, page_or_url, **params):
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def publish(page, **fields):
    """Edit `page` the way the admin does (a revision, then publish) and return it fresh."""
    page = StoryPage.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return StoryPage.objects.get(pk=page.pk)


@pytest.fixture
def story(newsroom):
    _, desks = newsroom
    journalist = JournalistFactory(name="Nguyễn Thị Hoa")
    story = StoryPageFactory(
        parent=desks["newspaper"],
        title="Hợp tác xã cà phê lên sàn",
        body=[("paragraph", "<p>Thân bài thứ nhất.</p>")],
    )
    StoryByline.objects.create(page=story, journalist=journalist)
    return publish(story)


def all_pages(client, newsroom, story):
    front, desks = newsroom
    return html(client, story), html(client, desks["newspaper"]), html(client, front)


def test_edit_and_publish_shows_at_once_everywhere(client, newsroom, story):
    story_html, desk_html, front_html = all_pages(client, newsroom, story)
    assert "Thân bài thứ nhất." in story_html
    assert "Hợp tác xã cà phê lên sàn" in desk_html and "Hợp tác xã cà phê lên sàn" in front_html

    story = publish(
        story,
        title="Hợp tác xã cà phê bán hàng qua mạng",
        standfirst="Sa-pô mới của bài.",
        body=[("paragraph", "<p>Thân bài đã sửa.</p>")],
    )
    story_html, desk_html, front_html = all_pages(client, newsroom, story)
    assert "Thân bài đã sửa." in story_html and "Thân bài thứ nhất." not in story_html
    assert "Sa-pô mới của bài." in story_html
    for page_html in (story_html, desk_html, front_html):
        assert "Hợp tác xã cà phê bán hàng qua mạng" in page_html
        assert "Hợp tác xã cà phê lên sàn" not in page_html
    assert "Sa-pô mới của bài." in desk_html and "Sa-pô mới của bài." in front_html


def test_a_draft_changes_nothing_until_published(client, newsroom, story):
    all_pages(client, newsroom, story)
    draft = StoryPage.objects.get(pk=story.pk)
    draft.title = "Bản nháp chưa duyệt"
    draft.save_revision()
    for page_html in all_pages(client, newsroom, story):
        assert "Bản nháp chưa duyệt" not in page_html
        assert "Hợp tác xã cà phê lên sàn" in page_html


def test_preview_shows_the_draft_and_never_stores_it(client, newsroom, story, rf):
    all_pages(client, newsroom, story)  # the live fragments are stored
    draft = StoryPage.objects.get(pk=story.pk)
    draft.title = "Tiêu đề đang xem trước"
    draft.body = [("paragraph", "<p>Thân bài xem trước.</p>")]
    preview = draft.make_preview_request().content.decode()
    assert "Tiêu đề đang xem trước" in preview and "Thân bài xem trước." in preview
    # Nor is it left behind for visitors, even once the public fragments have expired.
    from django.core.cache import cache

    cache.clear()
    preview = draft.make_preview_request().content.decode()
    assert "Thân bài xem trước." in preview
    story_html = html(client, story)
    assert "Thân bài xem trước." not in story_html and "Thân bài thứ nhất." in story_html


def test_byline_changes_show_at_once(client, newsroom, story):
    all_pages(client, newsroom, story)
    # The journalist renames themselves (a snippet edit).
    journalist = StoryByline.objects.get(page=story).journalist
    journalist.name = "Trần Thị Hoa"
    journalist.save()
    for page_html in all_pages(client, newsroom, story):
        assert "Trần Thị Hoa" in page_html and "Nguyễn Thị Hoa" not in page_html

    # The editor credits the story to someone else (the bylines of a new revision).
    page = StoryPage.objects.get(pk=story.pk)
    page.bylines = [StoryByline(journalist=JournalistFactory(name="Lê Văn Bình"))]
    page.save_revision().publish()
    for page_html in all_pages(client, newsroom, story):
        assert "Lê Văn Bình" in page_html and "Trần Thị Hoa" not in page_html


def test_cover_image_changes_show_at_once(client, newsroom, story):
    Image = get_image_model()
    first = Image.objects.create(title="Ảnh một", file=get_test_image_file(filename="mot.png", size=(800, 450)))
    story = publish(story, cover_image=first)
    story_html, desk_html, front_html = all_pages(client, newsroom, story)
    assert "mot" in story_html and "mot" in desk_html

    second = Image.objects.create(title="Ảnh hai", file=get_test_image_file(filename="hai.png", size=(800, 450)))
    story = publish(story, cover_image=second)
    for page_html in all_pages(client, newsroom, story):
        assert "/hai" in page_html and "/mot" not in page_html

    story = publish(story, cover_image=None)
    for page_html in all_pages(client, newsroom, story):
        assert "/hai" not in page_html


def test_related_story_changes_show_at_once(client, newsroom, story):
    _, desks = newsroom
    StoryPillarTag.objects.create(page=story, code="P2")
    story = publish(story)
    other = StoryPageFactory(parent=desks["radio"], title="Bản tin số hóa nông nghiệp")
    StoryPillarTag.objects.create(page=other, code="P2")
    other = publish(other)
    assert "Bản tin số hóa nông nghiệp" in html(client, story)

    publish(other, title="Bản tin nông nghiệp số")
    story_html = html(client, story)
    assert "Bản tin nông nghiệp số" in story_html and "Bản tin số hóa nông nghiệp" not in story_html

    StoryPage.objects.get(pk=other.pk).unpublish()
    assert "Bản tin nông nghiệp số" not in html(client, story)


def test_unpublish_removes_the_story_from_listings(client, newsroom, story):
    front, desks = newsroom
    all_pages(client, newsroom, story)
    StoryPage.objects.get(pk=story.pk).unpublish()
    assert "Hợp tác xã cà phê lên sàn" not in html(client, desks["newspaper"])
    assert "Hợp tác xã cà phê lên sàn" not in html(client, front)
    assert client.get(story.url).status_code == 404


def test_a_new_story_shows_on_every_page_of_results(client, newsroom, story):
    front, desks = newsroom
    for number in range(13):  # two pages of results
        StoryPageFactory(parent=desks["portal"], title=f"Tin cũ số {number}")
    html(client, front, page=2)
    html(client, front, kind="interview")
    html(client, front, kind="video")
    newest = StoryPageFactory(parent=desks["portal"], title="Tin mới nhất hôm nay", kind="interview")
    assert "Tin mới nhất hôm nay" in html(client, front)
    assert "Tin mới nhất hôm nay" in html(client, front, kind="interview")
    assert "Tin mới nhất hôm nay" not in html(client, front, kind="video")
    assert "Tin cũ số 0" in html(client, front, page=2)
    assert newest.title not in html(client, desks["newspaper"])


def test_languages_never_mix(client, newsroom, story):
    front, desks = newsroom
    english = Locale.objects.get(language_code="en")
    vi_html = all_pages(client, newsroom, story)
    translated = translate_page(
        story, english, title="Coffee cooperative goes online", body=[("paragraph", "<p>English body.</p>")]
    )
    with translation.override("en"):
        en_front = front.get_translation(english)
        en_desk = desks["newspaper"].get_translation(english)
        en_story_html = html(client, translated)
        en_desk_html = html(client, en_desk)
        en_front_html = html(client, en_front)
    assert '<html lang="en">' in en_story_html and "English body." in en_story_html
    for page_html in (en_story_html, en_desk_html, en_front_html):
        assert "Coffee cooperative goes online" in page_html
        assert "Hợp tác xã cà phê lên sàn" not in page_html
    vi_html = all_pages(client, newsroom, story)
    for page_html in vi_html:
        assert "Hợp tác xã cà phê lên sàn" in page_html and "Coffee cooperative goes online" not in page_html
    assert '<html lang="vi">' in vi_html[0] and "English body." not in vi_html[0]


def test_logged_in_editor_and_visitor_see_the_same_public_story(client, newsroom, story, login_as):
    login_as("programme_editor")
    assert "Hợp tác xã cà phê lên sàn" in html(client, story)  # stored by a logged-in request
    client.logout()
    anonymous = html(client, story)
    assert "Hợp tác xã cà phê lên sàn" in anonymous and "Thân bài thứ nhất." in anonymous
    assert "userbar" not in anonymous.split('id="main"')[-1]
