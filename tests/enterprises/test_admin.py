"""The registry in the Wagtail admin: filters, folded search, hook filters, history, exports."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from enterprises.factories import EnterpriseFactory
from enterprises.hooks import register_enterprise_list_filter
from enterprises.models import Enterprise

pytestmark = pytest.mark.django_db

INDEX = "wagtailsnippets_enterprises_enterprise:list"


@pytest.fixture
def editor(client):
    user = UserFactory(roles=["programme_editor"])
    client.force_login(user)
    return user


@pytest.fixture
def registry(units, sectors):
    return {
        "cafe": EnterpriseFactory(
            name="Công ty TNHH Cà phê Đắk Mil", sector=sectors["10"], area=units["663"], employees=8, revenue=2000
        ),
        "shop": EnterpriseFactory(
            name="Hợp tác xã Nông sản Cư Jút",
            legal_form=Enterprise.LegalForm.COOPERATIVE,
            sector=sectors["46"],
            area=units["old:24640"],
            employees=40,
            revenue=60_000,
        ),
        "hotel": EnterpriseFactory(
            name="Khách sạn Gia Nghĩa", sector=sectors["55"], area=units["new:24611"], employees=150, revenue=500_000
        ),
    }


def names(response):
    return {e.name for e in response.context["object_list"]}


def test_list_filters_and_folded_search(client, editor, registry, units, sectors, django_assert_max_num_queries):
    url = reverse(INDEX)
    with django_assert_max_num_queries(40):
        response = client.get(url)
    assert response.status_code == 200
    assert len(names(response)) == 3
    assert names(client.get(url, {"q": "ca phe dak mil"})) == {"Công ty TNHH Cà phê Đắk Mil"}
    assert names(client.get(url, {"q": "CÀ PHÊ"})) == {"Công ty TNHH Cà phê Đắk Mil"}
    assert names(client.get(url, {"q": registry["shop"].tax_code[:4] + " " + registry["shop"].tax_code[4:]})) == {
        "Hợp tác xã Nông sản Cư Jút"
    }
    assert names(client.get(url, {"sector": sectors["C"].pk})) == {"Công ty TNHH Cà phê Đắk Mil"}
    assert names(client.get(url, {"area": units["662"].pk})) == {"Hợp tác xã Nông sản Cư Jút"}
    assert names(client.get(url, {"size_class": "micro"})) == {"Công ty TNHH Cà phê Đắk Mil"}
    assert names(client.get(url, {"legal_form": "cooperative"})) == {"Hợp tác xã Nông sản Cư Jút"}
    assert names(client.get(url, {"size_class": "large"})) == {"Khách sạn Gia Nghĩa"}


def test_hook_filter_shown_only_when_registered(client, editor, registry):
    from enterprises import hooks

    url = reverse(INDEX)
    # The assessment app registers the real filter; take it away for this test.
    with hooks.replaced_enterprise_list_filters():
        assert "has_assessment" not in client.get(url).context["filters"].filters
        register_enterprise_list_filter(
            "has_assessment", "Đã tự đánh giá", lambda qs, value: qs.filter(name__startswith="Khách") if value else qs
        )
        response = client.get(url, {"has_assessment": "true"})
        assert names(response) == {"Khách sạn Gia Nghĩa"}
    assert "has_assessment" in {item.name for item in hooks.enterprise_list_filters()}


def test_filtered_export_csv_and_xlsx(client, editor, registry):
    url = reverse(INDEX)
    response = client.get(url, {"size_class": "micro", "export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
    assert rows[0][:2] == ["Mã số thuế", "Tên doanh nghiệp"]
    assert [row[1] for row in rows[1:]] == ["Công ty TNHH Cà phê Đắk Mil"]

    response = client.get(url, {"q": "nong san", "export": "xlsx"})
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = list(workbook.active.values)
    assert [row[1] for row in values[1:]] == ["Hợp tác xã Nông sản Cư Jút"]


def test_edit_is_logged_and_verification_recorded(client, editor, registry):
    enterprise = registry["cafe"]
    url = reverse("wagtailsnippets_enterprises_enterprise:edit", args=[enterprise.pk])
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None or value is False:
            continue
        data[name] = value.pk if hasattr(value, "pk") else value
    data.update({"employees": 9, "figures_verified": "on"})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    enterprise.refresh_from_db()
    assert enterprise.employees == 9
    assert enterprise.figures_verified_by == editor
    history = client.get(reverse("wagtailsnippets_enterprises_enterprise:history", args=[enterprise.pk]))
    assert history.status_code == 200
    from wagtail.models import ModelLogEntry

    assert ModelLogEntry.objects.filter(object_id=str(enterprise.pk), action="wagtail.edit").exists()
