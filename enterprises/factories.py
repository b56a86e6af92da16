"""Factories for the registry, shared by the tests and the demo content."""

import random

import factory

from .models import AdministrativeUnit, Enterprise, Sector
from .validators import make_tax_code


def random_tax_code(rng=random):
    while True:
        code = make_tax_code("".join(str(rng.randint(0, 9)) for _ in range(9)))
        if code and not Enterprise.objects.filter(tax_code=code).exists():
            return code


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"Z{n}")
    name = factory.Sequence(lambda n: f"Ngành {n}")
    size_group = Sector.SizeGroup.TRADE_SERVICES


class AdministrativeUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdministrativeUnit
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"T{n}")
    name = factory.Sequence(lambda n: f"Huyện {n}")
    level = AdministrativeUnit.Level.DISTRICT


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
    size_class = Enterprise.SizeClass.SMALL
    email = factory.Sequence(lambda n: f"lienhe{n}@doanhnghiep.vn")
