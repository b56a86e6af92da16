"""Tax codes, sectors (VSIC 2018) and dated administrative units."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from enterprises.factories import EnterpriseFactory
from enterprises.models import AdministrativeUnit, Sector
from enterprises.sectors import sector_for_code
from enterprises.stats import count_by_area
from enterprises.units import units_for_date
from enterprises.validators import is_valid_tax_code, make_tax_code, normalize_tax_code, validate_tax_code

BEFORE = datetime.date(2025, 6, 30)
AFTER = datetime.date(2025, 7, 1)


class TestTaxCodes:
    @pytest.mark.parametrize("code", ["0100107518", "0100109106", "0100107518-001", "0100 107 518", "0100107518001"])
    def test_valid(self, code):
        assert is_valid_tax_code(code)
        validate_tax_code(code)

    @pytest.mark.parametrize("code", ["0100107519", "12345", "01001075180", "0100107518-000", "abc", ""])
    def test_invalid(self, code):
        assert not is_valid_tax_code(code)
        with pytest.raises(ValidationError):
            validate_tax_code(code)

    def test_normalise(self):
        assert normalize_tax_code(" 0100.107.518 ") == "0100107518"
        assert normalize_tax_code("0100107518001") == "0100107518-001"
        assert normalize_tax_code("100107518") == "0100107518"  # a spreadsheet dropped the zero
        assert normalize_tax_code(100107518.0) == "0100107518"

    def test_made_codes_are_valid(self):
        assert is_valid_tax_code(make_tax_code("640012345") or "0100107518")

    def test_saved_normalised_and_unique(self, db):
        enterprise = EnterpriseFactory(tax_code="0100 107 518")
        assert enterprise.tax_code == "0100107518"
        with pytest.raises(ValidationError):
            EnterpriseFactory.build(tax_code="0100107519").full_clean()


class TestSectors:
    def test_all_sections_and_divisions(self, sectors):
        sections = Sector.objects.filter(level=1)
        assert sorted(s.code for s in sections) == list("ABCDEFGHIJKLMNOPQRSTU")
        divisions = Sector.objects.filter(level=2)
        assert divisions.count() == 88
        assert all(d.parent_id and d.name and d.name_en for d in divisions)

    def test_decree_80_groups(self, sectors):
        for code in "ABCDEF":
            assert sectors[code].size_group == Sector.SizeGroup.AGRI_INDUSTRY
        for code in "GHIJKLMNOPQRSTU":
            assert sectors[code].size_group == Sector.SizeGroup.TRADE_SERVICES
        assert sectors["10"].size_group == Sector.SizeGroup.AGRI_INDUSTRY
        assert sectors["62"].size_group == Sector.SizeGroup.TRADE_SERVICES
        assert sectors["62"].parent.code == "J"

    def test_command_is_idempotent(self, sectors, quiet):
        call_command("load_sectors", stdout=quiet)
        call_command("load_sectors", stdout=quiet)
        assert Sector.objects.filter(code__regex=r"^[A-Z0-9]{1,2}$").count() == 109

    def test_codes_as_people_write_them(self, sectors):
        assert sector_for_code("0111", sectors).code == "01"
        assert sector_for_code("4620 - Bán buôn nông sản", sectors).code == "46"
        assert sector_for_code("c", sectors).code == "C"
        assert sector_for_code(1.0, sectors).code == "01"
        assert sector_for_code("ZZ", sectors) is None


class TestUnits:
    def test_counts(self, units):
        districts = AdministrativeUnit.objects.filter(level="district")
        assert districts.count() == 8
        assert AdministrativeUnit.objects.filter(level="commune", parent__parent__code="67").count() == 71
        assert AdministrativeUnit.objects.filter(level="commune", parent__code="68").count() == 28
        assert all(unit.successor_id for unit in AdministrativeUnit.objects.filter(valid_to=BEFORE))

    def test_units_for_date(self, units):
        before = {unit.name for unit in units_for_date(BEFORE, "district")}
        assert "Huyện Cư Jút" in before and len(before) == 8
        assert not units_for_date(AFTER, "district").exists()
        after_communes = {unit.name for unit in units_for_date(AFTER, "commune")}
        assert "Xã Cư Jút" in after_communes and "Xã Trúc Sơn" not in after_communes
        assert [u.name for u in units_for_date(AFTER, "province")] == ["Tỉnh Lâm Đồng"]

    def test_record_keeps_its_area_and_is_checked_on_its_date(self, units):
        old = EnterpriseFactory(area=units["662"], recorded_on=datetime.date(2025, 6, 15))
        old.full_clean()
        new = EnterpriseFactory.build(area=units["662"], recorded_on=datetime.date(2025, 7, 2))
        with pytest.raises(ValidationError) as error:
            new.full_clean(exclude=["sector"])
        assert "area" in error.value.message_dict
        new.area = units["68-DN06"]
        new.full_clean(exclude=["sector"])
        old.refresh_from_db()
        assert old.area.name == "Huyện Cư Jút"

    def test_statistics_for_either_period(self, units, django_assert_max_num_queries):
        EnterpriseFactory(area=units["662"])  # Huyện Cư Jút
        EnterpriseFactory(area=units["662-01"])  # Thị trấn Ea T'ling, Cư Jút
        EnterpriseFactory(area=units["68-DN06"])  # Xã Cư Jút (from 1/7/2025)
        EnterpriseFactory(area=units["660-01"])  # Phường Nghĩa Đức → Phường Bắc Gia Nghĩa
        with django_assert_max_num_queries(2):
            old = count_by_area(BEFORE, "district")
        assert old[units["662"]] == 3
        assert old[units["660"]] == 1
        new = count_by_area(AFTER, "commune")
        assert new[units["68-DN06"]] == 2
        assert new[units["68-DN01"]] == 1
        assert new[None] == 1  # the district-only record has no commune on the new map
        assert count_by_area(AFTER, "province") == {units["68"]: 4}
