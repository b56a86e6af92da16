import pytest


@pytest.fixture
def units(db):
    """Đắk Nông's units (to 30/6/2025) and Lâm Đồng's on the same territory (from 1/7/2025)."""
    from enterprises.units import default_unit_files, load_units

    for path in default_unit_files():
        load_units(path)
    from enterprises.models import AdministrativeUnit

    return {unit.code: unit for unit in AdministrativeUnit.objects.all()}


@pytest.fixture
def sectors(db):
    from enterprises.models import Sector

    return {sector.code: sector for sector in Sector.objects.all()}
