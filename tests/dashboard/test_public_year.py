"""The dashboard opens on the public year (the latest the programme published) and shows only
published years to visitors; the editors' view may open any year (issue 16)."""

import re

import pytest
from django.utils import timezone

from assessment_forms.factories import VerifiedSubmissionFactory
from assessment_forms.models import PublishedYear
from dashboard.models import DashboardPage
from enterprises.factories import EnterpriseFactory

from .data import build_known_set

pytestmark = pytest.mark.django_db
URL = "/bang-so-lieu/"


@pytest.fixture
def page(site_home, quiet):
    from dashboard.demo import build

    build(quiet)
    return DashboardPage.objects.get(locale__language_code="vi")


def _year(html):
    match = re.search(r'id="filter-year" name="year">(.*?)</select>', html, re.S)
    options = re.findall(r'<option value="(\d+)"( selected)?>', match.group(1))
    return [int(year) for year, _ in options], next(int(year) for year, chosen in options if chosen)


def test_a_new_years_first_verification_does_not_switch_the_dashboard(client, page):
    build_known_set()  # 2024 and 2025 verified and published
    VerifiedSubmissionFactory(enterprise=EnterpriseFactory(), year=2026, verified_at=timezone.now())
    html = client.get(URL).content.decode()
    years, selected = _year(html)
    assert selected == 2025 and years == [2025, 2024]
    assert "năm 2025" in html
    # An unpublished year asked for by its address shows the public year instead.
    assert _year(client.get(URL + "?year=2026").content.decode())[1] == 2025

    PublishedYear.objects.create(year=2026)
    years, selected = _year(client.get(URL).content.decode())
    assert selected == 2026 and years == [2026, 2025, 2024]


def test_editors_may_open_an_unpublished_year(client, page):
    from accounts.factories import UserFactory

    build_known_set()
    VerifiedSubmissionFactory(enterprise=EnterpriseFactory(), year=2026, verified_at=timezone.now())
    client.force_login(UserFactory(roles=["programme_editor"]))
    html = client.get(URL + "bien-tap/?year=2026").content.decode()
    assert _year(html)[1] == 2026
    # Their year list offers every year with verified results, published or not.
    assert _year(client.get(URL + "bien-tap/").content.decode())[0] == [2026, 2025, 2024]


def test_people_read_vietnamese_numbers_machines_read_plain_ones(client, page):
    from .helpers import csv_rows, expected, html_tables

    known = build_known_set()
    average = expected(known.submissions[2025])["average"]
    html = client.get(URL).content.decode()
    overview = {row[0]: row[1] for row in html_tables(html)["overview"][1:]}
    assert overview["Điểm DBI trung bình"] == f"{average:.1f}".replace(".", ",")
    rows = {row[0]: row[1] for row in csv_rows(client.get(URL + "tai-ve/overview/csv/").content)[1:]}
    assert rows["Điểm DBI trung bình"] == str(average)
    # The level table names the levels as the framework does.
    assert "0 – Chưa khởi động" in html and "5 – Dẫn dắt" in html
