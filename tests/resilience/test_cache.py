"""Caches that fail open and stay right (issue 15.1, 21.3)."""

import pytest
from django.core.cache import cache
from django.core.checks import run_checks

from core import cache as core_cache
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_every_cache_call_fails_open_when_redis_is_down(redis_down):
    from django.core.cache import cache as down

    assert down.get("x", "default") == "default"
    assert down.set("x", 1) is None
    assert down.add("x", 1) is False
    assert down.get_many(["a", "b"]) == {}
    assert down.count_many({"a": 60, "b": 60}) == {}  # rate limits count nothing: forms still work
    assert down.delete("x") is False
    with pytest.raises(ValueError):
        down.incr("x")
    assert core_cache.stats["errors"] >= 1
    ok, detail = core_cache.readiness()
    assert not ok and "Connection" in detail


def test_a_failing_backend_is_skipped_for_a_while(settings):
    from django.core.cache import caches

    settings.CACHES = {
        "default": {"BACKEND": "core.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1", "OPTIONS": {}}
    }
    core_cache.stats.clear()
    down = caches["default"]
    for _ in range(20):
        down.get("x")
    # One connection attempt, then the breaker answers misses without touching the network.
    assert core_cache.stats["errors"] == 1 and core_cache.stats["skipped"] == 19


def test_versions_never_repeat_after_an_eviction():
    first = core_cache.version("pages")
    assert core_cache.version("pages") == first
    cache.clear()  # an eviction or a restart of Redis
    second = core_cache.version("pages")
    assert second != first
    core_cache.bump("pages")
    assert core_cache.version("pages") not in (first, second)


def test_versions_without_a_cache_are_fresh_every_time(redis_down):
    assert core_cache.version("site") != core_cache.version("site")


def test_values_kept_in_the_process_follow_their_versions():
    """`versioned`: a value is loaded once and then read from this process, and a bump of a
    version it was keyed by makes the next read load it again (another server's bump too: the
    token lives in the shared cache)."""
    loads = []

    def load():
        loads.append(1)
        return len(loads)

    def read():
        return core_cache.versioned(core_cache.key("test:kept", names=("site",)), load, 60)

    assert read() == 1 and read() == 1 and len(loads) == 1
    cache.delete(core_cache.key("test:kept", names=("site",)))  # not even the shared cache is asked
    assert read() == 1
    cache.set(core_cache.VERSION_PREFIX + "site", "another-servers-token", None)
    assert read() == 2 and len(loads) == 2
    assert core_cache.versioned("test:none", lambda: None, 60) is None


def test_public_pages_are_served_with_redis_down(client, site_home, page_cache, redis_down):
    response = client.get("/")
    assert response.status_code == 200
    assert client.get("/").status_code == 200
    assert "X-Page-Cache" in response  # the middleware ran, its cache calls failed open
    assert core_cache.stats["errors"] + core_cache.stats["skipped"] > 0


def test_publishing_invalidates_the_page_and_its_parents_only(client, site_home, page_cache):
    section = StandardPageFactory(parent=site_home, title="Chuyên mục thử", slug="chuyen-muc-thu")
    child = StandardPageFactory(parent=section, title="Bài một", slug="bai-mot")
    other = StandardPageFactory(parent=section, title="Bài hai", slug="bai-hai")
    unrelated_root = StandardPageFactory(parent=site_home, title="Mục khác thử", slug="muc-khac-thu")
    unrelated = StandardPageFactory(parent=unrelated_root, title="Địa chỉ", slug="dia-chi")
    urls = [child.url, section.url, unrelated.url]
    for url in urls:
        client.get(url)
    assert all(client.get(url)["X-Page-Cache"] == "hit" for url in urls)

    other.title = "Bài hai (sửa)"
    other.save_revision().publish()

    assert client.get(section.url)["X-Page-Cache"] == "miss"  # a parent lists it
    assert client.get(child.url)["X-Page-Cache"] == "miss"  # a sibling links to it
    assert client.get(unrelated.url)["X-Page-Cache"] == "hit"  # a deeper page elsewhere is kept


def test_autosaves_drafts_and_outbox_rows_do_not_invalidate(client, site_home, page_cache):
    from core.mail import queue_mail

    section = StandardPageFactory(parent=site_home, title="Chuyên mục thử", slug="chuyen-muc-thu")
    page = StandardPageFactory(parent=section, title="Bài một", slug="bai-mot")
    client.get(page.url)
    client.get("/")
    assert client.get(page.url)["X-Page-Cache"] == "hit"

    page.title = "Bản nháp chưa đăng"
    page.save_revision()  # an editor's draft / autosave
    queue_mail("test.kind", "a@example.com", rendered=("s", "t", ""))
    client.get("/search/", {"q": "chuyen doi so"})  # a search (hits are recorded)

    response = client.get(page.url)
    assert response["X-Page-Cache"] == "hit"
    assert "Bản nháp chưa đăng" not in response.content.decode()
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_a_visible_setting_change_invalidates_every_page(client, site_home, page_cache):
    from wagtail.models import Site

    from home.models import SiteProfile

    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    profile = SiteProfile.for_site(Site.objects.get(is_default_site=True))
    profile.phone = "0261 777 666"
    profile.save()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss" and "0261 777 666" in response.content.decode()


def test_production_refuses_a_page_cache_in_each_process(settings):
    settings.PRODUCTION = True
    settings.PAGE_CACHE_SECONDS = 600
    settings.CACHES = {"default": {"BACKEND": "core.cache.LocMemCache"}}
    assert "core.E001" in [message.id for message in run_checks()]
    settings.CACHES = {"default": {"BACKEND": "core.cache.RedisCache", "LOCATION": "redis://127.0.0.1:6379"}}
    assert "core.E001" not in [message.id for message in run_checks()]


def test_production_refuses_smtp_inside_requests(settings):
    settings.PRODUCTION = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert "core.E002" in [message.id for message in run_checks()]
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert "core.E002" not in [message.id for message in run_checks()]


def test_readyz_reports_each_dependency(client, redis_down):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["database"]["ok"] and not body["checks"]["cache"]["ok"]
    assert set(body["checks"]) == {"database", "cache", "tasks", "search"}
    assert client.get("/healthz").status_code == 200


def test_readyz_is_503_when_the_database_is_down(client, monkeypatch):
    from core import health

    def broken():
        raise RuntimeError("database down")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    monkeypatch.setattr(health, "check_database", broken)
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["status"] == "down"
