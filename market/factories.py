"""Factories for the catalogue and the board, shared by the tests and the demo content."""

from datetime import timedelta

import factory
from django.utils import timezone

from enterprises.factories import EnterpriseFactory

from .models import Listing, Post, Provider, Solution


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Công ty Cổ phần Giải pháp số {n}")
    tax_code = factory.Sequence(lambda n: f"03{n:08d}")
    contact_email = factory.Sequence(lambda n: f"kinhdoanh{n}@giaiphap.vn")
    make_in_vietnam = True
    status = Listing.APPROVED


class SolutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Solution
        skip_postgeneration_save = True

    provider = factory.SubFactory(ProviderFactory)
    name = factory.Sequence(lambda n: f"Phần mềm quản lý {n}")
    category = Solution.Category.ACCOUNTING
    summary = "Quản lý bán hàng, kho và hóa đơn điện tử trên điện thoại."
    pillars = factory.LazyFunction(lambda: ["P3"])
    criteria = factory.LazyFunction(list)
    sizes = factory.LazyFunction(list)
    price_min = 1_200_000
    price_max = 6_000_000
    has_trial = True
    status = Listing.APPROVED


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    kind = Post.Kind.OFFER
    enterprise = factory.SubFactory(EnterpriseFactory)
    title = factory.Sequence(lambda n: f"Cà phê Robusta rang xay, lô {n}")
    description = "Cà phê nhân và rang xay đạt chuẩn OCOP 4 sao, giao hàng toàn quốc."
    quantity = "5 tấn/tháng"
    contact_email = factory.Sequence(lambda n: f"banhang{n}@doanhnghiep.vn")
    status = Listing.APPROVED
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=60))
