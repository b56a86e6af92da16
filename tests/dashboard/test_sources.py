import pytest

from dashboard import sources
from dashboard.cache import get_figures

from .helpers import html_tables, row_by_first

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_2025(db):
    """The public dashboard shows published years only (whatever today's date is)."""
    from assessment_forms.models import PublishedYear

    PublishedYear.objects.get_or_create(year=2025)


def test_training_events_come_from_the_events_service(client, site_home, quiet, published_2025):
    from dashboard.demo import build
    from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory, local_datetime
    from events.models import Registration
    from events.services import year_statistics

    build(quiet)
    index = EventIndexPageFactory(parent=site_home)
    import datetime

    held = EventPageFactory(parent=index, start=local_datetime(datetime.date(2025, 5, 20)))
    EventPageFactory(parent=index, start=local_datetime(datetime.date(2025, 9, 12)))
    EventPageFactory(parent=index, start=local_datetime(datetime.date(2024, 9, 12)))
    RegistrationFactory(event=held, seats=2, status=Registration.Status.ATTENDED)
    RegistrationFactory(event=held, status=Registration.Status.CONFIRMED)
    RegistrationFactory(event=held, status=Registration.Status.CANCELLED)

    assert get_figures(2025)["events"] == year_statistics(2025)
    tables = html_tables(client.get("/bang-so-lieu/?year=2025").content.decode())
    assert row_by_first(tables["events"], "Sự kiện tập huấn, hội thảo đã tổ chức")[1] == "2"
    assert row_by_first(tables["events"], "Lượt đăng ký")[1] == "2"
    assert row_by_first(tables["events"], "Lượt tham dự")[1] == "2"


def test_the_dashboard_reads_the_lower_apps_only_through_their_services():
    """No optional-app fallback: the lower apps' service functions are imported at start-up."""
    import assessment_forms.services
    import events.services
    import honors.services

    assert sources.assessments is assessment_forms.services
    assert sources.events is events.services
    assert sources.honours is honors.services
    assert not hasattr(sources, "missing")
    assert sources.results_changed_signal() is assessment_forms.services.results_changed


def test_honours_awarded_per_category(monkeypatch, client, site_home, quiet, published_2025):
    from types import SimpleNamespace

    import honors.services
    from dashboard.demo import build

    build(quiet)
    best = SimpleNamespace(name="Doanh nghiệp chuyển đổi số tiêu biểu", name_en="Outstanding DX enterprise")
    coop = SimpleNamespace(name="Hợp tác xã tiêu biểu", name_en="Outstanding cooperative")
    awards = [SimpleNamespace(category=best), SimpleNamespace(category=best), SimpleNamespace(category=coop)]
    monkeypatch.setattr(honors.services, "awards_for_year", lambda year: awards if year == 2025 else [])
    tables = html_tables(client.get("/bang-so-lieu/?year=2025").content.decode())
    assert row_by_first(tables["honours"], "Doanh nghiệp chuyển đổi số tiêu biểu")[1] == "2"
    assert row_by_first(tables["honours"], "Hợp tác xã tiêu biểu")[1] == "1"
    assert row_by_first(tables["honours"], "Tổng")[1] == "3"
    tables = html_tables(client.get("/en/dashboard/?year=2025").content.decode())
    assert row_by_first(tables["honours"], "Outstanding cooperative")[1] == "1"
