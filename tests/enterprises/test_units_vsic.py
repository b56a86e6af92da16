"""VSIC 2018 and 2025 side by side, leading zeros, Decree 80 with fractional employees, and a
site built for another province (issue 20)."""

import csv
import datetime
from decimal import Decimal

import openpyxl
import pytest

from enterprises.factories import EnterpriseFactory
from enterprises.importing import import_file
from enterprises.models import Enterprise, Sector
from enterprises.sectors import SectorIndex, SectorLookupError
from enterprises.sizing import AGRI_INDUSTRY, TRADE_SERVICES, classify

pytestmark = pytest.mark.django_db

Y2024 = datetime.date(2024, 5, 1)
Y2026 = datetime.date(2026, 1, 10)


@pytest.fixture
def index(db):
    return SectorIndex()


class TestVsicCodes:
    def test_leading_zero_kept(self, index):
        coal = index.resolve("0510", Y2024)
        assert (coal.version, coal.code, coal.level) == ("2018", "051", 3)  # 2018 level 4 → its group
        assert coal.size_group == Sector.SizeGroup.AGRI_INDUSTRY
        assert index.resolve("05100", Y2026).code == "05100" and index.resolve("05100", Y2026).version == "2025"

    def test_lost_zero_read_by_the_columns_rule_or_refused(self, index):
        # 510 is no VSIC code; with the zero it is coal mining (never air transport, 51).
        assert index.resolve(510, Y2024).code == "051"
        assert index.resolve(510.0, Y2026).code == "0510"
        assert index.resolve(510, Y2026, width=4).code == "0510"
        assert index.resolve(51, Y2026, width=3).code == "051"
        # 620 is a 2018 group (programming) and 0620 is gas extraction: ambiguous, refused.
        with pytest.raises(SectorLookupError, match="0620"):
            index.resolve(620, Y2024)
        with pytest.raises(SectorLookupError):
            index.resolve("62100", Y2026, width=4)

    def test_section_letters_read_with_the_version_of_the_date(self, index):
        k2018, k2025 = index.resolve("K", Y2024), index.resolve("k", Y2026)
        assert (k2018.version, k2025.version) == ("2018", "2025")
        assert "tài chính" in k2018.name.lower() and "viễn thông" in k2025.name.lower()
        assert index.resolve("V", Y2026).version == "2025"
        with pytest.raises(SectorLookupError):
            index.resolve("V", Y2024)  # VSIC 2018 has sections A–U only

    def test_a_2025_only_code_is_read_in_2025(self, index):
        sector = index.resolve("6219", Y2024)  # group 621 does not exist in VSIC 2018
        assert (sector.version, sector.code) == ("2025", "6219")
        # A code in both versions follows the date.
        assert index.resolve("46", Y2024).version == "2018" and index.resolve("46", Y2026).version == "2025"
        with pytest.raises(SectorLookupError):
            index.resolve("9999", Y2026)
        with pytest.raises(SectorLookupError):
            index.resolve("6210", Y2026)  # neither 6210 nor 06210 exists: not guessed


def write_xlsx(path, header, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


class TestImport:
    def test_codes_and_fractional_employees(self, tmp_path, units):
        header = ["Mã số thuế", "Tên doanh nghiệp", "Mã ngành (4 số)", "Địa bàn", "Số lao động", "Doanh thu"]
        rows = [
            ["0100107518", "Công ty Than", 510, "Xã Ea Pô", 10, 2500],  # a number cell: 0510
            ["0100109106", "Công ty Vận tải", "4931", "24646", "10,4", 2500],
        ]
        report = import_file(write_xlsx(tmp_path / "ds.xlsx", header, rows), commit=True, on_date="2024-05-01")
        assert report.ok, [row.problems for row in report.rows]
        coal = Enterprise.objects.get(tax_code="0100107518")
        assert (coal.sector.version, coal.sector.code) == ("2018", "051")
        assert coal.area.name == "Xã Ea Pô"  # by name, on the list's date
        assert coal.employees == Decimal("10") and coal.size_class == "micro"
        transport = Enterprise.objects.get(tax_code="0100109106")
        assert transport.area.name == "Xã Ea Pô"  # code 24646 in 2024
        assert transport.employees == Decimal("10.4") and transport.size_class == "small"

    def test_code_24646_after_the_merger_and_ambiguous_sector_refused(self, tmp_path, units):
        path = tmp_path / "ds.csv"
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["Mã số thuế", "Tên doanh nghiệp", "Ngành", "Địa bàn"])
            writer.writerow(["0100107518", "Công ty A", "4620", "24646"])
            writer.writerow(["0100109106", "Công ty B", "620", "24646"])
        report = import_file(path, commit=False, on_date="2026-01-10")
        first, second = sorted(report.rows, key=lambda r: r.row)
        assert first.action == "created"
        assert second.action == "rejected"
        assert any("0620" in message for _column, message in second.problems)
        report = import_file(path.open("rb"), name="ds.csv", commit=False, on_date="2026-01-10")
        assert report.counts["rejected"] == 1


