"""The dashboard's summary tables (dashboard.summary) give exactly the figures of the direct
aggregation over the results, after each kind of change, without a full rebuild."""

import csv

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessment_forms import services
from assessment_forms.models import PillarScore, Submission
from dashboard import summary
from dashboard.cache import invalidate
from dashboard.models import SummaryCell, SummaryState, SummaryValue
from dashboard.stats import compute_figures, compute_figures_direct
from dashboard.summary_source import histogram_median
from enterprises.importing import import_file
from enterprises.models import Enterprise

from .data import build_known_set, sector_id

pytestmark = pytest.mark.django_db


@pytest.fixture
def known(db):
    known = build_known_set()
    summary.rebuild()
    return known


def filter_sets(known):
    return [
        {},
        {"sector": sector_id("C")},
        {"area": known.areas["dak_mil"].pk},
        {"size": "small"},
        {"sector": sector_id("C"), "area": known.areas["gia_nghia"].pk},
        {"sector": sector_id("A"), "size": "micro"},
    ]


def assert_same(known, years=(2024, 2025)):
    for year in years:
        for filters in filter_sets(known):
            assert compute_figures(year, filters) == compute_figures_direct(year, filters), (year, filters)


def built_at():
    return SummaryState.objects.get().built_at


def test_histogram_median():
    assert histogram_median({}) is None
    assert histogram_median({5: 1}) == 5
    assert histogram_median({1: 1, 3: 1}) == 2
    assert histogram_median({1: 2, 4: 1, 9: 1}) == 2.5
    assert histogram_median({2: 3, 7: 1}) == 2


def test_summary_equals_direct_aggregation(known):
    assert SummaryCell.objects.exists() and SummaryValue.objects.exists()
    assert_same(known)


def test_first_read_builds_the_summary(db):
    build_known_set()
    assert not SummaryState.objects.exists()
    assert compute_figures(2025, {}) == compute_figures_direct(2025, {})
    assert SummaryState.objects.exists()


def test_verify_unverify_and_adjust(known, django_capture_on_commit_callbacks):
    stamp = built_at()
    pending = known.pending[0]
    with django_capture_on_commit_callbacks(execute=True):
        services.verify(pending, None)
    assert_same(known, years=(2025,))
    with django_capture_on_commit_callbacks(execute=True):
        services.unverify(known.submissions[2025][0], None)
    assert_same(known, years=(2025,))
    target = known.submissions[2025][3]
    answers = dict(target.answers)
    code = sorted(answers)[0]
    answers[code] = None
    with django_capture_on_commit_callbacks(execute=True):
        services.adjust_answers(target, answers, None, "test")
    assert_same(known, years=(2025,))
    assert built_at() == stamp  # cells were rebuilt, not the whole summary


def test_rescore_and_delete(known, django_capture_on_commit_callbacks):
    stamp = built_at()
    # A lost update: a total and a pillar score that no longer match the answers.
    target = known.submissions[2024][2]
    Submission.objects.filter(pk=target.pk).update(total=1, level=0)
    PillarScore.objects.filter(submission=target).update(points=0)
    summary.rebuild(years=[2024])
    with django_capture_on_commit_callbacks(execute=True):
        assert services.rescore(Submission.objects.filter(year=2024)) == 1
    assert_same(known)
    known.submissions[2025][5].delete()
    assert_same(known)
    gone = known.enterprises["G"][0]
    for submission in Submission.objects.filter(enterprise=gone):
        submission.delete()
    gone.delete()
    assert_same(known)
    assert built_at() == stamp


def test_earlier_years_medians_are_cached_until_their_results_change(known):
    """The trend's medians: after the first read, a view of 2025 reads the histograms of 2025
    only; a change of a 2024 result makes 2024's median read again (and right)."""

    def median_years_read():
        with CaptureQueriesContext(connection) as ctx:
            compute_figures(2025, {})
        return [
            q["sql"]
            for q in ctx.captured_queries
            if "dashboard_summaryvalue" in q["sql"] and '"dashboard_summaryvalue"."year" AS' in q["sql"]
        ]

    assert_same(known, years=(2025,))
    (read,) = median_years_read()
    assert "2025" in read and "2024" not in read
    target = known.submissions[2024][2]
    Submission.objects.filter(pk=target.pk).update(total=1, level=0)
    PillarScore.objects.filter(submission=target).update(points=0)
    # As results_changed(year=2024) does after a rescoring of 2024 (the summary's cells, the
    # year's version).
    summary.rebuild(years=[2024])
    invalidate(years=[2024])
    (read,) = median_years_read()
    assert "2024" in read
    assert_same(known)


