"""Importing business registry lists: dry run, real import, bad files change nothing, re-import updates."""

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from enterprises.factories import EnterpriseFactory
from enterprises.importing import import_file
from enterprises.models import Enterprise
from tests.helpers import assert_denied

pytestmark = pytest.mark.django_db

HEADER = ["Mã số thuế", "Tên doanh nghiệp", "Loại hình", "Ngành", "Địa bàn", "Số lao động", "Doanh thu", "Nguồn vốn"]
GOOD = [
    ["0100107518", "Công ty TNHH Cà phê Đắk Mil", "Công ty TNHH một thành viên", "0111", "Huyện Đắk Mil", 8, 2500, ""],
    ["0100109106", "Hợp tác xã Tiêu Đắk Song", "HTX", "46", "Xã Đắk Song", "40", "60.000", ""],
    ["0100107518-001", "Chi nhánh Cà phê Đắk Mil tại Gia Nghĩa", "Chi nhánh", "C", "Phường Bắc Gia Nghĩa", "", "", ""],
]


def write_csv(path, rows, header=HEADER, delimiter=","):
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path, rows, header=HEADER):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


@pytest.fixture(params=["csv", "xlsx"])
def good_file(request, tmp_path, units):
    writer = write_csv if request.param == "csv" else write_xlsx
    return writer(tmp_path / f"danh-sach.{request.param}", GOOD)


def test_dry_run_reports_and_writes_nothing(good_file):
    report = import_file(good_file, commit=False, on_date="2025-09-01")
    assert report.ok and not report.written
    assert report.counts["created"] == 3
    assert [row.action for row in report.rows] == ["created"] * 3
    assert not Enterprise.objects.exists()


def test_valid_file_imports(good_file):
    report = import_file(good_file, commit=True, on_date="2025-09-01")
    assert report.written and report.counts["created"] == 3
    cafe = Enterprise.objects.get(tax_code="0100107518")
    assert (
        cafe.legal_form == "llc"
        and (cafe.sector.version, cafe.sector.code) == ("2018", "011")
        and cafe.area.name == "Huyện Đắk Mil"
    )
    assert cafe.size_class == "micro" and cafe.search_text.startswith("cong ty tnhh ca phe dak mil")
    assert cafe.recorded_on.isoformat() == "2025-06-30"  # filed under a unit that has since ended
    coop = Enterprise.objects.get(tax_code="0100109106")
    assert coop.revenue == 60000 and coop.size_class == "small" and coop.area.code == "24718"
    assert Enterprise.objects.get(tax_code="0100107518-001").legal_form == "branch"


def test_reimport_updates_instead_of_duplicating(tmp_path, units):
    import_file(write_csv(tmp_path / "a.csv", GOOD), commit=True)
    verified = Enterprise.objects.get(tax_code="0100109106")
    verified.figures_verified_at = timezone.now()
    verified.save()
    changed = [row[:] for row in GOOD]
    changed[0][1] = "Công ty TNHH Cà phê Đắk Mil Xanh"
    changed[0][5] = 11
    changed[1][5] = 99  # verified figures are kept
    report = import_file(write_csv(tmp_path / "b.csv", changed, delimiter=";"), commit=True)
    assert report.written and report.counts["updated"] == 3 and report.counts["created"] == 0
    assert Enterprise.objects.count() == 3
    cafe = Enterprise.objects.get(tax_code="0100107518")
    assert cafe.name == "Công ty TNHH Cà phê Đắk Mil Xanh" and cafe.employees == 11 and cafe.size_class == "small"
    assert Enterprise.objects.get(tax_code="0100109106").employees == 40
    assert any("thẩm định" in note for row in report.rows for note in row.notes)


def test_file_with_errors_changes_nothing(tmp_path, units):
    existing = EnterpriseFactory(tax_code="0100107518", name="Tên cũ")
    bad = GOOD + [
        ["0100109106", "Trùng mã", "HTX", "46", "Xã Đắk Song", 1, 1, 1],
        ["0100107519", "Sai mã số thuế", "TNHH", "46", "Xã Đắk Song", 1, 1, 1],
        ["0301234567", "Sai ngành và địa bàn", "TNHH", "ZZ", "Huyện Không Có", "mười", "1.5.x", ""],
    ]
    report = import_file(write_xlsx(tmp_path / "bad.xlsx", bad), commit=True)
    assert not report.written and report.counts["rejected"] == 3
    problems = {(row.row, column): message for row in report.rows for column, message in row.problems}
    assert "trùng với dòng 3" in problems[(5, "Mã số thuế")]
    assert "chữ số kiểm tra" in problems[(6, "Mã số thuế")]
    assert "VSIC" in problems[(7, "Ngành")]
    assert "Không tìm thấy địa bàn" in problems[(7, "Địa bàn")]
    assert "không phải là số" in problems[(7, "Số lao động")]
    assert "không phải là số" in problems[(7, "Doanh thu")]
    assert Enterprise.objects.count() == 1
    existing.refresh_from_db()
    assert existing.name == "Tên cũ"


