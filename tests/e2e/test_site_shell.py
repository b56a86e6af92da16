from .axe import assert_accessible
from .conftest import open_menu


def test_home_in_vietnamese_switch_to_english_and_back(live_site, page):
    page.goto(live_site.url + "/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("link", name="Bỏ qua, đến nội dung chính").count() == 1
    assert_accessible(page)

    page.get_by_role("link", name="English").click()
    page.wait_for_url(live_site.url + "/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Digital transformation" in page.locator("main").inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_url(live_site.url + "/")
    assert page.locator("html").get_attribute("lang") == "vi"


def test_about_page_keeps_the_page_when_switching(live_site, page):
    page.goto(live_site.url + "/gioi-thieu/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(live_site.url + "/en/about/")
    assert page.locator("h1").inner_text() == "About the programme"
    assert_accessible(page)


def test_phone_layout_has_no_horizontal_scroll_and_menu_opens(live_site, phone_page):
    phone_page.goto(live_site.url + "/")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    open_menu(phone_page)
    phone_page.locator("#main-nav").get_by_role("link", name="Giới thiệu", exact=True).wait_for(state="visible")
    assert_accessible(phone_page)


def test_not_found_page_is_accessible(live_site, page):
    response = page.goto(live_site.url + "/en/nothing-here/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)
