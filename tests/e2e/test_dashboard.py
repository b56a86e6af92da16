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
