"""Factories for the dashboard, shared by the tests and the demo content."""

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
    signer = "Giám đốc Sở"
