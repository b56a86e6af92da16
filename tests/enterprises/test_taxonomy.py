"""Tax codes, sectors (VSIC 2018) and dated administrative units."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from enterprises.factories import EnterpriseFactory
from enterprises.models import AdministrativeUnit, Sector, UnitLink
from enterprises.provinces import UnitLookupError, resolve_unit
from enterprises.stats import Split, count_by_area
from enterprises.units import units_for_date
from enterprises.validators import is_valid_tax_code, make_tax_code, normalize_tax_code, validate_tax_code


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
    def test_both_versions_loaded_by_migrate(self, sectors):
        for version, sections, divisions, groups in (("2018", 21, 88, 242), ("2025", 22, 87, 259)):
            rows = Sector.objects.filter(version=version)
            assert rows.filter(level=1).count() == sections
            assert rows.filter(level=2).count() == divisions
            assert rows.filter(level=3).count() == groups
        assert Sector.objects.filter(version="2025", level=5).count() == 743
        assert not Sector.objects.filter(version="2018", level__gt=3).exists()  # not obtainable (docs)
        assert all(d.parent_id and d.name for d in Sector.objects.filter(level=2))
        assert sectors["62"].name_en  # English names of 2018 divisions (ISIC Rev. 4)

    def test_decree_80_groups(self, sectors):
        for code in "ABCDEF":
            assert sectors[code].size_group == Sector.SizeGroup.AGRI_INDUSTRY
            assert sectors[f"2025:{code}"].size_group == Sector.SizeGroup.AGRI_INDUSTRY
        for code in "GHIJKLMNOPQRSTU":
            assert sectors[code].size_group == Sector.SizeGroup.TRADE_SERVICES
        assert sectors["2025:V"].size_group == Sector.SizeGroup.TRADE_SERVICES
        assert sectors["10"].size_group == Sector.SizeGroup.AGRI_INDUSTRY
        assert sectors["2025:05100"].size_group == Sector.SizeGroup.AGRI_INDUSTRY
        assert sectors["62"].size_group == Sector.SizeGroup.TRADE_SERVICES
        assert sectors["62"].parent.code == "J"
        assert sectors["2025:62"].parent.code == "K"  # letters from K on changed meaning

    def test_command_is_idempotent(self, sectors, quiet):
        before = Sector.objects.count()
        call_command("load_sectors", stdout=quiet)
        call_command("load_sectors", stdout=quiet)
        assert Sector.objects.count() == before == 351 + 1606


BEFORE = datetime.date(2025, 6, 30)
AFTER = datetime.date(2025, 7, 1)


class TestUnits:
    def test_whole_country_loaded_by_migrate(self, db):
        units = AdministrativeUnit.objects.all()
        assert units.filter(level="province", valid_to=BEFORE).count() == 63
        assert units.filter(level="province", valid_from=AFTER).count() == 34
        assert units.filter(level="district").count() == 696
        assert units.filter(level="commune", valid_to=BEFORE).count() == 10035
        assert units.filter(level="commune", valid_from=AFTER).count() == 3321
        assert UnitLink.objects.count() == 10634
        assert UnitLink.objects.filter(kind="partial").count() == 972
        # Đắk Nông (67): 8 districts, 71 communes; the new Lâm Đồng (68): 124 communes.
        assert units.filter(level="district", parent__code="67").count() == 8
        assert units.filter(level="commune", parent__parent__code="67").count() == 71
        assert units.filter(level="commune", parent__code="68", valid_from=AFTER).count() == 124
        assert not units.filter(valid_to=BEFORE, level="commune", successor_links__isnull=True).exists()

    def test_same_code_two_periods_resolved_by_date(self, db):
        assert resolve_unit("24646", datetime.date(2024, 5, 1)).name == "Xã Ea Pô"
        assert resolve_unit("24646", datetime.date(2026, 1, 1)).name == "Xã Đắk Wil"
        with pytest.raises(UnitLookupError, match="ngày ghi nhận"):
            resolve_unit("24646")
        with pytest.raises(UnitLookupError):
            resolve_unit("99999", datetime.date(2026, 1, 1))
        # Ea Pô passed whole to the new Đắk Wil.
        ea_po = resolve_unit("24646", BEFORE)
        assert [(link.successor.name, link.kind) for link in ea_po.successor_links.all()] == [("Xã Đắk Wil", "whole")]

    def test_loader_is_idempotent_and_renames_provisional_codes(self, db):
        from enterprises.units import load_country

        nghia_duc = AdministrativeUnit.objects.get(code="24611", valid_to=BEFORE)
        enterprise = EnterpriseFactory(area=nghia_duc, recorded_on=datetime.date(2024, 1, 1))
        # The first release's provisional code, and a link the data does not have.
        AdministrativeUnit.objects.filter(pk=nghia_duc.pk).update(code="660-01")
        stray = AdministrativeUnit.objects.get(code="24640", valid_from=AFTER)
        UnitLink.objects.create(predecessor=nghia_duc, successor=stray, kind="partial")
        count = AdministrativeUnit.objects.count()
        # ... and one spelled as the resolution does (an alias of the GSO name "Xã Đắk N'Dung").
        AdministrativeUnit.objects.filter(code="24727", valid_to=BEFORE).update(code="665-04", name="Xã Đắk N'Drung")
        counts = load_country()
        assert counts["renamed"] == 2 and counts["links_removed"] == 1 and counts["created"] == 0
        assert AdministrativeUnit.objects.get(code="24727", valid_to=BEFORE).name == "Xã Đắk N'Dung"
        assert AdministrativeUnit.objects.count() == count
        enterprise.refresh_from_db()
        assert enterprise.area.code == "24611" and enterprise.area.name == "Phường Nghĩa Đức"
        assert set(load_country().values()) == {0}
        assert UnitLink.objects.count() == 10634

    def test_units_for_date(self, units):
        before = {unit.name for unit in units_for_date(BEFORE, "district")}
        assert "Huyện Cư Jút" in before and "Huyện Đức Trọng" in before  # old Đắk Nông and Lâm Đồng
        assert "Quận Ba Đình" not in before  # another province
        assert not units_for_date(AFTER, "district").exists()
        after_communes = {unit.name for unit in units_for_date(AFTER, "commune")}
        assert "Xã Cư Jút" in after_communes and "Xã Trúc Sơn" not in after_communes
        assert len(after_communes) == 124
        assert [u.name for u in units_for_date(AFTER, "province")] == ["Tỉnh Lâm Đồng"]

    def test_record_keeps_its_area_and_is_checked_on_its_date(self, units):
        old = EnterpriseFactory(area=units["662"], recorded_on=datetime.date(2025, 6, 15))
        old.full_clean()
        new = EnterpriseFactory.build(area=units["662"], recorded_on=datetime.date(2025, 7, 2))
        with pytest.raises(ValidationError) as error:
            new.full_clean(exclude=["sector"])
        assert "area" in error.value.message_dict
        new.area = units["new:24640"]
        new.full_clean(exclude=["sector"])
        old.refresh_from_db()
        assert old.area.name == "Huyện Cư Jút"

    def test_statistics_for_either_period(self, units, django_assert_max_num_queries):
        EnterpriseFactory(area=units["662"])  # Huyện Cư Jút
        EnterpriseFactory(area=units["old:24640"])  # Thị trấn Ea T'Ling, Cư Jút
        EnterpriseFactory(area=units["new:24640"])  # Xã Cư Jút (from 1/7/2025)
        EnterpriseFactory(area=units["old:24611"])  # Phường Nghĩa Đức → Phường Bắc Gia Nghĩa
        with django_assert_max_num_queries(5):
            old = count_by_area(BEFORE, "district")
        assert old[units["662"]] == 3
        assert old[units["old:660"] if "old:660" in units else units["660"]] == 1
        new = count_by_area(AFTER, "commune")
        assert new[units["new:24640"]] == 2
        assert new[units["new:24611"]] == 1
        assert new[None] == 1  # the district-only record has no commune on the new map
        assert count_by_area(AFTER, "province") == {units["new:68"]: 4}

    def test_partial_links_are_reported_as_such(self, units):
        # Xã Phong Phú (Bình Thuận) was split between Phan Rí Cửa and Tuy Phong.
        phong_phu = units["old:22978"]
        EnterpriseFactory(area=phong_phu, recorded_on=datetime.date(2024, 3, 1))
        counts = count_by_area(AFTER, "commune")
        (split,) = [key for key in counts if isinstance(key, Split)]
        assert split.source == phong_phu
        assert {unit.name for unit in split.candidates} == {"Xã Phan Rí Cửa", "Xã Tuy Phong"}
