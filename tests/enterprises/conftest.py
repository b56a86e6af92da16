import pytest


@pytest.fixture
def units(db):
    """The site's province's units as `migrate` loads them (Lâm Đồng: the former Lâm Đồng,
    Đắk Nông and Bình Thuận until 30/6/2025; the new Lâm Đồng from 1/7/2025).

    Keys: "old:<code>" and "new:<code>" (a code is unique only within its period), and the bare
    code when only one period has it."""
    from enterprises.provinces import province_units
    from enterprises.units import NEW, OLD, period_of

    found = {}
    for unit in province_units():
        period = period_of(unit.valid_from, unit.valid_to)
        found[f"{period}:{unit.code}"] = unit
    for key, unit in list(found.items()):
        other = f"{NEW if key.startswith(OLD) else OLD}:{unit.code}"
        if other not in found:
            found[unit.code] = unit
    return found


@pytest.fixture
def sectors(db):
    """VSIC 2018 sectors by code, and VSIC 2025 ones as "2025:<code>"."""
    from enterprises.models import Sector

    found = {}
    for sector in Sector.objects.all():
        found[sector.code if sector.version == "2018" else f"2025:{sector.code}"] = sector
    return found
