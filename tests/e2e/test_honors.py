"""Browse the rankings on a phone: filter by area and size, open a profile; axe finds nothing."""

from decimal import Decimal

import pytest

from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def ranking_data(live_site):
    from enterprises.factories import AdministrativeUnitFactory, EnterpriseFactory, SectorFactory
    from home.models import HomePage
    from honors.factories import RankingEntryFactory, make_rankings_page, translate_rankings_page
    from honors.services.rankings import rerank

    home = HomePage.objects.get(depth=2, locale__language_code="vi")
    page = make_rankings_page(home)
    translate_rankings_page(page)
    mil = AdministrativeUnitFactory(code="663", name="Huyện Đắk Mil")
    jut = AdministrativeUnitFactory(code="662", name="Huyện Cư Jút")
    farming = SectorFactory(code="A", name="Nông nghiệp, lâm nghiệp và thủy sản")
    rows = [
        ("Công ty Cổ phần Cà phê Đắk Mil", mil, "small", 250, 4),
        ("Hợp tác xã Hồ tiêu Đắk Mil", mil, "micro", 180, 3),
        ("Công ty TNHH Nông sản Cư Jút", jut, "small", 210, 3),
        ("Công ty TNHH Sầu riêng Đắk Mil", mil, "small", 150, 2),
    ]
    for name, area, size, total, level in rows:
        enterprise = EnterpriseFactory(name=name, area=area, size_class=size, sector=farming, publish_dbi_consent=True)
        for year, delta in ((2024, -30), (2025, 0)):
            RankingEntryFactory(
                enterprise=enterprise, year=year, total=Decimal(total + delta), level=max(level - (delta < 0), 0)
            )
    rerank(2024)
    rerank(2025)
    from assessment_forms.models import PublishedYear

    for year in (2024, 2025):  # the programme published both years (only published years are public)
        PublishedYear.objects.get_or_create(year=year)
    return page, mil


def _no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_browse_filter_and_open_a_profile_on_a_phone(live_site, ranking_data, phone_page):
    _page, mil = ranking_data
    phone_page.goto(live_site.url + "/xep-hang/")
    assert phone_page.locator("h1").inner_text() == "Xếp hạng chuyển đổi số"
    # On a phone the ranking is a list of cards: rank, name, level, total; no sideways scroll.
    cards = phone_page.locator(".ranking-card")
    assert cards.count() == 4 and phone_page.locator("table.ranking-table").is_hidden()
    assert _no_sideways_scroll(phone_page)
    first = cards.first
    assert first.locator(".ranking-card-rank").inner_text().split()[-1] == "1"
    assert "Nâng cao" in first.inner_text() and "250" in first.inner_text()
    # The pillars open on tap.
    assert not first.locator(".ranking-card-pillars").is_visible()
    first.locator("summary").click()
    assert first.locator(".ranking-card-pillars").is_visible() and "P6" in first.inner_text()
    assert_accessible(phone_page)

    phone_page.select_option("#f-area", str(mil.pk))
    phone_page.select_option("#f-size", "small")
    phone_page.get_by_role("button", name="Lọc").click()
    phone_page.wait_for_url("**/xep-hang/?*")
    assert f"area={mil.pk}" in phone_page.url and "size=small" in phone_page.url
    names = phone_page.locator(".ranking-card-name").all_inner_texts()
    assert names == ["Công ty Cổ phần Cà phê Đắk Mil", "Công ty TNHH Sầu riêng Đắk Mil"]
    # The provincial rank stays beside the filtered rows.
    assert [rank.split()[-1] for rank in phone_page.locator(".ranking-card-rank").all_inner_texts()] == ["1", "4"]
    assert_accessible(phone_page)

    phone_page.get_by_role("link", name="Công ty Cổ phần Cà phê Đắk Mil").click()
    phone_page.wait_for_url("**/doanh-nghiep/*/")
    assert phone_page.locator("h1").inner_text() == "Công ty Cổ phần Cà phê Đắk Mil"
    assert phone_page.locator("svg.pillar-chart rect.bar").count() == 6
    assert phone_page.get_by_role("heading", name="Mức qua các năm").is_visible()
    assert _no_sideways_scroll(phone_page)
    assert_accessible(phone_page)


def test_search_without_diacritics_in_english(live_site, ranking_data, page):
    page.goto(live_site.url + "/en/rankings/?q=ca+phe")
    assert page.locator("tbody th[scope=row]").all_inner_texts() == ["Công ty Cổ phần Cà phê Đắk Mil"]
    assert_accessible(page)
