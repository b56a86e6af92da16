"""The dashboard on a phone: change the year and a filter; zero axe violations."""

from .axe import assert_accessible


def _build(quiet):
    from dashboard.demo import build
    from tests.dashboard.data import build_known_set

    build(quiet)
    return build_known_set()


def test_dashboard_on_a_phone_year_and_filter(live_site, phone_page, quiet):
    _build(quiet)
    phone_page.goto(live_site.url + "/bang-so-lieu/")
    assert phone_page.locator("h1").inner_text().endswith("2025")
    assert phone_page.locator("svg[role=img] title").count() >= 3
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    # A wide table scrolls inside its box with a visible hint; a narrow one fits without it.
    assert phone_page.locator("#by_sector-hint").is_visible()
    assert phone_page.locator("#overview-hint").is_hidden()
    assert_accessible(phone_page)

    phone_page.get_by_label("Năm", exact=True).select_option("2024")
    phone_page.get_by_role("button", name="Xem số liệu").click()
    phone_page.wait_for_url("**year=2024**")
    assert "2024" in phone_page.locator("h1").inner_text()

    phone_page.get_by_label("Quy mô", exact=True).select_option("small")
    phone_page.get_by_role("button", name="Xem số liệu").click()
    phone_page.wait_for_url("**size=small**")
    assert "year=2024" in phone_page.url
    assert phone_page.locator(".dx-chosen").count() == 1
    assert_accessible(phone_page)


def test_dashboard_tables_fit_on_a_desktop(live_site, page, quiet):
    """At 1280 px the tables are not clipped ("Đã thẩ…"): wide ones sit full width under their chart."""
    _build(quiet)
    page.goto(live_site.url + "/bang-so-lieu/")
    clipped = page.evaluate(
        "[...document.querySelectorAll('.dx-table-wrap')].filter(w => w.scrollWidth > w.clientWidth + 1).length"
    )
    assert clipped == 0
    assert page.locator(".dx-scroll-hint:visible").count() == 0
