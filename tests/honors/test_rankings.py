"""The ranking rule and its ties, filters, search, sort, consent, exports and query counts."""

import csv
import datetime
import io
import json
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from enterprises.factories import AdministrativeUnitFactory, EnterpriseFactory, SectorFactory
from honors.factories import RankingEntryFactory
from honors.models import RankingEntry
from honors.services import fold
from honors.services.rankings import RankingQuery, ranking_queryset, rerank

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def entry(name, total, level=3, pillars=4, days_ago=10, consent=True, year=2025, **kwargs):
    enterprise = EnterpriseFactory(name=name, publish_dbi_consent=consent, **kwargs)
    return RankingEntryFactory(
        enterprise=enterprise,
        year=year,
        total=Decimal(total),
        level=level,
        pillars_at_level=pillars,
        verified_at=NOW - datetime.timedelta(days=days_ago),
    )


def ranked(year=2025, **params):
    rerank(year)
    query = RankingQuery.from_params({"year": str(year), **params}, years=[year])
    return [(row.rank, row.name) for row in ranking_queryset(query)]


def test_fold_strips_vietnamese_marks():
    assert fold("Công ty Đắk Nông – Chuyển đổi số") == "cong ty dak nong – chuyen doi so"
    assert fold("ĐẮK R'LẤP") == "dak r'lap"


def test_higher_total_ranks_first():
    entry("B", 200)
    entry("A", 250)
    assert ranked() == [(1, "A"), (2, "B")]


def test_ties_higher_level_then_more_pillars_then_earlier_verification():
    entry("Level 2", 180, level=2, pillars=6)
    entry("Level 3, 4 pillars", 180, level=3, pillars=4)
    entry("Level 3, 5 pillars, later", 180, level=3, pillars=5, days_ago=5)
    entry("Level 3, 5 pillars, earlier", 180, level=3, pillars=5, days_ago=20)
    assert ranked() == [
        (1, "Level 3, 5 pillars, earlier"),
        (2, "Level 3, 5 pillars, later"),
        (3, "Level 3, 4 pillars"),
        (4, "Level 2"),
    ]


def test_a_full_tie_shares_the_rank():
    first = entry("An Phát", 180, days_ago=7)
    second = entry("Bình Minh", 180)
    RankingEntry.objects.filter(pk=second.pk).update(verified_at=first.verified_at)
    entry("Cao Nguyên", 100)
    assert ranked() == [(1, "An Phát"), (1, "Bình Minh"), (3, "Cao Nguyên")]


def test_non_consenting_enterprise_never_appears_and_does_not_take_a_rank(client, rankings):
    entry("Đồng ý", 150)
    entry("Không đồng ý", 300, consent=False)
    assert ranked() == [(1, "Đồng ý")]
    html = client.get(rankings.url + "?year=2025").content.decode()
    assert "Không đồng ý" not in html


def test_withdrawing_consent_removes_the_enterprise_and_reranks(django_capture_on_commit_callbacks):
    top = entry("Dẫn đầu", 300)
    entry("Thứ hai", 200)
    assert ranked() == [(1, "Dẫn đầu"), (2, "Thứ hai")]
    top.enterprise.publish_dbi_consent = False
    # The re-ranking is a task queued when the save commits (immediate backend here).
    with django_capture_on_commit_callbacks(execute=True):
        top.enterprise.save()
    query = RankingQuery.from_params({"year": "2025"}, years=[2025])
    assert [(r.rank, r.name) for r in ranking_queryset(query)] == [(1, "Thứ hai")]


