import pytest

from stories.demo import build
from stories.models import DeskIndexPage, StoryPage

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_renders(client, site_home, quiet):
    build(quiet)
    count = StoryPage.objects.count()
    build(quiet)
    assert StoryPage.objects.count() == count
    assert StoryPage.objects.filter(locale__language_code="en").count() >= 3
    assert set(DeskIndexPage.objects.values_list("desk", flat=True)) == {"newspaper", "radio", "portal"}
    for story in StoryPage.objects.live():
        response = client.get(story.url)
        assert response.status_code == 200, story.url
    radio = StoryPage.objects.filter(kind="radio_segment", locale__language_code="vi").first()
    assert radio.first_audio() is not None
    success = StoryPage.objects.get(slug="htx-ca-phe-thuan-an-len-san-thuong-mai-dien-tu")
    html = client.get(success.url).content.decode()
    assert "Mức 3" in html and "/320 điểm" in html
    assert client.get("/feeds/stories/podcast/").status_code == 200
