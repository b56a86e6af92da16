import datetime

import pytest


@pytest.fixture
def units(db):
    """A district valid until the 2025 reform, one of its communes, and a new commune that
    succeeds the old district's territory."""
    from enterprises.factories import AdministrativeUnitFactory
    from enterprises.models import AdministrativeUnit, UnitLink

    province = AdministrativeUnitFactory(code="T-67", name="Tỉnh Thử", level=AdministrativeUnit.Level.PROVINCE)
    new = AdministrativeUnitFactory(
        code="T-NEW", name="Xã Mới", level=AdministrativeUnit.Level.COMMUNE, valid_from=datetime.date(2025, 7, 1)
    )
    district = AdministrativeUnitFactory(
        code="T-660",
        name="Huyện Cũ",
        level=AdministrativeUnit.Level.DISTRICT,
        parent=province,
        valid_to=datetime.date(2025, 6, 30),
    )
    commune = AdministrativeUnitFactory(
        code="T-24646",
        name="Xã Cũ",
        level=AdministrativeUnit.Level.COMMUNE,
        parent=district,
        valid_to=datetime.date(2025, 6, 30),
    )
    UnitLink.objects.create(predecessor=district, successor=new, kind=UnitLink.Kind.PARTIAL)
    UnitLink.objects.create(predecessor=commune, successor=new)
    other = AdministrativeUnitFactory(code="T-999", name="Huyện Khác", level=AdministrativeUnit.Level.DISTRICT)
    return {"province": province, "district": district, "commune": commune, "new": new, "other": other}


@pytest.fixture
def coordinator(db):
    from accounts.factories import UserFactory

    return UserFactory(username="dieuphoi", email="dieuphoi@so.gov.vn", roles=["support_coordinator"])


@pytest.fixture
def consultant_user(db):
    from accounts.factories import UserFactory

    return UserFactory(username="chuyengia", email="chuyengia@tuvan.vn", roles=["consultant"])


@pytest.fixture
def topic(db):
    from support.factories import topic

    return topic("thuong-mai-dien-tu")


@pytest.fixture
def consultant(consultant_user, topic, units):
    from support.factories import ConsultantFactory

    return ConsultantFactory(
        name="Lê Minh Đức", user=consultant_user, email="", topics=[topic], pillars=["P1"], areas=[units["district"]]
    )


@pytest.fixture(autouse=True)
def framework(db):
    """The DBI framework whose pillar codes the desk reads (P1–P6)."""
    from assessment_forms.factories import load_dbi_1970

    return load_dbi_1970()
