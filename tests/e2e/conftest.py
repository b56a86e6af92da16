"""Browser tests: Playwright for Python driving Debian's /usr/bin/chromium against a live
server (never `playwright install`). Skipped with a message when chromium is missing."""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the test's own database calls
# are still synchronous, so tell Django that is intended.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (scripts/setup.sh installs it as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _page(browser, viewport, **options):
    context = browser.new_context(viewport=viewport, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", **options)
    context.set_default_timeout(15_000)
    page = context.new_page()
    return context, page


@pytest.fixture
def page(browser, live_server):
    """A desktop-sized page; `live_server.url` is the site."""
    context, page = _page(browser, DESKTOP)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    """A phone-sized page (360 px wide, touch)."""
    context, page = _page(browser, PHONE, is_mobile=True, has_touch=True)
    yield page
    context.close()


def open_menu(page):
    """Open the header's menu on a phone and wait until Bootstrap's collapse has finished:
    a click inside the menu while it is still growing can land on what lies beneath it (seen
    on a loaded CI machine as a click on "Đăng nhập" that went nowhere)."""
    page.get_by_role("button", name="Mở hoặc đóng trình đơn").click()
    page.wait_for_function(
        "() => { const nav = document.getElementById('main-nav');"
        " return nav.classList.contains('show') && !nav.classList.contains('collapsing'); }"
    )


def restore_base_data():
    """Transactional tests flush every table, including the rows that migrations create
    (the page tree's root, the root collection, the locales, the role groups)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    from accounts.roles import sync_roles

    ContentType.objects.clear_cache()

    locale, _ = Locale.objects.get_or_create(language_code="vi")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(title="Root", slug="root", locale=locale)
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    sync_roles()
    # support's reference data (topics, the default response target, public holidays): the
    # demo's consultants draw their topics from it.
    from importlib import import_module

    from django.apps import apps

    import_module("support.migrations.0002_reference_data").load(apps, None)


@pytest.fixture
def live_site(transactional_db, live_server):
    """The demo home page and about page, for browser tests."""
    from home.demo import build, build_home_sections

    restore_base_data()

    class Quiet:
        def write(self, *args, **kwargs):
            pass

    build(Quiet())
    build_home_sections(Quiet())
    # The live server answers on 127.0.0.1:<port>; make it the default site's host.
    from wagtail.models import Site

    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1")
    Site.clear_site_root_paths_cache()
    return live_server
