import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory
from dashboard.cache import get_figures
from dashboard.models import DashboardPage
from dashboard.tables import SUPPRESSED, build_tables

from .data import build_known_set
from .helpers import csv_rows, expected, html_tables, row_by_first, vi

pytestmark = pytest.mark.django_db
URL = "/bang-so-lieu/"


@pytest.fixture
def page(site_home, quiet):
    from dashboard.demo import build

    build(quiet)
    return DashboardPage.objects.get(locale__language_code="vi")


@pytest.fixture
def known(db):
    return build_known_set()


def test_every_figure_on_the_page_and_in_the_downloads(client, page, known):
    all_2025 = expected(known.submissions[2025])
    manufacturing = expected([s for s in known.submissions[2025] if s.enterprise.sector.code == "C"])
    all_2024 = expected(known.submissions[2024])

    response = client.get(URL + "?year=2025")
    assert response.status_code == 200
    tables = html_tables(response.content.decode())

    overview = tables["overview"]
    assert row_by_first(overview, "Doanh nghiệp trong cơ sở dữ liệu")[1] == "23"  # the closed one is not counted
    assert row_by_first(overview, "Doanh nghiệp đã đánh giá")[1] == "23"
    assert row_by_first(overview, "Doanh nghiệp có kết quả đã thẩm định")[1] == "21"
    assert row_by_first(overview, "Điểm DBI trung bình")[1] == vi(all_2025["average"])
    assert row_by_first(overview, "Điểm DBI trung vị")[1] == vi(all_2025["median"])
    change = round(all_2025["average"] - all_2024["average"], 1)
    assert row_by_first(overview, "Thay đổi điểm trung bình so với năm trước")[1] == vi(change)

    for level in range(6):
        assert tables["levels"][1 + level][1] == vi(all_2025["levels"][level])
    assert tables["levels"][-1][1] == "21"

    for row in tables["pillars"][1:]:
        pillar = all_2025["pillars"][row[0]]
        assert row[2] == vi(pillar["average"])
        assert row[3] == vi(pillar["median"])

    sector_row = row_by_first(tables["by_sector"], "C – Công nghiệp chế biến, chế tạo")
    assert sector_row[1:6] == ["14", "14", "12", vi(manufacturing["average"]), vi(manufacturing["median"])]
    assert row_by_first(tables["by_sector"], "Tổng")[1:4] == ["23", "23", "21"]
    assert row_by_first(tables["by_area"], "Thành phố Gia Nghĩa")[3] == "13"
    assert row_by_first(tables["by_area"], "Huyện Đắk Mil")[3] == "8"
    assert row_by_first(tables["by_size"], "Siêu nhỏ")[3] == "9"

    trend = tables["trend"]
    assert row_by_first(trend, "2024")[1:4] == ["8", vi(all_2024["average"]), vi(all_2024["median"])]
    assert row_by_first(trend, "2025")[4] == vi(change)

    # Each chart is an accessible SVG with its text alternative, and has its table beside it.
    html = response.content.decode()
    assert html.count('role="img"') >= 7
    assert "<title id=" in html and "<desc id=" in html

    # CSV: raw numbers (decimal point), the same figures.
    rows = csv_rows(client.get(URL + "tai-ve/overview/csv/?year=2025").content)
    assert rows[0] == ["Chỉ tiêu", "Giá trị"]
    assert row_by_first(rows, "Điểm DBI trung bình")[1] == str(all_2025["average"])
    rows = csv_rows(client.get(URL + "tai-ve/by_sector/csv/?year=2025").content)
    assert row_by_first(rows, "C – Công nghiệp chế biến, chế tạo")[4] == str(manufacturing["average"])
    assert row_by_first(rows, "Tổng")[1:4] == ["23", "23", "21"]
    rows = csv_rows(client.get(URL + "tai-ve/levels/csv/?year=2025").content)
    assert [int(row[1]) for row in rows[1:7]] == [all_2025["levels"][level] for level in range(6)]

    # JSON: one table, and every table at once.
    data = client.get(URL + "tai-ve/pillars/json/?year=2025").json()
    for record in data["table"]["rows"]:
        assert record["average"] == all_2025["pillars"][record["pillar"]]["average"]
        assert record["median"] == all_2025["pillars"][record["pillar"]]["median"]
    everything = client.get(URL + "tai-ve/tat_ca/json/?year=2025").json()
    keys = [table["key"] for table in everything["tables"]]
    assert keys[:6] == ["overview", "levels", "pillars", "by_sector", "by_area", "by_size"]
    for key in keys:
        assert client.get(URL + f"tai-ve/{key}/csv/?year=2025").status_code == 200
    assert client.get(URL + "tai-ve/nothing/csv/").status_code == 404


