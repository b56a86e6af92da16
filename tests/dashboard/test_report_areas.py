"""The annual report across the merger of 1/7/2025 and for the province the site serves, and the
dashboard's sectors with VSIC 2018 and 2025 records together (issue 20)."""

import datetime
import io
from collections import Counter

import pytest
from django.db.models import Count
from openpyxl import load_workbook

from dashboard.report import build_pdf, build_xlsx, province_bodies
from enterprises.factories import EnterpriseFactory
from enterprises.models import Enterprise, Sector, UnitLink
from enterprises.provinces import resolve_unit

pytestmark = pytest.mark.django_db

OLD, NEW = datetime.date(2024, 3, 1), datetime.date(2026, 1, 10)


@pytest.fixture
def registry(db):
    """Records of 2024 on the old map (one commune split by the merger), and later ones."""
    made = []
    for code, n in (("24646", 3), ("22978", 2), ("24640", 1)):  # Ea Pô, Phong Phú (split), Cư Jút (old)
        made += [EnterpriseFactory(area=resolve_unit(code, OLD), recorded_on=OLD) for _ in range(n)]
    # Recorded after 2024: outside the 2024 report.
    made.append(EnterpriseFactory(area=resolve_unit("24646", NEW), recorded_on=NEW))
    return made


def sheet(workbook, title):
    """(body rows, total row, note) of the sheet whose first cell is `title`."""
    for each in workbook.worksheets:
        if each["A1"].value == title:
            rows = [list(row) for row in each.iter_rows(min_row=3, values_only=True)]
            end = next(index for index, row in enumerate(rows) if row[0] == "Tổng")
            return rows[:end], rows[end], rows[-1][0]
    raise AssertionError(f"no sheet {title!r}: {[ws['A1'].value for ws in workbook.worksheets]}")


def independent_counts(year):
    """Counted straight from the records and the links, without dashboard or registry code:
    {old district: n} and ({new commune: n}, {old commune split: (n, {new communes})})."""
    records = Enterprise.objects.filter(recorded_on__lte=datetime.date(year, 12, 31))
    old = {row["area__parent__name"]: row["n"] for row in records.values("area__parent__name").annotate(n=Count("id"))}
    new, splits = Counter(), {}
    for enterprise in records.select_related("area"):
        successors = list(UnitLink.objects.filter(predecessor=enterprise.area).select_related("successor"))
        if len(successors) == 1 and successors[0].kind == UnitLink.Kind.WHOLE:
            new[successors[0].successor.name] += 1
        else:
            n, names = splits.get(enterprise.area.name, (0, set()))
            splits[enterprise.area.name] = (n + 1, {link.successor.name for link in successors})
    return old, dict(new), splits


def test_report_for_2024_by_old_districts_and_by_new_communes(registry):
    workbook = load_workbook(io.BytesIO(build_xlsx(2024)))
    old, new, splits = independent_counts(2024)
    assert old == {"Huyện Cư Jút": 4, "Huyện Tuy Phong": 2}  # the fixture as built

    body, total, note = sheet(workbook, "Theo huyện cũ (đến 30/6/2025)")
    assert "31/12/2024" in note and "liên kết kế thừa" in note
    rows = {row[0]: row[1] for row in body if row[0]}
    assert {name: n for name, n in rows.items() if name in old} == old and len(rows) == len(old)
    assert total[:2] == ["Tổng", 6]  # the record of 2026 is not in the 2024 report

    body, total, _note = sheet(workbook, "Theo xã, phường mới (từ 1/7/2025)")
    whole = {row[0]: row[1] for row in body if row[0] and not row[2]}
    assert whole == new == {"Xã Đắk Wil": 3, "Xã Cư Jút": 1}
    # Xã Phong Phú was split between two new communes: shown as such, with both, never assigned.
    (split,) = [row for row in body if row[2]]
    n, candidates = splits["Xã Phong Phú"]
    assert split[0] == "Xã Phong Phú" and split[1] == n == 2
    assert "Chia giữa" in split[2] and all(name in split[2] for name in candidates) and len(candidates) == 2
    assert not any(row[0] in candidates for row in body)
    assert total[:2] == ["Tổng", 6]


def test_report_with_one_map_only(registry):
    workbook = load_workbook(io.BytesIO(build_xlsx(2024, area_map="cu")))
    titles = [each["A1"].value for each in workbook.worksheets]
    assert "Theo huyện cũ (đến 30/6/2025)" in titles and "Theo xã, phường mới (từ 1/7/2025)" not in titles


def test_admin_export_takes_the_map(client, registry):
    from accounts.factories import UserFactory

    client.force_login(UserFactory(roles=["programme_editor"]))
    response = client.get("/admin/dashboard/bao-cao/2024/xlsx/", {"ban-do": "moi"})
    assert response.status_code == 200
    titles = [each["A1"].value for each in load_workbook(io.BytesIO(response.content)).worksheets]
    assert "Theo xã, phường mới (từ 1/7/2025)" in titles and "Theo huyện cũ (đến 30/6/2025)" not in titles


