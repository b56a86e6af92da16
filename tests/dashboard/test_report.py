import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from pypdf import PdfReader

from accounts.factories import UserFactory
from dashboard.cache import get_figures
from dashboard.factories import AnnualReportFactory
from dashboard.report import sheet_names
from dashboard.tables import SUPPRESSED, build_tables
from tests.helpers import assert_denied

from .data import build_known_set
from .helpers import csv_rows, expected, vi

pytestmark = pytest.mark.django_db


@pytest.fixture
def known(site_home, quiet):
    from dashboard.demo import build

    build(quiet)
    report = AnnualReportFactory(year=2025)
    report.summary = "<p>Tỉnh có 21 doanh nghiệp được thẩm định; ngành chế biến dẫn đầu.</p>"
    report.signer = "Nguyễn Văn Bình"
    report.save()
    return build_known_set()


def _norm(value):
    """Numbers compared as numbers (the workbook reads 99.0 back as 99)."""
    if value in (None, ""):
        return ""
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)


def test_xlsx_has_a_sheet_per_table_with_the_dashboard_figures(known, tmp_path, quiet, client):
    output = tmp_path / "bao-cao-2025.xlsx"
    call_command("build_annual_report", "2025", "--format", "xlsx", "--output", str(output), stdout=quiet)
    workbook = load_workbook(output)
    tables = build_tables(get_figures(2025), public=True)
    names = sheet_names(tables)
    # Sheet names people read, in Vietnamese (issue 16), within Excel's 31 characters.
    # The dashboard's tables, then the areas across the merger (old districts, new communes) and
    # the support work (test_report_areas).
    assert workbook.sheetnames[: len(tables) + 1] == ["Báo cáo"] + [names[table.key] for table in tables]
    assert [workbook[name]["A1"].value for name in workbook.sheetnames[len(tables) + 1 :]] == [
        "Theo huyện cũ (đến 30/6/2025)",
        "Theo xã, phường mới (từ 1/7/2025)",
        "Hỗ trợ doanh nghiệp và kết nối thị trường",
    ]
    assert {"Tổng quan", "Theo ngành", "Theo địa bàn", "Điểm theo trụ cột"} <= set(workbook.sheetnames)
    assert all(len(name) <= 31 for name in workbook.sheetnames)

    cover = {row[0]: row[1] for row in workbook["Báo cáo"].iter_rows(min_row=2, values_only=True)}
    assert cover["Cơ quan báo cáo"] == "Sở Khoa học và Công nghệ tỉnh Lâm Đồng"
    assert "21 doanh nghiệp được thẩm định" in cover["Tóm tắt"]

    for table in tables:
        rows = [list(row) for row in workbook[names[table.key]].iter_rows(min_row=2, values_only=True)]
        if table.note:  # under the table, after a blank line
            assert rows[-2:] == [[None] * len(rows[-3]), [table.note] + [None] * (len(rows[-3]) - 1)]
            rows = rows[:-2]
        assert rows == table.as_matrix()
        # The same figures as the dashboard's own download.
        downloaded = csv_rows(client.get(f"/bang-so-lieu/tai-ve/{table.key}/csv/?year=2025").content)
        assert [[_norm(value) for value in row] for row in rows] == [
            [_norm(value) for value in row] for row in downloaded
        ]

    # Totals add up.
    for key in ("by_sector", "by_area", "by_size"):
        rows = [list(row) for row in workbook[names[key]].iter_rows(min_row=3, values_only=True)]
        end = next(index for index, row in enumerate(rows) if row[0] == "Tổng")
        body, total = rows[:end], rows[end]
        assert total[0] == "Tổng"
        for column in (1, 2, 3):
            assert sum(row[column] for row in body) == total[column]
        assert total[1:4] == [23, 23, 21]
    levels = [list(row) for row in workbook[names["levels"]].iter_rows(min_row=3, values_only=True)]
    assert sum(row[1] for row in levels[:-1]) == levels[-1][1] == 21
    assert sum(row[2] for row in levels[:-1]) == pytest.approx(100, abs=0.3)

    overview = {row[0]: row[1] for row in workbook[names["overview"]].iter_rows(min_row=3, values_only=True)}
    assert overview["Điểm DBI trung bình"] == expected(known.submissions[2025])["average"]
    sector = {row[0]: row for row in workbook[names["by_sector"]].iter_rows(min_row=3, values_only=True)}
    assert sector["G – Bán buôn và bán lẻ"][4] == SUPPRESSED


