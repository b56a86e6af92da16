"""Fault injection (issue 15.5): the site with its cache (Redis), mail server (SMTP) and search
engine (Elasticsearch) all at closed ports. Public pages answer 200, a registration is kept and
its e-mail queued for a retry, and /readyz names what is down."""

import pytest
from django.db import connection

from core import cache as core_cache
from core.models import OutgoingMail
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import Registration
from home.factories import StandardPageFactory
from stories.factories import StoryPageFactory, make_newsroom

from .conftest import CLOSED, closed_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def everything_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": f"redis://{CLOSED}:{closed_port()}",
            "OPTIONS": {"CACHE_RETRY_SECONDS": 0},
        }
    }
    settings.PAGE_CACHE_SECONDS = 600
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = CLOSED, closed_port(), 2
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [f"http://{CLOSED}:{closed_port()}"],
            "INDEX_PREFIX": "dx_faults_",
            "TIMEOUT": 1,
            "FALLBACK": "database",
            "AUTO_UPDATE": True,
        },
        "database": {"BACKEND": "search.backends.database", "AUTO_UPDATE": True},
    }
    core_cache.stats.clear()
    yield
    from search.backends.elasticsearch import _Health

    _Health.reset()


@pytest.fixture
def content(site_home):
    _newsroom, desks = make_newsroom(site_home)
    desk = next(iter(desks.values()))
    story = StoryPageFactory(parent=desk, title="Chuyển đổi số ở hợp tác xã cà phê")
    event = EventPageFactory(parent=EventIndexPageFactory(parent=site_home), capacity=10)
    page = StandardPageFactory(parent=site_home, title="Giới thiệu chương trình", slug="gioi-thieu-ct")
    return {"story": story, "event": event, "page": page}


def test_public_pages_answer_with_everything_down(client, content, everything_down):
    urls = [
        "/",
        "/en/",
        content["story"].url,
        content["event"].url,
        content["page"].url,
        "/search/?q=chuyen+doi+so",
        "/sitemap.xml",
        "/robots.txt",
        "/healthz",
    ]
    statuses = {url: client.get(url).status_code for url in urls}
    assert statuses == dict.fromkeys(urls, 200)
    assert core_cache.stats["errors"] > 0  # the cache really was down, and failed open


def test_a_registration_is_kept_and_its_email_queued(
    client, content, everything_down, django_capture_on_commit_callbacks
):
    from tests.events.conftest import registration_data

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(content["event"].url, registration_data())
    assert response.status_code == 302
    registration = Registration.objects.get()
    row = OutgoingMail.objects.get(related_type="events.registration", related_id=str(registration.pk))
    # The send failed (SMTP at a closed port); the row waits for a retry, nothing is lost.
    assert row.status == OutgoingMail.Status.PENDING and row.attempts == 1 and row.last_error
    assert row.next_attempt_at is not None


def test_readyz_reports_the_outage(client, everything_down):
    response = client.get("/readyz")
    assert response.status_code == 200
    checks = response.json()["checks"]
    assert checks["database"]["ok"]
    assert not checks["cache"]["ok"]
    assert not checks["search"]["ok"]
    assert response.json()["status"] == "degraded"


def test_readyz_answers_503_without_a_database(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise connection.OperationalError("could not connect to server")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"]["ok"] is False