def test_missing_columns_and_unsupported_files(tmp_path, units):
    report = import_file(write_csv(tmp_path / "x.csv", [["1"]], header=["Tên doanh nghiệp"]), commit=True)
    assert report.file_errors and "Mã số thuế" in report.file_errors[0]
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF")
    assert import_file(path).file_errors


def test_english_headers(tmp_path, units):
    header = ["Tax code", "Name", "Legal form", "Sector", "Area", "Employees", "Revenue", "Capital"]
    report = import_file(write_csv(tmp_path / "en.csv", GOOD, header=header), commit=True)
    assert report.written and report.counts["created"] == 3


def test_command(tmp_path, units, quiet, capsys):
    path = write_csv(tmp_path / "a.csv", GOOD)
    call_command("import_enterprises", str(path), stdout=quiet)
    assert not Enterprise.objects.exists()
    call_command("import_enterprises", str(path), "--commit", stdout=quiet)
    assert Enterprise.objects.count() == 3
    assert "4/4 dòng" in capsys.readouterr().err
    bad = write_csv(tmp_path / "b.csv", [["0100107519", "Sai"]], header=HEADER[:2])
    with pytest.raises(CommandError):
        call_command("import_enterprises", str(bad), "--commit", stdout=quiet)


def test_admin_upload_dry_run_then_confirm(client, units, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(UserFactory(roles=["programme_editor"]))
    url = reverse("enterprises_import")
    assert client.get(url).status_code == 200
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER, *GOOD])
    upload = SimpleUploadedFile("ds.csv", buffer.getvalue().encode("utf-8"), content_type="text/csv")
    response = client.post(url, {"file": upload})
    assert response.status_code == 200
    report, token = response.context["report"], response.context["token"]
    assert report.counts["created"] == 3 and token
    assert not Enterprise.objects.exists()
    response = client.post(reverse("enterprises_import_confirm"), {"token": token})
    assert response.status_code == 302
    assert Enterprise.objects.count() == 3
    # A second click changes nothing.
    client.post(reverse("enterprises_import_confirm"), {"token": token})
    assert Enterprise.objects.count() == 3


def test_admin_import_needs_permission(client, units):
    client.force_login(UserFactory(roles=["event_organiser"]))
    assert_denied(client.get(reverse("enterprises_import")))


def test_admin_cancel_deletes_the_staged_list(client, units, settings, tmp_path):
    """The upload waits in private storage (never under MEDIA_ROOT) until confirmed or cancelled."""
    from core.uploads import staging_storage

    settings.MEDIA_ROOT = tmp_path / "media"
    client.force_login(UserFactory(roles=["programme_editor"]))
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER, *GOOD])
    upload = SimpleUploadedFile("ds.csv", buffer.getvalue().encode("utf-8"), content_type="text/csv")
    token = client.post(reverse("enterprises_import"), {"file": upload}).context["token"]
    storage = staging_storage("enterprise-imports")
    staged = set(storage.listdir("")[1])
    assert staged and not (tmp_path / "media").exists()
    response = client.post(reverse("enterprises_import_cancel"), {"token": token})
    assert response.status_code == 302 and response["Location"] == reverse("enterprises_import")
    assert not staged & set(storage.listdir("")[1])
    client.post(reverse("enterprises_import_confirm"), {"token": token})  # too late: nothing to import
    assert not Enterprise.objects.exists()


def test_the_list_offers_the_import_to_those_allowed_only(client, login_as):
    url = reverse("enterprises_import")
    login_as("programme_editor")
    assert url in client.get(reverse("wagtailsnippets_enterprises_enterprise:list")).content.decode()
    login_as("assessor")  # views and edits enterprises, does not add them
    listing = client.get(reverse("wagtailsnippets_enterprises_enterprise:list"))
    assert listing.status_code == 200 and url not in listing.content.decode()
