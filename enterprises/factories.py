"""Factories for the registry, shared by the tests and the demo content."""

import random

import factory

from .models import AdministrativeUnit, Enterprise, EnterpriseMembership, Sector
from .validators import make_tax_code


def random_tax_code(rng=random):
    while True:
        code = make_tax_code("".join(str(rng.randint(0, 9)) for _ in range(9)))
        if code and not Enterprise.objects.filter(tax_code=code).exists():
            return code


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("version", "code")

    version = Sector.Version.VSIC_2018
    code = factory.Sequence(lambda n: f"Z{n}")
    name = factory.Sequence(lambda n: f"Ngành {n}")
    size_group = Sector.SizeGroup.TRADE_SERVICES


class AdministrativeUnitFactory(factory.django.DjangoModelFactory):
    """A unit for tests. `migrate` loads the whole country, so a code that already exists in
    the same period (same start date) is that unit, updated with the attributes given."""

    class Meta:
        model = AdministrativeUnit

    code = factory.Sequence(lambda n: f"T{n}")
    name = factory.Sequence(lambda n: f"Huyện {n}")
    level = AdministrativeUnit.Level.DISTRICT
    valid_from = None
    valid_to = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        unit = model_class.objects.filter(code=kwargs["code"], valid_from=kwargs.get("valid_from")).first()
        if unit is None:
            return super()._create(model_class, *args, **kwargs)
        for name, value in kwargs.items():
            setattr(unit, name, value)
        unit.save()
        return unit


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    tax_code = factory.LazyFunction(random_tax_code)
    name = factory.Sequence(lambda n: f"Công ty TNHH Thương mại Đắk Nông {n}")
    legal_form = Enterprise.LegalForm.LLC
    sector = factory.SubFactory(SectorFactory)
    area = factory.SubFactory(AdministrativeUnitFactory)
    employees = 12
    revenue = 5000
    capital = 3000
    figures_year = 2025
    # Computed from the figures on save (12 employees, 5 bn revenue → small in both groups).
    # Passing size_class=... still forces that class, for tests that need one regardless of figures.
    size_class = None
    email = factory.Sequence(lambda n: f"lienhe{n}@doanhnghiep.vn")

    @classmethod
    def _build(cls, model_class, *args, size_class=None, **kwargs):
        enterprise = super()._build(model_class, *args, **kwargs)
        if size_class:
            enterprise.size_class = size_class
        return enterprise

    @classmethod
    def _create(cls, model_class, *args, size_class=None, **kwargs):
        enterprise = super()._create(model_class, *args, **kwargs)
        if size_class and size_class != enterprise.size_class:
            model_class.objects.filter(pk=enterprise.pk).update(size_class=size_class, size_basis="Đặt thủ công")
            enterprise.size_class, enterprise.size_basis = size_class, "Đặt thủ công"
        return enterprise


class EnterpriseMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EnterpriseMembership

    enterprise = factory.SubFactory(EnterpriseFactory)
    user = None
    email = factory.LazyAttribute(lambda o: o.user.email if o.user else "nguoidung@doanhnghiep.vn")
    status = EnterpriseMembership.Status.ACTIVE
    origin = EnterpriseMembership.Origin.INVITATION
