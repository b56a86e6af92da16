"""The public year (issue 16): the rankings (and the dashboard) show the years a programme
editor has published and open on the latest, never simply on the newest verified result. On the
old main the first verification of January turned the ranking to the new year, showing one
pending enterprise as "hạng 1 toàn tỉnh"."""

import re

import pytest
from django.utils import timezone

from assessment_forms import services as assessment
from assessment_forms.factories import VerifiedSubmissionFactory
from enterprises.factories import EnterpriseFactory
from enterprises.models import Enterprise
from honors.services.rankings import available_years, refresh_rankings

pytestmark = pytest.mark.django_db


def _selected_year(html):
    match = re.search(r'<select class="form-select" id="f-year" name="year">(.*?)</select>', html, re.S)
    options = re.findall(r'<option value="(\d+)"( selected)?>', match.group(1))
    return [int(year) for year, _ in options], next(int(year) for year, chosen in options if chosen)


@pytest.fixture
def results(framework, django_capture_on_commit_callbacks):
    """Five enterprises verified in 2025 (published by the programme in the rankings fixture),
    then the first verification of 2026: a new, pending enterprise."""
    with django_capture_on_commit_callbacks(execute=True):
        established = [
            VerifiedSubmissionFactory(
                enterprise=EnterpriseFactory(name=f"Công ty Cà phê Đắk Mil {index}", publish_dbi_consent=True),
                framework=framework,
                year=2025,
                target_level=2,
            )
            for index in range(5)
        ]
        newcomer = VerifiedSubmissionFactory(
            enterprise=EnterpriseFactory(
                name="Hộ kinh doanh Mới Đăng Ký", publish_dbi_consent=True, status=Enterprise.Status.PENDING
            ),
            framework=framework,
            year=2026,
            target_level=1,
            verified_at=timezone.now(),
        )
        refresh_rankings()
    return established, newcomer


@pytest.fixture
def framework(db):
    from assessment_forms.factories import load_dbi_1970

    return load_dbi_1970()


def test_the_first_verification_of_a_new_year_does_not_switch_the_rankings(client, rankings, results):
    established, newcomer = results
    html = client.get(rankings.url).content.decode()
    years, selected = _selected_year(html)
    assert selected == 2025 and 2026 not in years
    assert "Công ty Cà phê Đắk Mil 0" in html and "Hộ kinh doanh Mới Đăng Ký" not in html
    # Not even by its address, nor in the downloads, the widget or a profile.
    assert "Hộ kinh doanh Mới Đăng Ký" not in client.get(rankings.url + "?year=2026").content.decode()
    assert "Mới Đăng Ký" not in client.get(rankings.url + "json/?year=2026").content.decode()
    assert "Mới Đăng Ký" not in client.get("/widgets/ranking/").content.decode()
    assert client.get(rankings.profile_url(newcomer.enterprise_id)).status_code == 404
    profile = client.get(rankings.profile_url(established[0].enterprise_id)).content.decode()
    assert "2025" in profile and "năm 2026" not in profile


def test_publishing_the_year_turns_the_public_pages(client, rankings, results, django_capture_on_commit_callbacks):
    _established, newcomer = results
    with django_capture_on_commit_callbacks(execute=True):
        assessment.publish_year(2026)
    assert available_years() == [2026, 2025]
    html = client.get(rankings.url).content.decode()
    assert _selected_year(html)[1] == 2026 and "Hộ kinh doanh Mới Đăng Ký" in html
    # Withdrawn again: back to 2025.
    with django_capture_on_commit_callbacks(execute=True):
        assessment.publish_year(2026, published=False)
    assert _selected_year(client.get(rankings.url).content.decode())[1] == 2025


def test_nothing_published_shows_no_ranking(client, rankings, results):
    from assessment_forms.models import PublishedYear

    PublishedYear.objects.all().delete()
    html = client.get(rankings.url).content.decode()
    assert "Công ty Cà phê Đắk Mil" not in html and "Mới Đăng Ký" not in html


def test_programme_editors_publish_years_in_the_admin_and_others_cannot(client, results):
    from accounts.factories import UserFactory
    from assessment_forms.models import PublishedYear

    url = "/admin/assessment-forms/published-years/new/"
    client.force_login(UserFactory(username="phongvien", roles=["journalist_portal"]))
    assert client.get(url).status_code in (302, 403)
    editor = UserFactory(username="bientap", roles=["programme_editor"])
    client.force_login(editor)
    assert client.get(url).status_code == 200
    response = client.post(url, {"year": "2026", "framework_code": "DBI-1970-SME", "published": "on", "note": ""})
    assert response.status_code == 302, response.content.decode()[:500]
    record = PublishedYear.objects.get(year=2026)
    assert record.published and record.published_by == editor and record.published_at is not None