def test_the_header_names_the_province_the_site_serves(settings):
    from pypdf import PdfReader

    assert province_bodies()["department"] == "Sở Khoa học và Công nghệ tỉnh Lâm Đồng"
    settings.PROVINCE_CODE = "92"
    assert province_bodies() == {
        "province": "thành phố Cần Thơ",
        "people_committee": "Ủy ban nhân dân thành phố Cần Thơ",
        "department": "Sở Khoa học và Công nghệ thành phố Cần Thơ",
    }
    cover = load_workbook(io.BytesIO(build_xlsx(2025)))["Báo cáo"]
    values = {row[0]: row[1] for row in cover.iter_rows(min_row=2, values_only=True)}
    assert values["Cơ quan báo cáo"] == "Sở Khoa học và Công nghệ thành phố Cần Thơ"
    assert values["Cơ quan chủ quản"] == "Ủy ban nhân dân thành phố Cần Thơ"
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(build_pdf(2025))).pages).split())
    assert "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ" in text
    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ THÀNH PHỐ CẦN THƠ" in text
    assert "LÂM ĐỒNG" not in text


def test_staff_values_win_over_the_province_defaults(settings):
    from dashboard.factories import AnnualReportFactory

    settings.PROVINCE_CODE = "92"
    AnnualReportFactory(year=2025, issuer_parent="Ủy ban nhân dân thành phố X", issuer="Sở Y")
    values = {
        row[0]: row[1]
        for row in load_workbook(io.BytesIO(build_xlsx(2025)))["Báo cáo"].iter_rows(min_row=2, values_only=True)
    }
    assert values["Cơ quan chủ quản"] == "Ủy ban nhân dân thành phố X" and values["Cơ quan báo cáo"] == "Sở Y"


# --- Sectors: one row per VSIC 2025 section ----------------------------------------------------


def sector(version, code):
    return Sector.objects.get(version=version, code=code)


@pytest.fixture
def sectors(db):
    made = {
        "C": [("2018", "10"), ("2025", "10"), ("2018", "C"), ("2025", "1071")],
        # 2018 K (finance) is 2025 L: mapped by division, never by letter.
        "L": [("2018", "64"), ("2025", "64"), ("2018", "K")],
        # 2018 division 45 went to 2025 G (46, 47) and T (95): a split.
        "split": [("2018", "45"), ("2018", "452")],
        "K": [("2025", "K"), ("2018", "62")],  # 2018 62 (programming, section J) is 2025 K
    }
    for rows in made.values():
        for version, code in rows:
            EnterpriseFactory(sector=sector(version, code))
    return made


def test_one_sector_row_per_vsic_2025_section(sectors):
    from dashboard.stats import compute_figures
    from dashboard.tables import build_tables

    figures = compute_figures(2025)
    rows = {row["name"]: row for row in figures["breakdowns"]["sector"]}
    sections = {name[0]: row["registry"] for name, row in rows.items() if " – " in name and "VSIC 2018" not in name}
    assert sections == {"C": 4, "L": 3, "K": 2}
    assert sum(1 for name in rows if name.startswith("C –")) == 1
    (split,) = [row for name, row in rows.items() if "VSIC 2018" in name]
    assert split["registry"] == 2 and split["key"] == "2018-45"
    assert split["name"].startswith("45 (VSIC 2018)") and split["name"].endswith("G, T")
    # The filter by a section counts its 2018 records too; the split group can be drilled into.
    assert compute_figures(2025, {"sector": sector("2025", "C").pk})["overview"]["registry"] == 4
    assert compute_figures(2025, {"sector": "2018-45"})["overview"]["registry"] == 2
    table = next(table for table in build_tables(figures) if table.key == "by_sector")
    assert "VSIC 2025" in table.note and "không gán" in table.note
    assert [cell.value for cell in table.total[:2]] == ["Tổng", 11]


def test_filter_offers_2025_sections_only(sectors):
    from dashboard.views import filter_options

    labels = [label for _pk, label in filter_options()["sectors"]]
    assert len(labels) == 22 and labels[-1].startswith("V –")


# --- The plan's support work, as on the dashboard ----------------------------------------------


def test_report_has_the_support_work_figures():
    from dashboard.views import programme_figures
    from market.factories import PostFactory
    from programmes.factories import ApplicationFactory, ProgrammeFactory
    from programmes.models import Application

    big, small = ProgrammeFactory(name="Chương trình lớn"), ProgrammeFactory(name="Chương trình nhỏ")
    for _ in range(5):
        ApplicationFactory(
            programme=big, status=Application.Status.PAID, approved_amount=3_000_000, paid_amount=3_000_000
        )
    ApplicationFactory(programme=small, status=Application.Status.APPROVED, approved_amount=1_500_000)
    PostFactory(enterprise=EnterpriseFactory())
    year = Application.objects.first().created_at.year
    workbook = load_workbook(io.BytesIO(build_xlsx(year)))
    title = "Hỗ trợ doanh nghiệp và kết nối thị trường"
    (found,) = [each for each in workbook.worksheets if each["A1"].value == title]
    rows = {row[1]: row[2] for row in found.iter_rows(min_row=3, values_only=True) if row[1]}
    figures = programme_figures(year)  # the dashboard's own figures
    assert rows["Kinh phí đã duyệt (đồng)"] == figures["state"]["committed"] == 16_500_000
    assert rows["Đã giải ngân (đồng)"] == 15_000_000
    assert rows["Hồ sơ: Chương trình lớn"] == 5 and rows["Được hỗ trợ: Chương trình lớn"] == 5
    assert rows["Hồ sơ: Chương trình nhỏ"] == "—"  # one application: hidden, as on the dashboard
    assert rows["Tin chào bán"] == 1 and rows["Tin cần mua"] == 0
    assert rows["Số yêu cầu"] == figures["support"]["total"] == 0