def test_enterprise_edited(known):
    enterprise = known.enterprises["C"][0]
    enterprise.area = known.areas["dak_mil"]
    enterprise.size_class = Enterprise.SizeClass.LARGE
    enterprise.save()
    assert_same(known)
    enterprise = known.enterprises["A"][0]
    enterprise.status = Enterprise.Status.CLOSED
    enterprise.sector_id = sector_id("G")
    enterprise.save()
    assert_same(known)


def test_new_enterprise_updates_only_its_registry_cell(known):
    """A registration rush records new (pending) enterprises one by one: each rebuilds the
    registry count of its own cell only (a new enterprise has no result), not every year."""
    from enterprises.services import get_or_create_pending

    get_or_create_pending("0100109106", "Công ty Đăng Ký Đầu", known_missing=True, area=known.areas["dak_mil"])
    before = compute_figures(2025, {})["overview"]["registry"]
    with CaptureQueriesContext(connection) as ctx:
        enterprise, created = get_or_create_pending(
            "0100107518", "Công ty Đăng Ký Mới", known_missing=True, area=known.areas["dak_mil"]
        )
    assert created
    summary_writes = [q["sql"] for q in ctx.captured_queries if "dashboard_summary" in q["sql"]]
    # The cell has a row: one UPDATE adds the enterprise to it (n + 1), nothing is rebuilt.
    assert len(summary_writes) == 1, summary_writes
    assert summary_writes[0].startswith("UPDATE") and "dashboard_summarycell" in summary_writes[0]
    assert compute_figures(2025, {})["overview"]["registry"] == before + 1
    assert_same(known)
    area = compute_figures(2025, {"area": known.areas["dak_mil"].pk})["overview"]["registry"]
    assert area == compute_figures_direct(2025, {"area": known.areas["dak_mil"].pk})["overview"]["registry"]
    enterprise.delete()
    assert compute_figures(2025, {})["overview"]["registry"] == before
    assert_same(known)


def test_new_enterprise_in_a_cell_with_no_row_builds_it(known):
    """The first enterprise of a cell (no row to add to): the cell is built from the registry."""
    from enterprises.services import get_or_create_pending

    dak_mil = known.areas["dak_mil"]
    cells = SummaryCell.objects.filter(kind=SummaryCell.Kind.REGISTRY, area_id=dak_mil.pk, sector_id__isnull=True)
    assert not cells.exists()
    enterprise, created = get_or_create_pending("0100107518", "Công ty Ô Mới", known_missing=True, area=dak_mil)
    assert created
    assert cells.get().n == 1
    area = {"area": dak_mil.pk}
    assert (
        compute_figures(2025, area)["overview"]["registry"]
        == compute_figures_direct(2025, area)["overview"]["registry"]
    )
    assert_same(known)


def test_import(known, tmp_path):
    moved = known.enterprises["C"][1]
    rows = [
        [
            "0100107518",
            "Công ty TNHH Cà phê Đắk Mil",
            "Công ty TNHH một thành viên",
            "0111",
            "Huyện Đắk Mil",
            8,
            2500,
            "",
        ],
        ["0100109106", "Hợp tác xã Tiêu Đắk Song", "HTX", "46", "Xã Đắk Song", "40", "60.000", ""],
        [moved.tax_code, moved.name, "Công ty TNHH một thành viên", "46", "Huyện Đắk Mil", 300, 900000, ""],
    ]
    path = tmp_path / "ds.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["Mã số thuế", "Tên doanh nghiệp", "Loại hình", "Ngành", "Địa bàn", "Số lao động", "Doanh thu", "Nguồn vốn"]
        )
        writer.writerows(rows)
    stamp = built_at()
    report = import_file(path, commit=True, on_date="2025-09-01")
    assert report.ok and report.counts["created"] == 2 and report.counts["updated"] == 1, report.file_errors
    moved.refresh_from_db()
    assert moved.sector_id != sector_id("C")
    assert_same(known)
    assert built_at() == stamp


def test_dry_run_import_changes_nothing(known, tmp_path):
    path = tmp_path / "ds.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Mã số thuế", "Tên doanh nghiệp", "Ngành", "Địa bàn"])
        writer.writerow(["0100107518", "Công ty TNHH Cà phê Đắk Mil", "0111", "Huyện Đắk Mil"])
    before = list(
        SummaryCell.objects.values_list("kind", "year", "sector_id", "area_id", "size_class", "n").order_by("pk")
    )
    import_file(path, commit=False, on_date="2025-09-01")
    after = list(
        SummaryCell.objects.values_list("kind", "year", "sector_id", "area_id", "size_class", "n").order_by("pk")
    )
    assert before == after


