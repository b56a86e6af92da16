"""A journalist drafts and submits a story; the desk editor approves it, which publishes it;
it appears on the desk index and in the desk's feed. Public newsroom pages pass axe."""

import feedparser
import pytest

from .axe import assert_accessible

PASSWORD = "matkhau-thu-nghiem"


@pytest.fixture
def newsroom_site(live_site):
    from accounts.factories import UserFactory
    from home.models import HomePage
    from stories.factories import StoryPageFactory, make_newsroom
    from stories.media import make_audio, make_image

    home = HomePage.objects.get(depth=2, locale__language_code="vi")
    newsroom, desks = make_newsroom(home)
    audio = make_audio("Bản tin e2e", seconds=1, slug="ban-tin-e2e")
    StoryPageFactory(
        parent=desks["radio"],
        title="Bản tin phát thanh về hóa đơn điện tử",
        slug="ban-tin-hoa-don-dien-tu",
        kind="radio_segment",
        cover_image=make_image("Bản tin phát thanh", (150, 40, 60)),
        body=[
            ("paragraph", "<p>Nghe bản tin bên dưới.</p>"),
            ("audio", {"title": "Bản tin", "audio": audio, "duration": 1, "transcript": "<p>Kính chào quý vị.</p>"}),
            ("quote", {"quote": "Hóa đơn điện tử giúp tiết kiệm thời gian.", "attribution": "Cán bộ thuế"}),
            ("facts", {"heading": "Con số", "facts": [{"value": "90%", "label": "hộ kinh doanh đã đăng ký"}]}),
        ],
    )
    people = {
        "journalist": UserFactory(username="phongvien_bao", password=PASSWORD, roles=["journalist_newspaper"]),
        "editor": UserFactory(username="bientap_bao", password=PASSWORD, roles=["desk_editor_newspaper"]),
    }
    return {"server": live_site, "newsroom": newsroom, "desks": desks, "people": people}


def login(page, base, username):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/admin/")


def test_journalist_submits_editor_approves_story_is_published(newsroom_site, browser):
    base = newsroom_site["server"].url
    desk = newsroom_site["desks"]["newspaper"]
    title = "Hợp tác xã Ea Pô bán cà phê qua sàn thương mại điện tử"

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.set_default_timeout(20_000)
    page = context.new_page()
    login(page, base, "phongvien_bao")
    page.goto(f"{base}/admin/pages/{desk.pk}/add_subpage/")
    page.wait_for_selector("#id_title")
    page.fill("#id_title", title)
    page.fill("#id_standfirst", "Hợp tác xã ở Cư Jút tăng doanh thu nhờ bán hàng trực tuyến.")
    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator('button[name="action-submit"]').click()
    page.wait_for_url(f"{base}/admin/pages/{desk.pk}/**")
    context.close()

    from stories.models import StoryPage

    story = StoryPage.objects.get(title=title)
    assert not story.live
    assert story.current_workflow_state is not None

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.set_default_timeout(20_000)
    page = context.new_page()
    login(page, base, "bientap_bao")
    page.goto(f"{base}/admin/pages/{story.pk}/edit/")
    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator('button[data-workflow-action-name="approve"]').first.click()
    page.wait_for_load_state("networkidle")
    context.close()

    story.refresh_from_db()
    assert story.live

    public = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = public.new_page()
    page.goto(base + desk.url)
    link = page.get_by_role("link", name=title)
    assert link.count() == 1
    assert_accessible(page)
    link.click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == title
    assert_accessible(page)
    feed = page.request.get(f"{base}/feeds/stories/desk/newspaper/")
    parsed = feedparser.parse(feed.body())
    assert title in [entry.title for entry in parsed.entries]
    public.close()


def test_public_newsroom_pages_are_accessible(newsroom_site, page, phone_page):
    base = newsroom_site["server"].url
    for url in (
        "/tin-tuc/",
        "/tin-tuc/phat-thanh-truyen-hinh/",
        "/tin-tuc/phat-thanh-truyen-hinh/ban-tin-hoa-don-dien-tu/",
    ):
        page.goto(base + url)
        assert_accessible(page)
    page.goto(base + "/widgets/stories/")
    assert page.get_by_role("link", name="Bản tin phát thanh về hóa đơn điện tử").count() == 1
    assert_accessible(page)
    phone_page.goto(base + "/tin-tuc/phat-thanh-truyen-hinh/ban-tin-hoa-don-dien-tu/")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(phone_page)
