"""Numbers machines read are never localised; numbers people read are (issue 16).

The crawl builds the demo content (the same steps as `manage.py load_demo`), renders every
live page of every page type and the routed sub-pages that draw charts (DBI result and its PDF,
enterprise profile, rankings, dashboard, certificates, annual report) in Vietnamese and English,
and parses every inline SVG, every SVG data URI and every SVG file the site serves: each numeric
attribute must be a number a browser accepts. On the old main the Vietnamese radar said
cx="170,0" and this test failed."""

import base64
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from core import numbers
from tests.core.svg_check import check_markup

pytestmark = pytest.mark.django_db


class Quiet:
    def write(self, *args, **kwargs):
        pass


def test_machine_never_localises():
    with translation.override("vi"):
        assert numbers.machine(170.0) == "170"
        assert numbers.machine(15.3999) == "15.3999"
        assert numbers.machine("12.50") == "12.5"
        assert numbers.machine(12.345, 1) == "12.3"
        assert numbers.machine(None) == "" and numbers.machine("abc") == ""
        assert numbers.machine_points([(170.0, 55.25), (1, 2)]) == "170,55.25 1,2"
        rendered = Template("{% load machine %}{{ a|machine }} {{ b|machine:1 }}").render(
            Context({"a": 199.9, "b": 15.3999})
        )
        assert rendered == "199.9 15.4"


def test_human_numbers_and_dates_follow_the_language():
    import datetime

    with translation.override("vi"):
        assert numbers.human(90.77) == "90,77"
        assert numbers.human(1234567) == "1.234.567"
        assert numbers.human(80.0) == "80"
        assert numbers.human(12.5, 1) == "12,5"
        assert numbers.short_date(datetime.date(2025, 10, 20)) == "20/10/2025"
        rendered = Template("{% load machine %}{{ a|human }} {{ d|vndate }}").render(
            Context({"a": 90.77, "d": datetime.date(2025, 10, 20)})
        )
        assert rendered == "90,77 20/10/2025"
    with translation.override("en"):
        assert numbers.human(90.77) == "90.77"
        assert numbers.human(1234567) == "1,234,567"


def test_every_served_svg_file_has_valid_numbers():
    roots = [Path(settings.BASE_DIR) / "site" / "static"] + [
        Path(settings.BASE_DIR) / app / "static" for app in ("assessment_forms", "honors", "dashboard", "home")
    ]
    files = [path for root in roots if root.exists() for path in root.rglob("*.svg")]
    for path in files:
        check_markup(path.read_text(encoding="utf-8"), str(path))


def _svg_data_uris(html):
    for match in re.finditer(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", html):
        yield base64.b64decode(match.group(1)).decode("utf-8")


@pytest.fixture
def demo(django_capture_on_commit_callbacks, settings):
    """The demo content, as `manage.py load_demo` builds it (inside the test's transaction)."""
    from django.utils.module_loading import import_string

    from demo.steps import STEPS

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        for dotted in STEPS:
            import_string(dotted)(Quiet())


@pytest.fixture
def captured_pdfs(monkeypatch):
    """The HTML every PDF is rendered from (WeasyPrint itself is not needed to check it)."""
    import weasyprint

    documents = []

    class FakeHTML:
        def __init__(self, string=None, **kwargs):
            documents.append(string)

        def write_pdf(self, *args, **kwargs):
            return b"%PDF-1.7 test"

    monkeypatch.setattr(weasyprint, "HTML", FakeHTML)
    return documents


def _urls(client):
    """Every live page, and the routed sub-pages that draw charts or numbers."""
    from wagtail.models import Page

    from assessment_forms.models import AssessmentPage, Submission
    from assessment_forms.views import resume_url
    from honors.models import Certificate, RankingEntry, RankingsPage

    urls = {page.url for page in Page.objects.live().filter(depth__gt=1).specific() if page.url}
    for page in AssessmentPage.objects.live():
        submissions = Submission.objects.verified().filter(enterprise__isnull=False).order_by("pk")[:3]
        for submission in submissions:
            urls.add(resume_url(page, submission, "result"))
            urls.add(resume_url(page, submission, "result_pdf"))
    from assessment_forms.services import public_year

    year = public_year()
    entries = RankingEntry.objects.filter(consent=True, year=year).order_by("rank")[:3]
    for rankings in RankingsPage.objects.live():
        for entry in entries:
            urls.add(rankings.profile_url(entry.enterprise_id))
        urls.add(rankings.url + "?size=small&sort=p3")
    for certificate in Certificate.objects.all()[:2]:
        urls.add(certificate.get_absolute_url())
        urls.add(certificate.get_pdf_url())
    from dashboard.models import DashboardPage

    for dashboard in DashboardPage.objects.live():
        urls.add(dashboard.url + "?size=small")
    return sorted(urls)


def test_every_page_draws_valid_svg_numbers_in_vietnamese_and_english(client, demo, captured_pdfs):
    from dashboard.report import build_pdf

    checked, svgs, attributes = 0, 0, 0
    urls = _urls(client)
    assert any("/result/" in url for url in urls) and any("doanh-nghiep/" in url for url in urls)
    for url in urls:
        for language in ("vi", "en"):
            response = client.get(url, HTTP_ACCEPT_LANGUAGE=language, follow=True)
            assert response.status_code == 200, (url, response.status_code)
            if response["Content-Type"].startswith("text/html"):
                html = response.content.decode()
                found = check_markup(html, f"{url} [{language}]")
                svgs, attributes = svgs + found[0], attributes + found[1]
                for svg in _svg_data_uris(html):
                    check_markup(svg, f"{url} data URI")
                checked += 1
    for language in ("vi", "en"):
        with translation.override(language):
            build_pdf(2025)
    for index, html in enumerate(captured_pdfs):
        found = check_markup(html, f"PDF #{index}")
        svgs, attributes = svgs + found[0], attributes + found[1]
        for svg in _svg_data_uris(html):
            check_markup(svg, f"PDF #{index} data URI")
    # The crawl really met the charts: radar, pillar bars, dashboard bars, QR codes.
    assert checked > 20 and len(captured_pdfs) >= 4
    assert svgs > 20 and attributes > 500, (svgs, attributes)


def test_the_check_catches_a_localised_coordinate():
    """What the Vietnamese radar drew on the old main: the check must reject it."""
    bad = '<svg viewBox="0 0 340 340"><circle cx="170,0" cy="15,4" r="3.5"/><rect width="199,9"/></svg>'
    with pytest.raises(AssertionError) as error:
        check_markup(bad, "old radar")
    assert "170,0" in str(error.value) and "199,9" in str(error.value)
    assert check_markup('<svg viewBox="0 0 340 340"><polygon points="170,55 1.5,2"/></svg>') == (1, 2)
