"""Factories for support programmes and applications, shared by the tests and the demo."""

from datetime import date

import factory

from .models import Application, Programme, Purpose


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Chương trình hỗ trợ chuyển đổi số doanh nghiệp nhỏ và vừa {n}")
    slug = factory.Sequence(lambda n: f"ho-tro-chuyen-doi-so-{n}")
    legal_basis = (
        "Luật Hỗ trợ doanh nghiệp nhỏ và vừa số 04/2017/QH14; Nghị định 80/2021/NĐ-CP, Điều 11 (hỗ trợ chuyển đổi số)."
    )
    pays_for = factory.LazyFunction(lambda: [Purpose.CONSULTING, Purpose.SOLUTIONS, Purpose.ECOMMERCE])
    support_rate = 50
    caps = factory.LazyFunction(lambda: {"micro": 20_000_000, "small": 50_000_000, "medium": 100_000_000})
    budget = 1_000_000_000
    starts_on = date(2026, 1, 1)
    ends_on = date(2026, 12, 31)
    eligible_sizes = factory.LazyFunction(lambda: ["micro", "small", "medium"])
    min_level = 1
    max_level = 3
    require_verified = True
    result_max_age_months = 12
    status = Programme.Status.OPEN


class ApplicationFactory(factory.django.DjangoModelFactory):
    """An application written directly (for listings and figures); the real path is
    `programmes.services.apply`, which checks eligibility."""

    class Meta:
        model = Application

    reference = factory.Sequence(lambda n: f"HT-2026-{n:06d}")
    programme = factory.SubFactory(ProgrammeFactory)
    enterprise = factory.SubFactory("enterprises.factories.EnterpriseFactory")
    purpose = Purpose.SOLUTIONS
    description = "Thuê phần mềm kế toán và hóa đơn điện tử trong 12 tháng."
    cost_estimate = 40_000_000
    requested_amount = 20_000_000
    eligible = True