class TestDecree80:
    @pytest.mark.parametrize(
        ("employees", "expected"),
        [("10.0", "micro"), ("10", "micro"), ("10.4", "small"), (Decimal("10.01"), "small")],
    )
    def test_employees_compared_exactly(self, employees, expected):
        assert classify(employees, 2000, None, AGRI_INDUSTRY).size_class == expected
        assert classify(employees, 2000, None, TRADE_SERVICES).size_class == expected

    def test_group_follows_the_main_sector_in_either_version(self, index):
        mining_2025 = index.resolve("0510", Y2026)
        enterprise = EnterpriseFactory(sector=mining_2025, employees=Decimal("60.5"), revenue=30_000, capital=None)
        assert enterprise.size_group == "agri_industry" and enterprise.size_class == "small"
        enterprise.sector = index.resolve("4620", Y2024)  # trade: 60.5 > 50 employees → medium
        enterprise.save()
        assert enterprise.size_group == "trade_services" and enterprise.size_class == "medium"


class TestAnotherProvince:
    def test_can_tho(self, settings, client):
        from dashboard.views import filter_options
        from enterprises.admin_forms import EnterpriseFilterSet
        from enterprises.units import units_for_date

        settings.PROVINCE_CODE = "92"
        after = {u.name for u in units_for_date(datetime.date(2025, 7, 1), "commune")}
        assert "Phường Ninh Kiều" in after and len(after) == 103
        assert "Xã Cư Jút" not in after
        before = {u.name for u in units_for_date(datetime.date(2025, 6, 30), "district")}
        assert "Huyện Phong Điền" in before  # old Cần Thơ; Hậu Giang and Sóc Trăng are included too
        assert "Huyện Cư Jút" not in before

        areas = {label for _pk, label in filter_options()["areas"]}
        assert "Huyện Phong Điền" in areas and "Huyện Cư Jút" not in areas

        filters = EnterpriseFilterSet(data={}, queryset=Enterprise.objects.all(), request=None)
        choices = {unit.name for unit in filters.filters["area"].get_queryset(None)}
        assert "Phường Ninh Kiều" in choices and "Xã Cư Jút" not in choices

        # An import names a Cần Thơ ward; a Lâm Đồng commune is unknown here.
        from enterprises.importing.engine import Lookups

        lookups = Lookups(datetime.date(2026, 1, 1))
        assert lookups.unit("Phường Ninh Kiều").code == "31135"
        with pytest.raises(ValueError):
            lookups.unit("Xã Cư Jút")


def test_division_mapping_2018_to_2025():
    from enterprises.sectors import divisions_2025

    assert divisions_2025("46") == ["46"]
    assert divisions_2025("45") == ["46", "47", "95"]  # division 45 is gone in VSIC 2025
    assert divisions_2025("62") == ["62"]  # same code, section J → K


def test_spelling_variants_are_accepted_on_import(units):
    from enterprises.importing.engine import Lookups

    lookups = Lookups(datetime.date(2024, 5, 1))
    # GSO spells it Đắk N'Dung; the resolution writes Đắk N'Drung.
    assert lookups.unit("Xã Đắk N'Drung") == lookups.unit("Xã Đắk N'Dung")
    assert lookups.unit("dak n'drung").code == "24727"


def test_admin_lists_units_and_sectors(client):
    from django.urls import reverse

    from accounts.factories import UserFactory

    client.force_login(UserFactory(roles=["programme_editor"]))
    units = client.get(reverse("wagtailsnippets_enterprises_administrativeunit:list"), {"q": "24646"})
    assert units.status_code == 200
    html = units.content.decode()
    assert "Xã Ea Pô" in html and "Xã Đắk Wil" in html
    sectors = client.get(reverse("wagtailsnippets_enterprises_sector:list"), {"version": "2025", "q": "0510"})
    assert sectors.status_code == 200 and "0510" in sectors.content.decode()
