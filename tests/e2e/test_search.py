"""Searching on a phone without diacritics, the autocomplete combobox, accessibility."""

import pytest

from .axe import assert_accessible

TITLE = "Chuyển đổi số cho doanh nghiệp nhỏ"


@pytest.fixture
def search_site(settings, live_site):
    from home.factories import StandardPageFactory
    from home.models import HomePage

    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
    home = HomePage.objects.get(depth=2, locale__language_code="vi")
    page = StandardPageFactory(
        parent=home, title=TITLE, slug="chuyen-doi-so-dn-nho", intro="Lộ trình chuyển đổi số cho hộ kinh doanh."
    )
    return live_site, page


def test_phone_search_without_diacritics_opens_a_result(search_site, phone_page):
    live_site, page = search_site
    phone_page.goto(live_site.url + "/search/")
    assert_accessible(phone_page)
    phone_page.get_by_label("Từ khóa (gõ có dấu hoặc không dấu)").fill("chuyen doi so")
    phone_page.get_by_role("button", name="Tìm", exact=True).click()
    phone_page.wait_for_url("**/search/?q=chuyen+doi+so")
    result = phone_page.get_by_role("link", name=TITLE)
    result.wait_for()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(phone_page)
    result.click()
    phone_page.wait_for_url(live_site.url + page.url)
    assert phone_page.locator("h1").inner_text() == TITLE


def test_autocomplete_combobox(search_site, page):
    live_site, found = search_site
    page.goto(live_site.url + "/search/")
    box = page.get_by_role("combobox")
    box.press_sequentially("chuyen doi so cho", delay=20)
    option = page.get_by_role("option", name=TITLE)
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert_accessible(page)
    box.press("ArrowDown")
    assert page.locator("[role=option][aria-selected=true]").count() == 1
    box.press("Enter")
    page.wait_for_url(live_site.url + found.url)