def test_filters_by_area_sector_size_and_level():
    district = AdministrativeUnitFactory(code="661", name="Huyện Đắk Mil")
    commune = AdministrativeUnitFactory(code="661-01", name="Thị trấn Đắk Mil", parent=district, level="commune")
    other = AdministrativeUnitFactory(code="662", name="Huyện Cư Jút")
    farming = SectorFactory(code="A", name="Nông nghiệp")
    coffee = SectorFactory(code="01", name="Trồng cây cà phê", parent=farming, level=2)
    trade = SectorFactory(code="G", name="Thương mại")
    entry("Cà phê Đắk Mil", 220, level=4, area=commune, sector=coffee, size_class="small")
    entry("Nông sản Đắk Mil", 180, level=3, area=district, sector=farming, size_class="medium")
    entry("Siêu thị Cư Jút", 160, level=3, area=other, sector=trade, size_class="small")
    assert [n for _r, n in ranked(area=str(district.pk))] == ["Cà phê Đắk Mil", "Nông sản Đắk Mil"]
    assert [n for _r, n in ranked(sector=str(farming.pk))] == ["Cà phê Đắk Mil", "Nông sản Đắk Mil"]
    assert [n for _r, n in ranked(size="small")] == ["Cà phê Đắk Mil", "Siêu thị Cư Jút"]
    assert [n for _r, n in ranked(level="3")] == ["Nông sản Đắk Mil", "Siêu thị Cư Jút"]
    # A filter narrows the view; the provincial rank stays.
    assert ranked(size="small") == [(1, "Cà phê Đắk Mil"), (3, "Siêu thị Cư Jút")]


def test_name_search_with_or_without_diacritics():
    entry("Công ty Cà phê Đắk Nông", 200)
    entry("Hợp tác xã Sầu riêng", 150)
    assert [n for _r, n in ranked(q="ca phe dak")] == ["Công ty Cà phê Đắk Nông"]
    assert [n for _r, n in ranked(q="Cà Phê")] == ["Công ty Cà phê Đắk Nông"]
    assert [n for _r, n in ranked(q="sau rieng")] == ["Hợp tác xã Sầu riêng"]


def test_sort_by_level_and_by_pillar():
    a = entry("Tổng cao", 250, level=3)
    b = entry("Mức cao", 240, level=4)
    RankingEntry.objects.filter(pk=a.pk).update(p3=Decimal("20"))
    RankingEntry.objects.filter(pk=b.pk).update(p3=Decimal("90"))
    assert [n for _r, n in ranked()] == ["Tổng cao", "Mức cao"]
    assert [n for _r, n in ranked(sort="level")] == ["Mức cao", "Tổng cao"]
    assert [n for _r, n in ranked(sort="p3")] == ["Mức cao", "Tổng cao"]


def test_unknown_parameters_fall_back_to_defaults():
    query = RankingQuery.from_params({"year": "abc", "sort": "drop table", "level": "9", "size": "huge"}, years=[2025])
    assert (query.year, query.sort, query.level, query.size) == (2025, "rank", None, "")