def test_small_groups_are_suppressed_everywhere(client, page, known):
    html = client.get(URL + "?year=2025").content.decode()
    tables = html_tables(html)
    assert "Vì sao có dấu “—”?" in html
    trade = row_by_first(tables["by_sector"], "G – Bán buôn và bán lẻ")
    assert trade[1:4] == ["3", "3", "3"]  # counts stay, so the totals add up
    assert trade[4:] == [SUPPRESSED] * len(trade[4:])
    # Agriculture (6) is hidden too: otherwise the total minus it gives trade's three away.
    agriculture = row_by_first(tables["by_sector"], "A – Nông nghiệp, lâm nghiệp và thủy sản")
    assert agriculture[4] == SUPPRESSED
    assert row_by_first(tables["by_sector"], "C – Công nghiệp chế biến, chế tạo")[4] != SUPPRESSED

    rows = csv_rows(client.get(URL + "tai-ve/by_sector/csv/?year=2025").content)
    assert row_by_first(rows, "G – Bán buôn và bán lẻ")[4:6] == [SUPPRESSED, SUPPRESSED]
    data = client.get(URL + "tai-ve/by_sector/json/?year=2025").json()
    trade_record = next(r for r in data["table"]["rows"] if r["group"].startswith("G "))
    assert trade_record["average"] is None and "average" in trade_record["suppressed"]

    # Filtering on a hidden group does not reveal it, in the page or its downloads.
    for code in ("G", "A"):
        sector = known.sectors[code].pk
        tables = html_tables(client.get(URL + f"?year=2025&sector={sector}").content.decode())
        assert row_by_first(tables["overview"], "Điểm DBI trung bình")[1] == SUPPRESSED
        assert {row[1] for row in tables["levels"][1:7]} <= {SUPPRESSED, "0"}
        assert all(row[2] == SUPPRESSED for row in tables["pillars"][1:])
        data = client.get(URL + f"tai-ve/tat_ca/json/?year=2025&sector={sector}").json()
        overview = next(t for t in data["tables"] if t["key"] == "overview")
        assert overview["rows"][3]["value"] is None
    # Manufacturing in Đắk Mil has 4: hidden, and so is Gia Nghĩa's 8 (the difference).
    sector = known.sectors["C"].pk
    tables = html_tables(client.get(URL + f"?year=2025&sector={sector}").content.decode())
    assert row_by_first(tables["by_area"], "Huyện Đắk Mil")[4] == SUPPRESSED
    assert row_by_first(tables["by_area"], "Thành phố Gia Nghĩa")[4] == SUPPRESSED
    area = known.areas["gia_nghia"].pk
    tables = html_tables(client.get(URL + f"?year=2025&sector={sector}&area={area}").content.decode())
    assert row_by_first(tables["overview"], "Điểm DBI trung bình")[1] == SUPPRESSED


