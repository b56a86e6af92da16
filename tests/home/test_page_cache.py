import pytest

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


def test_anonymous_pages_come_from_the_cache(client, site_home, page_cache):
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"
    assert client.get("/en/")["X-Page-Cache"] == "miss"


def test_publishing_invalidates_the_cache(client, site_home, page_cache):
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    StandardPageFactory(parent=site_home, title="Tin mới đăng", slug="tin-moi", show_in_menus=True)
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Tin mới đăng" in response.content.decode()


def test_editing_a_setting_invalidates_the_cache(client, site_home, page_cache):
    from wagtail.models import Site

    from home.models import SiteProfile

    client.get("/")
    profile = SiteProfile.for_site(Site.objects.get(is_default_site=True))
    profile.phone = "0261 999 888"
    profile.save()
    assert "0261 999 888" in client.get("/").content.decode()


def test_logged_in_users_are_never_served_from_the_cache(client, site_home, page_cache, admin_user):
    client.get("/")
    client.force_login(admin_user)
    assert "X-Page-Cache" not in client.get("/")


def test_not_found_is_not_cached(client, site_home, page_cache):
    assert "X-Page-Cache" not in client.get("/khong-co/")


def test_a_reranking_invalidates_the_cache(client, site_home, page_cache):
    """Re-ranking writes with SQL (no model signal) in a background task; the ranking page
    served from the cache must still change with it."""
    from honors.services.rankings import rerank

    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    rerank(2025)
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_a_bulk_rescoring_invalidates_the_cache(client, site_home, page_cache):
    from assessment_forms.signals import results_changed

    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    results_changed.send(sender=None, submission=None, year=2025, action="rescored")
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_a_new_enterprise_drops_the_dashboard_not_the_whole_site(
    client, site_home, page_cache, django_capture_on_commit_callbacks
):
    """A registration rush records hundreds of new (pending) enterprises: each changes the
    dashboard's registry counts, and nothing else a visitor sees, so the rest of the cache stays.
    The dashboard is dropped once the enterprise is committed (no one can count it before)."""
    from dashboard.factories import DashboardPageFactory
    from enterprises.factories import EnterpriseFactory

    dashboard = DashboardPageFactory(parent=site_home)
    for url in ("/", dashboard.url, "/", dashboard.url):
        client.get(url)
    assert client.get("/")["X-Page-Cache"] == "hit"
    assert client.get(dashboard.url)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        enterprise = EnterpriseFactory(status="pending", sector=None, area=None)
        assert client.get(dashboard.url)["X-Page-Cache"] == "hit"  # not committed yet
    assert client.get("/")["X-Page-Cache"] == "hit"
    assert client.get(dashboard.url)["X-Page-Cache"] == "miss"

    # A change to an existing enterprise may show anywhere (its profile, rankings): all dropped.
    client.get(dashboard.url)
    enterprise.name = "Công ty Đổi Tên"
    enterprise.save()
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get(dashboard.url)["X-Page-Cache"] == "miss"


def test_private_rows_are_deleted_in_one_statement_public_ones_still_invalidate(client, site_home, page_cache):
    """The page cache listens to deletes of public models only, so a purge of private rows
    (the mail outbox, sessions) is one DELETE, not a load and a signal per row."""
    from django.db.models.deletion import Collector

    from core.models import OutgoingMail
    from home.models import SiteProfile

    assert Collector(using="default").can_fast_delete(OutgoingMail.objects.all())
    assert not Collector(using="default").can_fast_delete(SiteProfile.objects.all())
    from wagtail.models import Site

    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    SiteProfile.for_site(Site.objects.get(is_default_site=True)).delete()
    assert client.get("/")["X-Page-Cache"] == "miss"
