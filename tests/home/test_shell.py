"""The site shell: language switch that keeps the object and its filters or says there is no
translation, short-label main menu, English footer, home blocks in the container, share
links and bylines on stories, ASCII slugs."""

import re

import pytest

from home.navigation import language_links

pytestmark = pytest.mark.django_db


def switch_link(html, code):
    match = re.search(rf'<a class="nav-link" href="([^"]+)" hreflang="{code}"', html)
    assert match, f"no {code} link"
    return match.group(1).replace("&amp;", "&")


def test_switch_keeps_the_enterprise_profile_and_the_query(client, site_home):
    from enterprises.factories import EnterpriseFactory
    from honors.factories import RankingEntryFactory, make_rankings_page, translate_rankings_page

    rankings = make_rankings_page(site_home)
    english = translate_rankings_page(rankings)
    english.refresh_from_db()
    from assessment_forms.models import PublishedYear

    enterprise = EnterpriseFactory(publish_dbi_consent=True)
    # Public rankings (and profiles) show only published years.
    PublishedYear.objects.get_or_create(year=RankingEntryFactory(enterprise=enterprise).year)
    profile = rankings.profile_url(enterprise.pk)
    html = client.get(profile).content.decode()
    link = switch_link(html, "en")
    assert link == english.profile_url(enterprise.pk)
    assert client.get(link).status_code == 200
    # Filters in the query string survive the switch, both ways.
    listing = client.get(rankings.url + "?year=2025&size=small").content.decode()
    assert switch_link(listing, "en") == english.url + "?year=2025&size=small"
    back = client.get(english.url + "?year=2025").content.decode()
    assert switch_link(back, "vi") == rankings.url + "?year=2025"


def test_switch_on_an_untranslated_page_says_so_and_offers_the_closest_parent(client, site_home):
    from wagtail.models import Locale

    from core.pages import translate_page
    from home.factories import StandardPageFactory

    section = StandardPageFactory(parent=site_home, title="Chuyên mục", slug="chuyen-muc")
    english_section = translate_page(section, Locale.objects.get(language_code="en"), title="Section")
    lonely = StandardPageFactory(parent=section, title="Chỉ có tiếng Việt", slug="chi-co-tieng-viet")
    html = client.get(lonely.url).content.decode()
    link = switch_link(html, "en")
    assert link == english_section.url + "?chua_dich=1"
    assert "chưa có bản dịch" in html  # the switch says so to screen readers before the click
    assert 'hreflang="en" href' not in html.split("</head>")[0]  # no false alternate for search engines
    landing = client.get(link).content.decode()
    assert "has no translation in this language yet" in landing
    assert 'class="translation-notice"' in landing


def test_plain_views_keep_their_query(rf, site_home):
    request = rf.get("/search/?q=ca+phe")
    links = {link["code"]: link["url"] for link in language_links(request)}
    assert links["en"] == "/en/search/?q=ca+phe"


def test_main_menu_uses_short_labels_in_each_language(client, site_home):
    from wagtail.models import Site

    from home.models import SiteProfile, StandardPage

    about = StandardPage.objects.get(slug="gioi-thieu", locale=site_home.locale)
    profile = SiteProfile.for_site(Site.objects.get(is_default_site=True))
    profile.main_menu = [("link", {"label": "Giới thiệu", "label_en": "About", "page": about, "url": ""})]
    profile.save()
    html = client.get("/").content.decode()
    assert re.search(r'class="nav-link[^"]*" href="/gioi-thieu/"[^>]*>Giới thiệu</a>', html)
    english = client.get("/en/").content.decode()
    assert re.search(r'href="/en/about/"[^>]*>About</a>', english)
    assert "Giới thiệu chương trình</a>" not in html.split("<main")[0]