def test_editors_view_needs_the_programme_editor_role(client, page, known):
    editors = URL + "bien-tap/?year=2025"
    response = client.get(editors)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(UserFactory(roles=["journalist_newspaper"]))
    assert client.get(editors).status_code == 403
    assert client.get(URL + "bien-tap/doanh-nghiep/?year=2025").status_code == 403

    client.force_login(UserFactory(roles=["programme_editor"]))
    response = client.get(editors)
    assert response.status_code == 200
    tables = html_tables(response.content.decode())
    trade = [s for s in known.submissions[2025] if s.enterprise.sector.code == "G"]
    assert row_by_first(tables["by_sector"], "G – Bán buôn và bán lẻ")[4] == vi(expected(trade)["average"])
    html = response.content.decode()
    sector = known.sectors["G"].pk
    assert f"bien-tap/doanh-nghiep/?year=2025&amp;set=verified&amp;sector={sector}" in html

    drill = client.get(URL + f"bien-tap/doanh-nghiep/?year=2025&set=verified&sector={sector}").content.decode()
    for enterprise in known.enterprises["G"]:
        assert enterprise.name in drill
    assert known.enterprises["C"][0].name not in drill
    level_one = client.get(URL + "bien-tap/doanh-nghiep/?year=2025&set=verified&level=0").content.decode()
    assert level_one.count("Doanh nghiệp A số") == 2
    # Public page links editors to their view; visitors do not see the link.
    assert "Xem chi tiết cho biên tập viên" in client.get(URL).content.decode()
    client.logout()
    assert "Xem chi tiết cho biên tập viên" not in client.get(URL).content.decode()


def test_english_page(client, page, known):
    response = client.get("/en/dashboard/?year=2025")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    tables = html_tables(html)
    assert row_by_first(tables["by_sector"], "C – Manufacturing")[3] == "12"
    assert "Why the “—”?" in html


def test_cached_and_invalidated_when_results_change(client, page, known, django_capture_on_commit_callbacks):
    from assessment_forms import services
    from assessment_forms.factories import SubmissionFactory

    first = get_figures(2025)
    with CaptureQueriesContext(connection) as queries:
        assert get_figures(2025) == first
    assert len(queries) == 0
    client.get(URL + "?year=2025")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL + "?year=2025").status_code == 200
    assert len(queries) <= 12, [q["sql"] for q in queries.captured_queries]

    pending = known.pending[0]
    with django_capture_on_commit_callbacks(execute=True):
        services.verify(pending, None, "Đã thẩm định")
    assert get_figures(2025)["overview"]["verified"] == 22
    SubmissionFactory(enterprise=known.enterprises["G"][0], year=2025)
    cache.clear()
    assert get_figures(2025)["overview"]["verified"] == 22


def test_changes_warm_the_current_year_once_per_burst(page, known, settings, django_capture_on_commit_callbacks):
    """With a worker (a backend that can defer), the first change of a burst queues one
    warm-up; running it leaves the current year's figures in the cache."""
    from django_tasks import default_task_backend

    from dashboard.cache import WARM_KEY, figures_key, invalidate
    from dashboard.stats import clean_filters, default_year
    from dashboard.tasks import warm_figures

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        for _change in range(5):
            invalidate()
    queued = [r for r in default_task_backend.results if r.task.func.__name__ == "warm_figures"]
    assert len(queued) == 1 and queued[0].task.run_after is not None
    year = default_year()
    assert cache.get(figures_key(year, clean_filters({}))) is None
    assert warm_figures.call() == year
    assert cache.get(figures_key(year, clean_filters({}))) is not None
    cache.delete(WARM_KEY)  # the burst is over: the next change queues again
    with django_capture_on_commit_callbacks(execute=True):
        invalidate()
    assert len([r for r in default_task_backend.results if r.task.func.__name__ == "warm_figures"]) == 2


def test_no_warm_up_without_a_worker(page, known):
    """The embedded default runs tasks at once: figures are computed on the next view instead."""
    from dashboard.cache import WARM_KEY, schedule_warm

    assert schedule_warm() is False
    assert cache.get(WARM_KEY) is None


def test_unknown_year_and_filters_are_ignored(client, page, known):
    assert "2025" in client.get(URL + "?year=abc&sector=x&size=huge").content.decode()
    assert client.get(URL + "?year=1800").status_code == 200


def test_public_tables_equal_the_downloads_for_every_table(client, page, known):
    tables = build_tables(get_figures(2025), public=True)
    for table in tables:
        rows = csv_rows(client.get(URL + f"tai-ve/{table.key}/csv/?year=2025").content)
        assert rows == [["" if value is None else str(value) for value in line] for line in table.as_matrix()]
        data = json.loads(client.get(URL + f"tai-ve/{table.key}/json/?year=2025").content)
        assert data["table"]["rows"] == json.loads(json.dumps(table.as_records()))
