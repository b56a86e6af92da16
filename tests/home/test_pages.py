import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase

from core.pages import translate_page
from home.factories import StandardPageFactory, make_site_home
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_home_renders_in_vietnamese_at_root(client, site_home):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Chuyển đổi số cho doanh nghiệp của tỉnh" in html
    assert "Bỏ qua, đến nội dung chính" in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html


def test_home_renders_in_english_under_en(client, site_home):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Digital transformation for the province&#x27;s enterprises" in html
    assert "Skip to main content" in html


def test_switcher_keeps_the_visitor_on_the_same_page(client, site_home):
    html = client.get("/gioi-thieu/").content.decode()
    assert 'href="/en/about/" hreflang="en"' in html
    html = client.get("/en/about/").content.decode()
    assert 'href="/gioi-thieu/" hreflang="vi"' in html


def test_switcher_falls_back_to_home_when_no_translation(client, site_home):
    StandardPageFactory(parent=site_home, title="Chỉ có tiếng Việt", slug="chi-tieng-viet")
    html = client.get("/chi-tieng-viet/").content.decode()
    # The closest translated parent is the home page; the flag makes it say so.
    assert 'href="/en/?chua_dich=1" hreflang="en"' in html


def test_switcher_on_a_plain_view_translates_the_url(client, site_home):
    html = client.get(reverse("search") + "?q=abc").content.decode()
    assert 'href="/en/search/?q=abc" hreflang="en"' in html


def test_menu_lists_pages_in_the_active_language(client, site_home):
    vi = client.get("/").content.decode()
    en = client.get("/en/").content.decode()
    assert 'href="/gioi-thieu/"' in vi
    assert 'href="/en/about/"' in en


def test_menu_follows_publishing(client, site_home):
    page = StandardPageFactory(parent=site_home, title="Mục mới", slug="muc-moi", show_in_menus=True)
    assert 'href="/muc-moi/"' in client.get("/").content.decode()
    page.unpublish()
    assert 'href="/muc-moi/"' not in client.get("/").content.decode()


def test_footer_shows_the_programme_owner_in_each_language(client, site_home):
    assert "Sở Khoa học và Công nghệ tỉnh Lâm Đồng" in client.get("/").content.decode()
    assert "Department of Science and Technology" in client.get("/en/").content.decode()


def test_not_found_in_both_languages(client, site_home):
    vi = client.get("/khong-co-trang-nay/")
    assert vi.status_code == 404
    assert '<html lang="vi">' in vi.content.decode()
    assert "Không tìm thấy trang" in vi.content.decode()
    en = client.get("/en/no-such-page/")
    assert en.status_code == 404
    assert '<html lang="en">' in en.content.decode()
    assert "Page not found" in en.content.decode()


def test_server_error_page_in_both_languages(rf):
    from django.utils import translation

    from home.views import server_error

    with translation.override("vi"):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert '<html lang="vi">' in response.content.decode()
    assert "Đã có lỗi xảy ra" in response.content.decode()
    with translation.override("en"):
        response = server_error(rf.get("/en/"))
    assert '<html lang="en">' in response.content.decode()
    assert "Something went wrong" in response.content.decode()


def test_demo_content_is_idempotent(site_home, quiet):
    from home.demo import build, build_home_sections

    before = Page.objects.count()
    build(quiet)
    build_home_sections(quiet)
    assert Page.objects.count() == before
    assert HomePage.objects.filter(locale__language_code="vi").count() == 1
    assert HomePage.objects.filter(locale__language_code="en").count() == 1


def test_vietnamese_number_and_date_formats(site_home):
    import datetime

    from django.template import Context, Template
    from django.utils import translation

    template = Template('{% load site_tags %}{{ n|number }} {{ x|number:1 }} {{ d|date:"SHORT_DATE_FORMAT" }}')
    context = Context({"n": 1234567, "x": 1234.5, "d": datetime.date(2026, 11, 24)})
    with translation.override("vi"):
        assert template.render(context) == "1.234.567 1.234,5 24/11/2026"
    with translation.override("en"):
        assert template.render(context) == "1,234,567 1,234.5 11/24/2026"


def test_time_zone_is_vietnam(settings):
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.LANGUAGE_CODE == "vi"


def test_no_asset_from_a_cdn(client, site_home):
    import re

    html = client.get("/").content.decode()
    for tag in re.findall(r"<(?:script|link|img|source)\b[^>]*>", html):
        if 'rel="alternate"' in tag:
            continue  # links to the page in other languages, not assets
        for url in re.findall(r'(?:src|href|srcset)="([^"]+)"', tag):
            assert not url.startswith(("http://", "https://", "//")) or url.startswith("http://testserver/"), url


class TestPageRules(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_home()

    def test_home_only_under_the_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_standard_page_under_home(self):
        self.assertCanCreateAt(HomePage, StandardPage)

    def test_pages_render(self):
        self.assertPageIsRenderable(self.home)
        page = StandardPageFactory(parent=self.home)
        self.assertPageIsRenderable(page)

    def test_translation_renders(self):
        en = Locale.objects.get(language_code="en")
        translate_page(self.home, en, title="Home", slug="home-en")
        response = self.client.get("/en/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<html lang="en">')
