"""Factories for the dashboard, shared by the tests and the demo content."""

import datetime

import factory

from core.pages import PageFactory

from .models import AnnualReport, DashboardPage


class DashboardPageFactory(PageFactory):
    class Meta:
        model = DashboardPage

    title = "Bảng số liệu chuyển đổi số"
    slug = "bang-so-lieu"
    show_in_menus = True
    intro = "<p>Bức tranh chuyển đổi số của doanh nghiệp trong tỉnh theo bộ chỉ số DBI.</p>"


class AnnualReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnualReport
        django_get_or_create = ("year",)

    year = 2025
    summary = "<p>Năm qua, số doanh nghiệp tự đánh giá mức độ chuyển đổi số tăng mạnh.</p>"
    signer = "Nguyễn Văn Bình"
    # Decree 30/2020/NĐ-CP parts; the issuing body falls back to the site profile's owner, the
    # body above it to the People's Committee of the province the site serves (PROVINCE_CODE).
    place = "Đà Lạt"
    issued_on = factory.LazyAttribute(lambda o: datetime.date(o.year + 1, 1, 15))
    recipients = "Bộ Khoa học và Công nghệ;\nỦy ban nhân dân tỉnh;\nLưu: VT, CĐS."
    signer_authority = "KT. Giám đốc"
    signer_title = "Phó Giám đốc"
