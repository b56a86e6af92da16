"""The route cache (home/routing.py): page URLs served from a warm cache stay right after
every change that moves, hides, edits or restricts a page."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Locale, PageViewRestriction

from core.pages import translate_page
from home import routing
from home.factories import StandardPageFactory, make_site_home

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(client):
    home = make_site_home()
    client.get("/")  # the first render creates the site's settings (a public change: "site")
    return home


@pytest.fixture
def misses(monkeypatch):
    """The paths routed by Wagtail (a cold or stale entry) rather than from the cache."""
    routed = []
    remember = routing._remember

    def counting(request, site, key, path):
        routed.append(path)
        return remember(request, site, key, path)

    monkeypatch.setattr(routing, "_remember", counting)
    return routed


def publish(page):
    page.save_revision().publish()


def test_a_warm_route_follows_edits_unpublishing_and_republishing(client, home, misses):
    page = StandardPageFactory(parent=home, title="Chương trình hỗ trợ", slug="chuong-trinh")
    assert "Chương trình hỗ trợ" in client.get("/chuong-trinh/").content.decode()
    assert "Chương trình hỗ trợ" in client.get("/chuong-trinh/").content.decode()
    assert misses == ["chuong-trinh/"]  # the second request came from the cache

    page.title = "Chương trình đã sửa"
    publish(page)
    assert "Chương trình đã sửa" in client.get("/chuong-trinh/").content.decode()

    # A draft is not shown to visitors, from the cache or not.
    page.title = "Bản nháp chưa đăng"
    page.save_revision()
    for _ in range(2):
        html = client.get("/chuong-trinh/").content.decode()
        assert "Chương trình đã sửa" in html and "Bản nháp chưa đăng" not in html

    page.unpublish()
    assert client.get("/chuong-trinh/").status_code == 404
    assert client.get("/chuong-trinh/").status_code == 404
    publish(page)
    assert "Bản nháp chưa đăng" in client.get("/chuong-trinh/").content.decode()


def test_a_slug_change_and_a_move_leave_no_stale_route(client, home):
    page = StandardPageFactory(parent=home, title="Liên hệ", slug="lien-he")
    section = StandardPageFactory(parent=home, title="Giới thiệu chung", slug="gioi-thieu-chung")
    for _ in range(2):
        assert client.get("/lien-he/").status_code == 200
    page.slug = "lien-he-moi"
    publish(page)
    assert client.get("/lien-he/").status_code in (301, 404)  # Wagtail may redirect the old URL
    for _ in range(2):
        assert "Liên hệ" in client.get("/lien-he-moi/").content.decode()

    page.refresh_from_db()
    page.move(section, pos="last-child")
    old = client.get("/lien-he-moi/")
    assert old.status_code in (301, 404)
    assert old.status_code == 404 or old["Location"] == "/gioi-thieu-chung/lien-he-moi/"
    for _ in range(2):
        assert "Liên hệ" in client.get("/gioi-thieu-chung/lien-he-moi/").content.decode()

    page.refresh_from_db()
    page.delete()
    assert client.get("/gioi-thieu-chung/lien-he-moi/").status_code == 404


def test_a_password_restricted_page_is_never_served_from_the_cache(client, home, misses):
    section = StandardPageFactory(parent=home, title="Tài liệu nội bộ", slug="noi-bo")
    page = StandardPageFactory(parent=section, title="Biên bản họp kín", slug="bien-ban")
    for _ in range(2):
        assert "Biên bản họp kín" in client.get("/noi-bo/bien-ban/").content.decode()

    # A restriction on an ancestor protects the page at once, with the route cache warm.
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.PASSWORD, password="mk")
    for _ in range(3):
        response = client.get("/noi-bo/bien-ban/")
        assert "Biên bản họp kín" not in response.content.decode()
        assert 'name="password"' in response.content.decode()
    entry = cache.get(routing.route_key(home.get_site(), "vi", "noi-bo/bien-ban/"))
    assert entry["restricted"] and "page" not in entry

    # With the password the page is served (by Wagtail, not from the cache).
    restriction = PageViewRestriction.objects.get(page=section)
    client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]),
        {"password": "mk", "return_url": "/noi-bo/bien-ban/"},
    )
    assert "Biên bản họp kín" in client.get("/noi-bo/bien-ban/").content.decode()

    # Lifting the restriction makes the page public again.
    restriction.delete()
    client.cookies.clear()
    for _ in range(2):
        assert "Biên bản họp kín" in client.get("/noi-bo/bien-ban/").content.decode()


def test_a_login_restricted_page_asks_anonymous_visitors_to_log_in(client, home):
    page = StandardPageFactory(parent=home, title="Chỉ thành viên", slug="thanh-vien")
    client.get("/thanh-vien/")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):
        response = client.get("/thanh-vien/")
        assert response.status_code == 302
        assert "Chỉ thành viên" not in response.content.decode()


def test_not_found_is_not_remembered(client, home, misses):
    for _ in range(2):
        assert client.get("/khong-co-trang-nay/").status_code == 404
    assert misses == ["khong-co-trang-nay/"] * 2
    StandardPageFactory(parent=home, title="Trang mới", slug="khong-co-trang-nay")
    assert client.get("/khong-co-trang-nay/").status_code == 200


def test_english_and_vietnamese_pages_keep_their_own_routes(client, home):
    english = Locale.objects.get(language_code="en")
    translate_page(home, english, title="Home")
    page = StandardPageFactory(parent=home, title="Giới thiệu", slug="gioi-thieu", intro="Bản tiếng Việt.")
    translate_page(page, english, title="About", slug="about", intro="English text.")
    for _ in range(2):
        vi = client.get("/gioi-thieu/").content.decode()
        en = client.get("/en/about/").content.decode()
        assert "Bản tiếng Việt." in vi and "English text." not in vi
        assert "English text." in en and "Bản tiếng Việt." not in en
    assert client.get("/en/gioi-thieu/").status_code == 404


def test_routable_pages_and_their_sub_urls(client, home, misses):
    from events.factories import EventIndexPageFactory, EventPageFactory

    index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(parent=index, title="Tập huấn thương mại điện tử", slug="tap-huan-tmdt")
    urls = ["/su-kien/", "/su-kien/archive/", "/su-kien/tap-huan-tmdt/", "/su-kien/tap-huan-tmdt/ical/"]
    cold = {url: client.get(url) for url in urls}
    for url in urls:
        client.get(url)
    misses.clear()
    warm = {url: client.get(url) for url in urls}
    assert misses == []  # all from the cache
    for url in urls:
        assert warm[url].status_code == cold[url].status_code == 200, url
        assert warm[url]["Content-Type"] == cold[url]["Content-Type"], url
    assert warm["/su-kien/tap-huan-tmdt/ical/"]["Content-Type"].startswith("text/calendar")
    assert "Tập huấn thương mại điện tử" in warm["/su-kien/tap-huan-tmdt/"].content.decode()
    assert client.get("/su-kien/khong-co/").status_code == 404

    event.title = "Tập huấn đã đổi tên"
    publish(event)
    assert "Tập huấn đã đổi tên" in client.get("/su-kien/tap-huan-tmdt/").content.decode()


def test_logged_in_editors_get_the_page_from_the_database(client, home, admin_user):
    page = StandardPageFactory(parent=home, title="Trang cho biên tập", slug="bien-tap")
    client.get("/bien-tap/")
    client.get("/bien-tap/")
    client.force_login(admin_user)
    for _ in range(2):
        assert "Trang cho biên tập" in client.get("/bien-tap/").content.decode()
    page.title = "Đã sửa và đăng"
    publish(page)
    assert "Đã sửa và đăng" in client.get("/bien-tap/").content.decode()