def test_english_footer(client, site_home):
    from wagtail.models import Site

    from home.models import SiteProfile

    profile = SiteProfile.for_site(Site.objects.get(is_default_site=True))
    profile.footer_note = "<p>Ghi chú tiếng Việt</p>"
    profile.footer_note_en = "<p>An English note</p>"
    profile.save()
    footer = client.get("/en/").content.decode().split("<footer")[1]
    assert "An English note" in footer and "Ghi chú tiếng Việt" not in footer
    assert "Contact" in footer and "Liên hệ" not in footer
    assert "Ghi chú tiếng Việt" in client.get("/").content.decode().split("<footer")[1]


def test_home_blocks_sit_in_the_page_container(client, site_home):
    from home.demo import build_home_sections

    class Quiet:
        def write(self, *args):
            pass

    site_home.sections = [("assessment_cta", {"heading": "Doanh nghiệp bạn ở đâu?", "text": "Tự đánh giá."})]
    site_home.save_revision().publish()
    html = client.get("/").content.decode()
    assert re.search(r'<div class="container">\s*<aside class="dbi-cta', html)
    assert build_home_sections  # the demo composes the same blocks


def test_story_share_links_and_own_byline(client, site_home):
    from accounts.factories import UserFactory
    from stories import services
    from stories.factories import StoryPageFactory, make_newsroom
    from stories.models import StoryByline

    _newsroom, desks = make_newsroom(site_home)
    story = StoryPageFactory(parent=desks["newspaper"], title="Nông dân Đắk Mil bán cà phê qua livestream")
    # A new journalist has no journalist record yet: opening the editor makes hers.
    user = UserFactory(username="minhanh", first_name="Anh", last_name="Nguyễn Minh", roles=["journalist_newspaper"])
    client.force_login(user)
    from django.urls import reverse

    response = client.get(reverse("wagtailadmin_pages:add", args=["stories", "storypage", desks["newspaper"].pk]))
    assert response.status_code == 200
    journalist = services.ensure_journalist(user, "newspaper")
    assert journalist.user == user and journalist.name == "Nguyễn Minh Anh"
    StoryByline.objects.create(page=story, journalist=journalist, credit="Minh Anh (Báo Đắk Nông)")
    client.logout()
    html = client.get(story.url).content.decode()
    assert "Minh Anh (Báo Đắk Nông)" in html
    address = "http%3A%2F%2Ftestserver" + story.url.replace("/", "%2F")
    assert f'href="https://www.facebook.com/sharer/sharer.php?u={address}"' in html
    assert f"https://sp.zalo.me/share_to_zalo?url={address}" in html
    assert "<script" not in html.split('class="share-links')[1].split("</ul>")[0]
    # Other users get no journalist record.
    assert services.ensure_journalist(UserFactory(roles=["assessor"]), "newspaper") is None


def test_ascii_slugs():
    from core.slugs import ascii_slug

    assert ascii_slug("Nông dân Đắk Mil bán cà phê qua livestream") == "nong-dan-dak-mil-ban-ca-phe-qua-livestream"
    assert ascii_slug("ĐỔI MỚI – sáng tạo!") == "doi-moi-sang-tao"


def test_translations_get_slugs_of_their_own_titles(site_home):
    from wagtail.models import Locale

    from core.pages import translate_page
    from home.factories import StandardPageFactory

    page = StandardPageFactory(parent=site_home, title="Hội thảo", slug="hoi-thao")
    english = translate_page(page, Locale.objects.get(language_code="en"), title="Workshop on digital tools")
    assert english.slug == "workshop-on-digital-tools"


def test_admin_loads_the_ascii_slug_script_and_refuses_unicode_slugs(client, site_home):
    from django.urls import reverse

    from accounts.factories import UserFactory

    client.force_login(UserFactory(roles=["programme_editor"]))
    html = client.get(reverse("wagtailadmin_pages:add", args=["home", "standardpage", site_home.pk])).content.decode()
    assert "home/ascii-slug.js" in html
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["home", "standardpage", site_home.pk]),
        {"title": "Nông dân", "slug": "nông-dân", "intro": "", "body-count": 0},
    )
    assert response.status_code == 200  # the form again, with a message, not a 500
    from home.models import StandardPage

    assert not StandardPage.objects.filter(slug="nông-dân").exists()
