"""The handbook on a phone: table of contents, next links, FAQ and DBI guide, all accessible."""

import pytest

from .axe import assert_accessible


@pytest.fixture
def handbook_site(live_site):
    from handbook.demo import build

    class Quiet:
        def write(self, *args, **kwargs):
            pass

    build(Quiet())
    return live_site


def test_read_the_handbook_on_a_phone(handbook_site, phone_page):
    page = phone_page
    page.goto(handbook_site.url + "/cam-nang/")
    assert page.locator("h1").inner_text() == "Cẩm nang chuyển đổi số"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)

    page.locator(".handbook-tree").get_by_role("link", name="Trụ cột 1: Trải nghiệm số cho khách hàng").click()
    page.wait_for_url("**/cam-nang/trai-nghiem-so-cho-khach-hang/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)

    # The table of contents jumps to its heading.
    toc = page.get_by_role("navigation", name="Trong chương này")
    toc.get_by_role("link", name="Những bước đầu tiên").click()
    page.wait_for_url("**#nhung-buoc-dau-tien")
    heading = page.locator("#nhung-buoc-dau-tien")
    assert heading.inner_text() == "Những bước đầu tiên"
    # Bootstrap scrolls smoothly: wait until the heading has arrived at the top of the screen.
    page.wait_for_function(
        "() => { const r = document.getElementById('nhung-buoc-dau-tien').getBoundingClientRect();"
        " return r.top >= 0 && r.top < 200; }"
    )

    # The next link follows the reading order.
    page.get_by_role("link", name="Chương sau").click()
    page.wait_for_url("**/cam-nang/chien-luoc-chuyen-doi-so/")
    assert page.locator("h1").inner_text() == "Trụ cột 2: Chiến lược chuyển đổi số"
    prev_link = page.locator("a[rel=prev]")
    assert "Trụ cột 1" in prev_link.inner_text()


def test_faq_and_dbi_guide_on_a_phone(handbook_site, phone_page):
    page = phone_page
    page.goto(handbook_site.url + "/cam-nang/")
    page.get_by_role("link", name="Hỏi đáp về chuyển đổi số và bộ chỉ số DBI").click()
    page.wait_for_url("**/cam-nang/hoi-dap/")
    question = page.locator("summary", has_text="Bộ chỉ số DBI là gì?")
    question.click()
    assert page.get_by_text("6 trụ cột, 60 tiêu chí").is_visible()
    assert page.locator("script[type='application/ld+json']").count() == 1
    assert_accessible(page)

    page.goto(handbook_site.url + "/cam-nang/")
    page.get_by_role("link", name="Hướng dẫn bộ chỉ số DBI").click()
    page.wait_for_url("**/cam-nang/huong-dan-dbi/")
    assert page.locator(".dbi-criterion").count() == 60
    page.locator(".dbi-criterion summary").first.click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)


def test_english_chapter_is_accessible(handbook_site, page):
    page.goto(handbook_site.url + "/en/handbook/what-is-digital-transformation/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("link", name="Next chapter").count() == 1
    assert "min read" in page.locator("main").inner_text()
    assert_accessible(page)
