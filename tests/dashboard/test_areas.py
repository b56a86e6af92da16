"""Figures across the merger of 1/7/2025: by old districts for a year before it, by new
communes after it, through the successor links (issue 20)."""

import datetime

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from dashboard.areas import figures_by_area
from enterprises.factories import EnterpriseFactory
from enterprises.provinces import resolve_unit

pytestmark = pytest.mark.django_db

BEFORE, AFTER = datetime.date(2024, 6, 1), datetime.date(2026, 1, 10)


@pytest.fixture
def registry(db):
    old = datetime.date(2024, 3, 1)
    return {
        # Xã Ea Pô (Huyện Cư Jút) in 2024; since 1/7/2025 part of Xã Đắk Wil.
        "ea_po": EnterpriseFactory(area=resolve_unit("24646", old), recorded_on=old),
        # Xã Cư Jút (new): all its predecessors were in Huyện Cư Jút.
        "cu_jut": EnterpriseFactory(area=resolve_unit("24640", AFTER), recorded_on=AFTER),
        # Phường Bình Thuận (new) took territory from two old districts.
        "binh_thuan": EnterpriseFactory(area=resolve_unit("22960", AFTER), recorded_on=AFTER),
        # Xã Phong Phú (old, Bình Thuận) was split between two new communes.
        "phong_phu": EnterpriseFactory(area=resolve_unit("22978", old), recorded_on=old),
    }


def names(rows):
    return {unit.name: n for unit, n in rows}


def test_old_districts_for_a_year_before_the_merger(registry):
    figures = figures_by_area(2024, "cu")
    assert names(figures["rows"]) == {"Huyện Cư Jút": 1, "Huyện Tuy Phong": 1}
    assert figures["splits"] == [] and figures["total"] == 2


def test_old_districts_for_a_later_year_map_new_records_back(registry):
    figures = figures_by_area(2026, "cu")
    assert names(figures["rows"]) == {"Huyện Cư Jút": 2, "Huyện Tuy Phong": 1}
    ((split, n),) = figures["splits"]  # reported as such, never assigned to one district
    assert split.source.name == "Phường Bình Thuận" and n == 1
    assert {unit.name for unit in split.candidates} == {"Huyện Hàm Thuận Bắc", "Thành phố Phan Thiết"}


def test_new_communes_map_old_records_forward(registry):
    figures = figures_by_area(2026, "moi")
    assert names(figures["rows"]) == {"Xã Đắk Wil": 1, "Xã Cư Jút": 1, "Phường Bình Thuận": 1}
    ((split, n),) = figures["splits"]
    assert split.source.name == "Xã Phong Phú"
    assert {unit.name for unit in split.candidates} == {"Xã Phan Rí Cửa", "Xã Tuy Phong"}


def test_staff_page(client, registry):
    url = reverse("dashboard_areas")
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(UserFactory(roles=["programme_editor"]))
    response = client.get(url, {"nam": "2026", "ban-do": "cu"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Huyện Cư Jút" in html and "Phường Bình Thuận" in html and 'id="areas-splits"' in html
    assert client.get(url, {"nam": "abc", "ban-do": "x"}).status_code == 200  # bad input: defaults
