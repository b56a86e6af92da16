from collections import Counter

import pytest

from enterprises.demo import build_enterprises, build_units
from enterprises.models import Enterprise
from enterprises.validators import is_valid_tax_code

pytestmark = pytest.mark.django_db


def test_demo_enterprises(quiet):
    build_units(quiet)
    build_enterprises(quiet)
    first = {e.tax_code: (e.name, e.size_class, e.area_id) for e in Enterprise.objects.all()}
    build_enterprises(quiet)  # idempotent and deterministic
    assert {e.tax_code: (e.name, e.size_class, e.area_id) for e in Enterprise.objects.all()} == first
    assert len(first) == 300
    assert all(is_valid_tax_code(code) for code in first)
    enterprises = Enterprise.objects.select_related("sector", "area")
    sizes = Counter(e.size_class for e in enterprises)
    assert set(sizes) == {"micro", "small", "medium", "large"}
    assert len({e.sector.parent_id for e in enterprises}) >= 8
    districts = {e.area.parent.name if e.area.level == "commune" else e.area.name for e in enterprises}
    assert "Tỉnh Lâm Đồng" in districts and len(districts) >= 9
    for e in enterprises:
        assert e.area.is_valid_on(e.recorded_on)
