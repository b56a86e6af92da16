"""The public directory: URL filters, diacritic-free search, profiles without contact details."""

import json
import re

import pytest
from django.urls import reverse

from enterprises.factories import SectorFactory
from support.factories import ConsultantFactory, OrganisationFactory, topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(units):
    shop, data = topic("thuong-mai-dien-tu"), topic("du-lieu")
    agri = SectorFactory(code="A", name="Nông nghiệp", level=1)
    org = OrganisationFactory(name="Viện Kinh tế số Đại Ngàn", slug="vien-kinh-te-so")
    return {
        "hung": ConsultantFactory(
            name="Nguyễn Văn Hùng",
            slug="nguyen-van-hung",
            topics=[shop],
            pillars=["P1"],
            sectors=[agri],
            areas=[units["district"]],
            organisation=org,
            email="hung.rieng@tuvan.vn",
            phone="0905123456",
            network_member=True,
            network_reference="MLTV-2024-007",
        ),
        "lan": ConsultantFactory(
            name="Trần Thị Lan", slug="tran-thi-lan", topics=[data], pillars=["P5"], areas=[units["other"]]
        ),
        "hidden": ConsultantFactory(
            name="Đỗ Chờ Duyệt", slug="do-cho-duyet", topics=[shop], pillars=["P1"], status="pending"
        ),
        "org": org,
    }


def names(response):
    """The names on the page, in order (the page holds the consultants' keys, the cards their HTML)."""
    from support.models import Consultant

    pks = list(response.context["page_obj"].object_list)
    found = Consultant.objects.in_bulk(pks)
    shown = [found[pk].name for pk in pks]
    body = response.content.decode()
    assert all(name in body for name in shown)
    return shown


def test_filters_in_the_url(client, network, units):
    url = reverse("support:directory")
    assert names(client.get(url)) == ["Nguyễn Văn Hùng", "Trần Thị Lan"]  # the pending one is not listed
    assert names(client.get(url, {"pillar": "P1"})) == ["Nguyễn Văn Hùng"]
    assert names(client.get(url, {"pillar": "P5"})) == ["Trần Thị Lan"]
    assert names(client.get(url, {"topic": "du-lieu"})) == ["Trần Thị Lan"]
    assert names(client.get(url, {"sector": "A"})) == ["Nguyễn Văn Hùng"]
    assert names(client.get(url, {"area": units["district"].code})) == ["Nguyễn Văn Hùng"]
    assert names(client.get(url, {"area": units["other"].code, "topic": "du-lieu"})) == ["Trần Thị Lan"]
    assert names(client.get(url, {"pillar": "P1", "topic": "du-lieu"})) == []


def test_search_without_diacritics(client, network):
    url = reverse("support:directory")
    assert names(client.get(url, {"q": "nguyen van hung"})) == ["Nguyễn Văn Hùng"]
    assert names(client.get(url, {"q": "HÙNG"})) == ["Nguyễn Văn Hùng"]
    assert names(client.get(url, {"q": "dai ngan"})) == ["Nguyễn Văn Hùng"]  # by organisation
    assert names(client.get(url, {"q": "tran lan"})) == ["Trần Thị Lan"]
    assert names(client.get(url, {"q": "do cho duyet"})) == []


def test_bad_filters_are_ignored_with_a_message(client, network):
    response = client.get(reverse("support:directory"), {"pillar": "P99", "trang": "abc", "area": "<x>"})
    assert response.status_code == 200
    assert "bộ lọc không hợp lệ" in response.content.decode()


def test_profile_has_person_json_ld_and_no_contact_details(client, network):
    response = client.get(reverse("support:consultant", args=["nguyen-van-hung"]))
    body = response.content.decode()
    assert response.status_code == 200
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S).group(1))
    assert data["@type"] == "Person" and data["name"] == "Nguyễn Văn Hùng"
    assert data["worksFor"]["name"] == "Viện Kinh tế số Đại Ngàn"
    assert "MLTV-2024-007" in body
    for secret in ("hung.rieng@tuvan.vn", "0905123456"):
        assert secret not in body
    assert "email" not in data and "telephone" not in data
    assert client.get(reverse("support:consultant", args=["do-cho-duyet"])).status_code == 404


def test_organisation_has_organization_json_ld(client, network):
    body = client.get(reverse("support:organisation", args=["vien-kinh-te-so"])).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S).group(1))
    assert data["@type"] == "Organization"
    assert [m["name"] for m in data["member"]] == ["Nguyễn Văn Hùng"]
