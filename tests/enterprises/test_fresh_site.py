"""A bare `migrate` makes a complete, working site (issue 20).

pytest-django builds the test database with the project's migrations and nothing else: no
`load_demo`, no `load_*` command is called here. An editor creates the pages as they would in
the admin; everything else (DBI framework, VSIC 2018/2025, the whole country's units, roles)
must already be there.
"""

import datetime
import json
import re
from decimal import Decimal
from io import StringIO

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, Site

from accounts.factories import UserFactory
from assessment_forms.loader import DBI_1970_FILE, read_file
from enterprises.models import AdministrativeUnit, Enterprise, Sector
from enterprises.provinces import resolve_unit

pytestmark = pytest.mark.django_db

WORKED = read_file(DBI_1970_FILE)["worked_examples"]


def build_pages():
    """What an editor does on a new site: a home page with the self-assessment and dashboard."""
    from assessment_forms.models import AssessmentPage
    from dashboard.models import DashboardPage
    from home.models import HomePage

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Chuyển đổi số doanh nghiệp", slug="trang-chu"))
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    assessment = home.add_child(instance=AssessmentPage(title="Tự đánh giá DBI", slug="tu-danh-gia"))
    dashboard = home.add_child(instance=DashboardPage(title="Bảng số liệu", slug="bang-so-lieu"))
    return assessment, dashboard


@pytest.mark.parametrize("example", WORKED, ids=[e["id"] for e in WORKED])
def test_migrate_alone_scores_the_worked_examples(example, tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"framework": "DBI-1970-SME", "answers": example["answers"]}), encoding="utf-8")
    out = StringIO()
    call_command("score_assessment", str(path), stdout=out)
    result = json.loads(out.getvalue())
    result.pop("framework")
    assert result == example["expected"]


def test_migrate_alone_makes_a_working_site(client):
    assert Sector.objects.filter(version="2018").exists() and Sector.objects.filter(version="2025").exists()
    assert not [message for message in run_checks() if message.id.startswith("enterprises.")]
    assessment, dashboard = build_pages()

    # The self-assessment asks the shipped framework's questions.
    response = client.get(assessment.url)
    assert response.status_code == 200

    # A programme editor registers an enterprise in a new commune, in the admin.
    editor = UserFactory(roles=["programme_editor"])
    client.force_login(editor)
    today = datetime.date.today()
    commune = resolve_unit("24640", today)  # Xã Cư Jút (Lâm Đồng) from 1/7/2025
    sector = Sector.objects.get(version="2025" if today >= datetime.date(2025, 11, 15) else "2018", code="46")
    assert client.get(reverse("wagtailsnippets_enterprises_enterprise:add")).status_code == 200
    data = {
        "tax_code": "0100107518",
        "name": "Công ty TNHH Nông sản Cư Jút",
        "legal_form": "llc",
        "status": "active",
        "sector": sector.pk,
        "area": commune.pk,
        "recorded_on": today.isoformat(),
        "employees": "10.4",
        "revenue": "2500",
        "capital": "",
    }
    # A unit of another province is not offered (the site serves PROVINCE_CODE=68).
    elsewhere = AdministrativeUnit.objects.get(code="00004", valid_from__isnull=False)  # Phường Ba Đình, Hà Nội
    response = client.post(reverse("wagtailsnippets_enterprises_enterprise:add"), {**data, "area": elsewhere.pk})
    assert response.status_code == 200 and not Enterprise.objects.exists()
    response = client.post(reverse("wagtailsnippets_enterprises_enterprise:add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    enterprise = Enterprise.objects.get(tax_code="0100107518")
    assert enterprise.area == commune and enterprise.employees == Decimal("10.4")
    assert enterprise.size_class == "small"  # 10.4 employees is not micro (≤ 10)

    # It shows on the public dashboard.
    client.logout()
    response = client.get(dashboard.url)
    assert response.status_code == 200
    html = response.content.decode()
    row = re.search(r"Doanh nghiệp trong cơ sở dữ liệu</t[hd]>\s*<td[^>]*>\s*([^<\s]+)", html)
    assert row and row.group(1) == "1"


def test_the_check_names_what_is_missing(settings):
    from assessment_forms.models import Framework

    assert not [m for m in run_checks() if m.id.startswith("enterprises.")]
    settings.PROVINCE_CODE = "99"
    Framework.objects.all().delete()
    AdministrativeUnit.objects.filter(level="province", valid_from__isnull=False, code="01").update(level="district")
    ids = {m.id for m in run_checks() if m.id.startswith("enterprises.")}
    assert ids == {"enterprises.W002", "enterprises.W003", "enterprises.W004"}
