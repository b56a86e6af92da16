"""The ranking page's cached parts (filter options, results HTML) never show a stale ranking
or another language's text; invalid filters give a clear message, never a 500; beyond
COUNT_LIMIT rows the count is bounded and the page says so."""

import json
import re
from decimal import Decimal

import pytest
from django.core.cache import cache

from enterprises.factories import AdministrativeUnitFactory, EnterpriseFactory, SectorFactory
from honors.factories import RankingEntryFactory
from honors.models import RankingEntry
from honors.services.rankings import RankingQuery, ranking_queryset, ranking_result, rerank

pytestmark = pytest.mark.django_db


def entry(name, total, year=2025, **kwargs):
    enterprise = EnterpriseFactory(name=name, publish_dbi_consent=True, **kwargs)
    return RankingEntryFactory(enterprise=enterprise, year=year, total=Decimal(total))


def names(html):
    """Enterprise names in the table, in order."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    return re.findall(r'<th scope="row"><a href="[^"]*">([^<]*)</a></th>', body)


def selected(html):
    return re.findall(r'<option value="([^"]*)" selected>', html)


def test_a_re_ranking_shows_at_once(client, rankings):
    first = entry("An Phát", 200)
    entry("Bình Minh", 100)
    rerank(2025)
    assert names(client.get(rankings.url).content.decode()) == ["An Phát", "Bình Minh"]
    # A new verification changes the totals; the re-ranking bumps the ranking's version.
    RankingEntry.objects.filter(pk=first.pk).update(total=Decimal(50))
    rerank(2025)
    assert names(client.get(rankings.url).content.decode()) == ["Bình Minh", "An Phát"]


def test_withdrawn_consent_and_a_new_row_show_at_once(client, rankings, django_capture_on_commit_callbacks):
    leaving = entry("Rút lui", 200)
    entry("Ở lại", 100)
    rerank(2025)
    html = client.get(rankings.url + "?size=" + leaving.size_class).content.decode()
    assert "Rút lui" in html
    enterprise = leaving.enterprise
    enterprise.publish_dbi_consent = False
    with django_capture_on_commit_callbacks(execute=True):
        enterprise.save()
    assert "Rút lui" not in client.get(rankings.url + "?size=" + leaving.size_class).content.decode()
    assert "Rút lui" not in client.get(rankings.url).content.decode()
    entry("Mới thẩm định", 300)
    rerank(2025)
    assert names(client.get(rankings.url).content.decode())[0] == "Mới thẩm định"


def test_publishing_a_year_shows_it_at_once(client, rankings):
    from assessment_forms.models import PublishedYear
    from honors.services.rankings import publication_changed

    entry("Năm trước", 150, year=2025)
    entry("Năm mới", 150, year=2026)
    rerank(2025)
    rerank(2026)
    html = client.get(rankings.url + "?year=2026").content.decode()
    assert "Năm mới" not in html and "2026" in html  # not published: named in the message
    PublishedYear.objects.get_or_create(year=2026)
    publication_changed()
    html = client.get(rankings.url + "?year=2026").content.decode()
    assert names(html) == ["Năm mới"] and "2026" in selected(html)


def test_filters_through_the_page_and_their_selected_options(client, rankings):
    district = AdministrativeUnitFactory(code="661", name="Huyện Đắk Mil")
    commune = AdministrativeUnitFactory(code="661-01", name="Thị trấn Đắk Mil", parent=district, level="commune")
    other = AdministrativeUnitFactory(code="662", name="Huyện Cư Jút")
    farming = SectorFactory(code="A", name="Nông nghiệp")
    coffee = SectorFactory(code="01", name="Trồng cây cà phê", parent=farming, level=2)
    trade = SectorFactory(code="G", name="Thương mại")
    entry("Cà phê Đắk Mil", 220, area=commune, sector=coffee)
    entry("Nông sản Đắk Mil", 180, area=district, sector=farming)
    entry("Siêu thị Cư Jút", 160, area=other, sector=trade)
    rerank(2025)
    html = client.get(rankings.url, {"area": district.pk}).content.decode()
    assert names(html) == ["Cà phê Đắk Mil", "Nông sản Đắk Mil"]
    assert str(district.pk) in selected(html) and str(other.pk) not in selected(html)
    html = client.get(rankings.url, {"sector": trade.pk}).content.decode()
    assert names(html) == ["Siêu thị Cư Jút"] and str(trade.pk) in selected(html)
    # Another filter, another cached result: not the previous one's.
    html = client.get(rankings.url, {"area": other.pk, "sector": trade.pk}).content.decode()
    assert names(html) == ["Siêu thị Cư Jút"]
    assert names(client.get(rankings.url, {"level": "3"}).content.decode()) == [
        "Cà phê Đắk Mil",
        "Nông sản Đắk Mil",
        "Siêu thị Cư Jút",
    ]


def test_a_new_district_is_offered_and_accepted_at_once(client, rankings):
    entry("Cà phê", 200)
    rerank(2025)
    assert client.get(rankings.url).status_code == 200  # options cached
    district = AdministrativeUnitFactory(code="663", name="Huyện Tuy Đức")
    html = client.get(rankings.url, {"area": district.pk}).content.decode()
    assert "Huyện Tuy Đức" in html and str(district.pk) in selected(html)
    assert "không hợp lệ" not in html


@pytest.mark.parametrize(
    "params",
    [
        {"area": "999999"},
        {"sector": "abc"},
        {"year": "1990"},
        {"level": "9"},
        {"size": "huge"},
        {"sort": "drop table"},
        {"page": "９"},
        {"area": "1" * 40},
    ],
)
def test_invalid_filters_give_a_clear_message(client, rankings, params):
    entry("Công ty Xanh", 200)
    rerank(2025)
    response = client.get(rankings.url, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html and "không hợp lệ nên đã được bỏ qua" in html
    assert names(html) == ["Công ty Xanh"]  # the rest of the view still works
    english = client.get("/en/rankings/", params).content.decode()
    assert "is not valid and was ignored" in english and "không hợp lệ" not in english


def test_a_page_beyond_the_last_says_so(client, rankings):
    entry("Công ty Xanh", 200)
    rerank(2025)
    html = client.get(rankings.url, {"page": "7"}).content.decode()
    assert "Trang 7 không có; đang hiển thị trang 1." in html and names(html) == ["Công ty Xanh"]


def test_english_and_vietnamese_never_share_a_cached_part(client, rankings):
    entry("Công ty Xanh", 200)
    entry("Công ty Đỏ", 100)
    rerank(2025)
    for _ in range(2):  # the second round from the cache
        vi = client.get(rankings.url).content.decode()
        en = client.get("/en/rankings/").content.decode()
        assert "doanh nghiệp, năm 2025" in vi and "enterprises, 2025" not in vi
        assert "enterprises, 2025" in en and "doanh nghiệp, năm 2025" not in en
        assert "Tất cả" in vi and "/en/rankings/doanh-nghiep/" in en
        assert "/en/rankings/doanh-nghiep/" not in vi


def test_the_page_works_with_the_cache_down(client, rankings, settings):
    entry("Công ty Xanh", 200)
    rerank(2025)
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    cache.close()
    response = client.get(rankings.url, {"size": "huge"})
    assert response.status_code == 200 and names(response.content.decode()) == ["Công ty Xanh"]


def test_beyond_the_count_limit_the_count_is_bounded(client, rankings, monkeypatch):
    from honors.services.rankings import query as ranking_query

    monkeypatch.setattr(ranking_query, "COUNT_LIMIT", 4)
    for index in range(6):
        entry(f"Doanh nghiệp {index}", 100 + index)
    rerank(2025)
    query = RankingQuery.from_params({"year": "2025"}, years=[2025])
    result = ranking_result(query, per_page=2)
    assert result.capped and result.paginator.count == 4 and result.paginator.num_pages == 2
    html = client.get(rankings.url).content.decode()
    assert "Hơn 4 doanh nghiệp, năm 2025" in html
    payload = json.loads(client.get(rankings.url + "json/").content)
    assert payload["count"] == 4 and payload["count_is_lower_bound"] is True
    # Below the limit the count is exact.
    small = ranking_result(RankingQuery.from_params({"year": "2025", "q": "doanh nghiep 1"}, years=[2025]))
    assert not small.capped and small.paginator.count == 1


@pytest.mark.parametrize("sort", ["rank", "total", "p3", "level"])
def test_a_deep_page_equals_the_slice_of_the_ranking(sort):
    for index in range(12):
        row = entry(f"Doanh nghiệp {index:02d}", 100 + (index % 5) * 10)
        RankingEntry.objects.filter(pk=row.pk).update(p3=Decimal(index * 7 % 60), level=index % 4)
    rerank(2025)
    query = RankingQuery.from_params({"year": "2025", "sort": sort, "page": "2"}, years=[2025])
    expected = [row.pk for row in ranking_queryset(query)][5:10]
    result = ranking_result(query, per_page=5)
    assert [row.pk for row in result.page.object_list] == expected
