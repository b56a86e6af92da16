"""core.sites (the request's Site from a cached table) and core.cache.request_scope."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from wagtail.models import Page, Site

from core import cache as versions
from core import sites


def test_request_scope_reads_each_token_once_and_sees_its_own_bumps(monkeypatch):
    calls = []
    get_many = cache.get_many

    def counting(keys, *args, **kwargs):
        calls.append(list(keys))
        return get_many(keys, *args, **kwargs)

    monkeypatch.setattr(cache, "get_many", counting)
    outside = versions.version("site")
    with versions.request_scope("site", "pages"):
        assert len(calls) == 2  # the one outside, then the prefetch in one round trip
        for _ in range(5):
            assert versions.version("site") == outside
            versions.versions("site", "pages")
        assert len(calls) == 2
        versions.bump("site")
        bumped = versions.version("site")
        assert bumped != outside
        assert versions.versions("site", "nav")["site"] == bumped  # only "nav" is read
        assert calls[-1] == [versions.VERSION_PREFIX + "nav"]
    # Outside the scope: read from the cache again, where the bump is.
    assert versions.version("site") == bumped
    with versions.request_scope():
        first = versions.version("pages")
    versions.bump("pages")
    with versions.request_scope():
        assert versions.version("pages") != first  # a new request does not see the old memo


class FakeSite:
    def __init__(self, hostname, port=80, default=False):
        self.hostname, self.port, self.is_default_site = hostname, port, default


def test_site_for_hostname_follows_wagtails_rules(monkeypatch):
    default = FakeSite("localhost", default=True)
    other = FakeSite("so-khcn.example")
    other_port = FakeSite("so-khcn.example", port=8080)
    table = [default, other, other_port]
    monkeypatch.setattr(sites, "_table", lambda: table)
    assert sites.site_for_hostname("so-khcn.example", "8080") is other_port
    assert sites.site_for_hostname("so-khcn.example", "80") is other
    assert sites.site_for_hostname("unknown.example", "80") is default
    assert sites.site_for_hostname("localhost", "9999") is default
    # A single hostname match on another port beats the default site; two do not.
    table[:] = [default, other]
    assert sites.site_for_hostname("so-khcn.example", "443") is other
    table[:] = [default, FakeSite("so-khcn.example", 81), FakeSite("so-khcn.example", 82)]
    assert sites.site_for_hostname("so-khcn.example", "443") is default
    table[:] = [other]
    assert sites.site_for_hostname("unknown.example", "80") is None


@pytest.mark.django_db
def test_the_site_table_is_cached_and_follows_site_changes(django_assert_num_queries):
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    first = root.add_child(instance=Page(title="Cổng một", slug="cong-mot"))
    second = root.add_child(instance=Page(title="Cổng hai", slug="cong-hai"))
    Site.objects.create(hostname="mot.example", port=80, root_page=first, is_default_site=True)
    request = RequestFactory().get("/", HTTP_HOST="hai.example")
    assert sites.find_for_request(request).root_page_id == first.pk
    with django_assert_num_queries(0):
        site = sites.find_for_request(request)
        assert site.root_page.title == "Cổng một"  # the root page comes with it
    Site.objects.create(hostname="hai.example", port=80, root_page=second)
    assert sites.find_for_request(request).root_page_id == second.pk
    Site.objects.filter(hostname="hai.example").get().delete()
    assert sites.find_for_request(request).root_page_id == first.pk
    # What Wagtail itself would have chosen.
    fresh = RequestFactory().get("/", HTTP_HOST="hai.example")
    assert Site._find_for_request(fresh).pk == sites.find_for_request(fresh).pk


@pytest.mark.django_db
def test_attach_sets_the_wagtail_site_so_wagtail_makes_no_query(django_assert_max_num_queries):
    from home.factories import make_site_home

    make_site_home()
    request = RequestFactory().get("/")
    sites.attach(request)
    with django_assert_max_num_queries(0):
        assert Site.find_for_request(request).is_default_site


@pytest.mark.django_db
def test_bumps_after_commit_wait_for_it_go_together_and_vanish_with_a_rollback(
    monkeypatch, django_capture_on_commit_callbacks
):
    from django.db import transaction

    writes = []
    set_many = cache.set_many

    def counting(data, *args, **kwargs):
        writes.append(sorted(data))
        return set_many(data, *args, **kwargs)

    monkeypatch.setattr(cache, "set_many", counting)
    before = versions.versions("a", "b", "c", "d")
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        versions.bump_after_commit("a")
        with transaction.atomic():
            versions.bump_after_commit("b", "a")
        try:
            with transaction.atomic():
                versions.bump_after_commit("c")
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
        versions.bump_after_commit("d")
        assert writes == []  # nothing reaches the cache before the commit
        assert versions.versions("a", "d") == {"a": before["a"], "d": before["d"]}
    assert len(callbacks) == 3  # "a", "b" and "d": the savepoint's went with it
    prefix = versions.VERSION_PREFIX
    assert writes == [[prefix + "a", prefix + "b", prefix + "d"]]  # one round trip, "c" rolled back
    after = versions.versions("a", "b", "c", "d")
    assert all(after[name] != before[name] for name in "abd") and after["c"] == before["c"]