def test_pdf_in_vietnamese_with_summary_province_and_figures(known, tmp_path, quiet):
    output = tmp_path / "bao-cao-2025.pdf"
    call_command("build_annual_report", "2025", "--format", "pdf", "--output", str(output), stdout=quiet)
    text = "\n".join(page.extract_text() for page in PdfReader(output).pages)
    flat = " ".join(text.split())
    assert "Báo cáo kết quả chuyển đổi số doanh nghiệp năm 2025" in flat
    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH LÂM ĐỒNG" in flat
    assert "Tỉnh có 21 doanh nghiệp được thẩm định; ngành chế biến dẫn đầu." in flat
    assert "Nguyễn Văn Bình" in flat
    figures = expected(known.submissions[2025])
    assert vi(figures["average"]) in flat
    assert vi(figures["median"]) in flat
    for pillar in figures["pillars"].values():
        assert vi(pillar["average"]) in flat
    assert "Phân bố mức chuyển đổi số (DBI)" in flat
    assert "Thay đổi qua các năm" in flat


def test_pdf_has_the_administrative_form_of_decree_30(known, tmp_path, quiet):
    """National title and motto, issuing body (the site profile's owner when the report leaves
    it blank) under its superior body, number and symbol, place and date, recipients, the
    signer's authority, title and name: all from the editable report record (issue 16)."""
    from dashboard.models import AnnualReport

    report = AnnualReport.objects.get(year=2025)
    report.reference = "125/BC-SKHCN"
    report.save()
    output = tmp_path / "bao-cao-2025.pdf"
    call_command("build_annual_report", "2025", "--format", "pdf", "--output", str(output), stdout=quiet)
    reader = PdfReader(output)
    first = " ".join(reader.pages[0].extract_text().split())
    for part in (
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH LÂM ĐỒNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 125/BC-SKHCN",
        "Đà Lạt, ngày 15 tháng 01 năm 2026",
        "BÁO CÁO",
        "Kính gửi: Bộ Khoa học và Công nghệ",
    ):
        assert part in first, part
    last = " ".join(reader.pages[-1].extract_text().split())
    for part in (
        "Nơi nhận:",
        "- Bộ Khoa học và Công nghệ;",
        "- Lưu: VT, CĐS.",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Văn Bình",
    ):
        assert part in last, part


def test_admin_export_needs_the_right(client, known):
    url = "/admin/dashboard/bao-cao/2025/xlsx/"
    client.force_login(UserFactory(roles=["journalist_portal"]))
    denied = client.get(url)
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message.
    assert_denied(denied)
    assert not denied.content.startswith(b"PK")
    client.force_login(UserFactory(roles=["programme_editor"]))
    response = client.get(url)
    assert response.status_code == 200
    assert load_workbook(io.BytesIO(response.content))["Tổng quan"]["A1"].value == "Tổng quan"
    response = client.get("/admin/dashboard/bao-cao/2025/pdf/")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert client.get("/admin/dashboard/bao-cao/2025/doc/").status_code == 404
    # The snippet listing offers both exports.
    listing = client.get("/admin/snippets/dashboard/annualreport/").content.decode()
    assert "/admin/dashboard/bao-cao/2025/xlsx/" in listing
    assert "/admin/dashboard/bao-cao/2025/pdf/" in listing