class TableParser(HTMLParser):
    """The body rows of the ranking table as lists of cell texts."""

    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.in_body = [], None, False

    def handle_starttag(self, tag, attrs):
        if tag == "tbody":
            self.in_body = True
        elif self.in_body and tag == "tr":
            self.rows.append([])
        elif self.in_body and tag in ("td", "th"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "tbody":
            self.in_body = False
        elif self.in_body and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join(self.cell.split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def page_rows(html):
    parser = TableParser()
    parser.feed(html)
    return parser.rows


def _number(text):
    return text.replace(",", ".")


def test_csv_and_json_equal_the_page(client, rankings):
    for index in range(30):
        entry(f"Doanh nghiệp {index:02d}", 100 + index * Decimal("1.5"), size_class="small" if index % 2 else "micro")
    rerank(2025)
    params = "?year=2025&size=small&sort=total&page=1"
    html = client.get(rankings.url + params).content.decode()
    shown = page_rows(html)
    assert len(shown) == 15

    response = client.get(rankings.url + "csv/" + params)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    data = json.loads(client.get(rankings.url + "json/" + params).content)["results"]
    assert len(rows) == len(data) == len(shown)
    for cells, csv_row, json_row in zip(shown, rows, data, strict=True):
        rank, name, _sector, _area, _size, total, level, *pillars, verified = cells
        assert [rank, name, _number(total), level] == [
            csv_row["rank"],
            csv_row["enterprise"],
            csv_row["total"],
            csv_row["level"],
        ]
        assert [json_row["rank"], json_row["enterprise"], str(json_row["total"]), json_row["level"]] == [
            int(rank),
            name,
            _number(total),
            int(level),
        ]
        assert [_number(p) for p in pillars] == [csv_row[f"P{i}"] for i in range(1, 7)]
        # People read 21/11/2026; the downloads carry the ISO date machines read.
        assert csv_row["verified_on"] == json_row["verified_on"]
        assert verified == datetime.date.fromisoformat(csv_row["verified_on"]).strftime("%d/%m/%Y")


def test_page_queries_stay_constant_as_data_grows(client, rankings):
    def count_queries():
        client.get(rankings.url + "?year=2025")  # warm the menu and site caches
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(rankings.url + "?year=2025&size=small&q=doanh")
        assert response.status_code == 200
        return len(ctx.captured_queries)

    for index in range(3):
        entry(f"Doanh nghiệp nhỏ {index}", 100 + index)
    rerank(2025)
    few = count_queries()
    for index in range(60):
        entry(f"Doanh nghiệp thêm {index}", 50 + index)
    rerank(2025)
    assert count_queries() == few
    # Our own: the count and the rows; the rest is Wagtail's routing and the base template.
    assert few <= 14


def test_pagination_and_shareable_urls(client, rankings):
    for index in range(30):
        entry(f"Công ty {index:02d}", 100 + index)
    rerank(2025)
    first = client.get(rankings.url + "?year=2025").content.decode()
    second = client.get(rankings.url + "?year=2025&page=2").content.decode()
    assert len(page_rows(first)) == 25 and len(page_rows(second)) == 5
    assert "page=2" in first and "Trang 2/2" in second


def test_profile_shows_history_chart_and_404_for_non_consenting(client, rankings):
    enterprise = EnterpriseFactory(name="Công ty Nông sản Tuy Đức", publish_dbi_consent=True)
    for year, total in ((2023, 90), (2024, 140), (2025, 190)):
        RankingEntryFactory(enterprise=enterprise, year=year, total=Decimal(total), level=year - 2021)
    for year in (2023, 2024, 2025):
        rerank(year)
    response = client.get(f"{rankings.url}doanh-nghiep/{enterprise.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Công ty Nông sản Tuy Đức" in html and "<svg" in html and "2023" in html and "2024" in html
    hidden = EnterpriseFactory(publish_dbi_consent=False)
    RankingEntryFactory(enterprise=hidden, consent=False)
    assert client.get(f"{rankings.url}doanh-nghiep/{hidden.pk}/").status_code == 404


def test_english_page_and_widget(client, rankings):
    entry("Công ty Xanh", 200)
    rerank(2025)
    english = client.get("/en/rankings/?year=2025")
    assert english.status_code == 200
    assert "How the ranking works" in english.content.decode() and "Công ty Xanh" in english.content.decode()
    widget = client.get("/widgets/ranking/")
    assert widget.status_code == 200
    assert "X-Frame-Options" not in widget
    assert "Công ty Xanh" in widget.content.decode()


def test_a_row_not_yet_ranked_comes_last_and_shows_a_dash(client, rankings):
    """Between a verification and its re-ranking task, the new row has no rank."""
    entry("Đã xếp hạng", 100)
    rerank(2025)
    entry("Vừa thẩm định", 300)  # not re-ranked yet
    query = RankingQuery.from_params({"year": "2025"}, years=[2025])
    assert [(row.rank, row.name) for row in ranking_queryset(query)] == [(1, "Đã xếp hạng"), (None, "Vừa thẩm định")]
    html = client.get(rankings.url + "?year=2025").content.decode()
    assert ">None<" not in html and "Vừa thẩm định" in html


def test_other_pages_and_sorts_of_the_same_filters_reuse_the_count():
    from honors.services.rankings import ranking_page

    for index in range(30):
        entry(f"Doanh nghiệp {index}", 100 + index)
    rerank(2025)
    first = RankingQuery.from_params({"year": "2025"}, years=[2025])
    page, paginator = ranking_page(first)
    assert paginator.count == 30 and len(page.object_list) == 25
    second = RankingQuery.from_params({"year": "2025", "page": "2", "sort": "p3"}, years=[2025])
    with CaptureQueriesContext(connection) as ctx:
        page, paginator = ranking_page(second)
    assert paginator.count == 30 and len(page.object_list) == 5
    assert len(ctx.captured_queries) == 1  # the rows only


def test_profile_lists_the_published_stories_about_the_enterprise(client, rankings, site_home):
    """The "stories about this enterprise" section (stories.services.stories_about): a live
    story naming the enterprise is linked; a draft, another enterprise's story and a story in
    another language are not."""
    from stories.factories import StoryPageFactory, make_newsroom
    from stories.models import StoryEnterprise

    _newsroom, desks = make_newsroom(site_home)
    subject = entry("Hợp tác xã Cà phê Đắk Mil", 190)
    other = entry("Công ty Chè Cư Jút", 150)
    rerank(2025)

    def story(title, enterprise, **kwargs):
        return StoryPageFactory(
            parent=desks["newspaper"],
            title=title,
            featured_enterprises=[StoryEnterprise(enterprise=enterprise.enterprise)],
            **kwargs,
        )

    about = story("Cà phê Đắk Mil lên sàn thương mại điện tử", subject)
    story("Bản nháp về cà phê Đắk Mil", subject, live=False)
    story("Chè Cư Jút truy xuất nguồn gốc", other)

    html = client.get(rankings.profile_url(subject.enterprise_id)).content.decode()
    section = html.split('id="stories-heading"', 1)[1].split("</section>", 1)[0]
    assert f'href="{about.url}"' in section and about.title in section
    assert "Bản nháp" not in html and "Chè Cư Jút truy xuất" not in html

    # Another enterprise's profile does not list it; the English profile lists English stories only.
    assert about.title not in client.get(rankings.profile_url(other.enterprise_id)).content.decode()
    english = rankings.get_translation(rankings.locale.__class__.objects.get(language_code="en"))
    assert about.title not in client.get(english.profile_url(subject.enterprise_id)).content.decode()


@pytest.mark.parametrize("sort", ["rank", "total", "p3"])
def test_a_common_name_search_reads_the_first_rows_and_pages_as_the_database_would(monkeypatch, sort, settings):
    """Many matches: the page's ids come from the first NAME_WALK rows of the view without
    the words (`_name_walk`), the same ids as the database's own search and sort; when those
    rows hold too few matches for the page, the database answers."""
    from django.core.cache import cache

    from honors.services.rankings import query as ranking_query

    for n in range(30):
        # Every third name matches; totals interleave them with the others.
        entry(f"{'Mắc ca' if n % 3 == 0 else 'Cà phê'} {n:02d}", 300 - n, level=n % 5)
    rerank(2025)
    monkeypatch.setattr(ranking_query, "NAME_WALK", 12)
    monkeypatch.setattr(ranking_query, "NAME_WALK_FROM", 0)
    monkeypatch.setattr(ranking_query, "PAGE_SIZE", 2)
    walked = []
    real = ranking_query._name_walk

    def recorded(query):
        ids = real(query)

        def counted(start, stop):
            found = ids(start, stop)
            walked.append(found is not None)
            return found

        return counted if ids else None

    monkeypatch.setattr(ranking_query, "_name_walk", recorded)
    query = RankingQuery.from_params({"year": "2025", "q": "mac ca", "sort": sort}, years=[2025])
    expected = [row.pk for row in ranking_queryset(query)]
    assert len(expected) == 10
    shown = []
    for page in range(1, 6):
        cache.clear()
        paged = RankingQuery.from_params({"year": "2025", "q": "mac ca", "sort": sort, "page": str(page)}, years=[2025])
        shown += [row.pk for row in ranking_query.ranking_result(paged, per_page=2).page.object_list]
    assert shown == expected
    # The first 12 rows hold 4 matches: pages 1 and 2 from the walk, the rest from the database.
    assert walked == [True, True, False, False, False]