def test_figures_read_few_queries(known):
    with CaptureQueriesContext(connection) as direct:
        compute_figures_direct(2025, {})
    with CaptureQueriesContext(connection) as read:
        compute_figures(2025, {})
    # The summary's reads are a handful of small grouped queries over the summary tables.
    summary_tables = [q["sql"] for q in read.captured_queries if "dashboard_summary" in q["sql"]]
    assert len(summary_tables) <= 12  # state, registry, results, assessed, pillars, medians
    assert not [q["sql"] for q in read.captured_queries if "assessment_forms_submission" in q["sql"]]
    assert len(read.captured_queries) <= len(direct.captured_queries)


def test_rebuild_command(known):
    from django.core.management import call_command

    SummaryCell.objects.all().delete()
    call_command("rebuild_dashboard_summary", verbosity=0)
    assert_same(known, years=(2025,))


@pytest.fixture
def page(site_home, quiet):
    from dashboard.demo import build

    build(quiet)
    from dashboard.models import DashboardPage

    return DashboardPage.objects.get(locale__language_code="vi")


def test_dashboard_page_query_ceiling(client, page, known, django_assert_max_num_queries):
    """The page's first view after a change reads the summary: a bounded number of queries,
    none of them over the results."""
    from dashboard.cache import invalidate

    client.get("/bang-so-lieu/?year=2025")
    invalidate()
    with CaptureQueriesContext(connection) as ctx, django_assert_max_num_queries(60):
        response = client.get("/bang-so-lieu/?year=2025")
    assert response.status_code == 200
    print(f"dashboard page, first view after a change: {len(ctx.captured_queries)} queries")
    table = Submission._meta.db_table
    assert not [q["sql"] for q in ctx.captured_queries if f'FROM "{table}"' in q["sql"]]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the parallel reads are used on PostgreSQL only")
def test_outside_a_transaction_the_medians_are_read_in_background_threads(settings, monkeypatch):
    """A page view runs outside a transaction: the medians' histograms are read by two
    threads on their own connections while the cells are folded, with the same figures."""
    import threading

    from dashboard.summary_source import SummarySource
    from tests.e2e.conftest import restore_base_data

    restore_base_data()
    known = build_known_set()
    summary.rebuild()
    readers = []
    for name in ("_read_by_dimension", "_pillar_medians"):
        real = getattr(SummarySource, name)

        def recorded(self, *args, _real=real, _name=name):
            readers.append((_name, threading.current_thread().name))
            return _real(self, *args)

        monkeypatch.setattr(SummarySource, name, recorded)
    assert not connection.in_atomic_block
    for filters in filter_sets(known):
        assert compute_figures(2025, filters) == compute_figures_direct(2025, filters), filters
    assert readers and all(thread.startswith("dashboard-medians") for _name, thread in readers)
    assert {name for name, _thread in readers} == {"_read_by_dimension", "_pillar_medians"}

    readers.clear()
    settings.DASHBOARD_PARALLEL_MEDIANS = False
    assert compute_figures(2025, {}) == compute_figures_direct(2025, {})
    assert readers and all(thread == threading.current_thread().name for _name, thread in readers)


def test_earlier_years_trend_rows_are_not_read_until_their_results_change(known):
    """A view of 2025 after the first reads only 2025's result rows (earlier years' trend
    entries are cached per year); a change of a 2024 result makes 2024's rows read again and
    its trend entry right."""

    def result_years_read(filters):
        with CaptureQueriesContext(connection) as ctx:
            figures = compute_figures(2025, filters)
        reads = [
            q["sql"] for q in ctx.captured_queries if "dashboard_summarycell" in q["sql"] and '"level"' in q["sql"]
        ]
        assert len(reads) == 1
        return reads[0], figures

    for filters in filter_sets(known):
        compute_figures(2025, filters)
        read, figures = result_years_read(filters)
        assert "NOT" in read and "2024" in read, read  # 2024 excluded: its entry is cached
        assert figures == compute_figures_direct(2025, filters)
    target = known.submissions[2024][2]
    Submission.objects.filter(pk=target.pk).update(total=1, level=0)
    PillarScore.objects.filter(submission=target).update(points=0)
    summary.rebuild(years=[2024])
    invalidate(years=[2024])
    read, figures = result_years_read({})
    assert "NOT" not in read
    assert figures == compute_figures_direct(2025, {})
    assert [row["year"] for row in figures["trend"]] == [2024, 2025]
