"""Random and hostile data to every public form and GET parameter (issue 15.5): never a 5xx,
and nothing posted comes back unescaped."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.spam import started_token

pytestmark = pytest.mark.django_db

MARK = "<script>alert(7)</script>"
HOSTILE = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            MARK,
            '"><img src=x onerror=alert(7)>',
            '=HYPERLINK("http://x")',
            "x" * 5000,
            "-1",
            "99999999999999999999",
            "1e309",
            "NaN",
            "../../etc/passwd",
            "%00",
            "Chuyển đổi số",
            "' OR 1=1 --",
            "",
        ]
    ),
)
CHECK = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def no_error_no_reflection(response):
    assert response.status_code < 500, response.status_code
    assert MARK.encode() not in response.getvalue()


@pytest.fixture
def public(site_home):
    from assessment_forms.factories import load_dbi_1970
    from assessment_forms.models import AssessmentPage
    from events.factories import EventIndexPageFactory, EventPageFactory
    from honors.factories import make_rankings_page

    load_dbi_1970()
    assessment = AssessmentPage(title="Tự đánh giá DBI", slug="tu-danh-gia", min_fill_seconds=0)
    site_home.add_child(instance=assessment)
    assessment.save_revision().publish()
    event = EventPageFactory(parent=EventIndexPageFactory(parent=site_home), capacity=5)
    return {"assessment": assessment, "event": event, "rankings": make_rankings_page(site_home)}


@CHECK
@given(q=HOSTILE, kind=HOSTILE, page=HOSTILE, suggest=HOSTILE)
def test_search_parameters(client, public, q, kind, page, suggest):
    no_error_no_reflection(client.get("/search/", {"q": q, "kind": kind, "page": page}))
    no_error_no_reflection(client.get("/search/", {"suggest": suggest}))


@CHECK
@given(year=HOSTILE, size=HOSTILE, sort=HOSTILE, page=HOSTILE, sector=HOSTILE, area=HOSTILE)
def test_rankings_parameters(client, public, year, size, sort, page, sector, area):
    params = {"year": year, "size": size, "sort": sort, "page": page, "sector": sector, "area": area}
    for suffix in ("", "csv/", "json/"):
        no_error_no_reflection(client.get(public["rankings"].url + suffix, params))


@CHECK
@given(
    data=st.fixed_dictionaries(
        dict.fromkeys(
            ("tax_code", "enterprise_name", "respondent_name", "respondent_email", "form_key", "website"), HOSTILE
        )
    )
)
def test_assessment_start_form(client, public, data):
    no_error_no_reflection(client.post(public["assessment"].url, {**data, "started": started_token(30)}))


@CHECK
@given(
    data=st.fixed_dictionaries(
        dict.fromkeys(
            (
                "tax_code",
                "enterprise_name",
                "attendee_name",
                "position",
                "email",
                "phone",
                "seats",
                "consent",
                "submission_key",
                "website",
            ),
            HOSTILE,
        )
    )
)
def test_event_registration_form(client, public, data):
    no_error_no_reflection(client.post(public["event"].url, {**data, "started": started_token(30)}))


@CHECK
@given(
    data=st.fixed_dictionaries(
        dict.fromkeys(
            ("tax_code", "enterprise_name", "position", "email", "full_name", "password1", "password2"), HOSTILE
        )
    )
)
def test_enterprise_registration_form(client, public, data):
    from django.urls import reverse

    no_error_no_reflection(client.post(reverse("enterprises:register"), {**data, "started": started_token(30)}))


@CHECK
@given(path=st.text(min_size=1, max_size=60), value=HOSTILE)
def test_any_path_and_query(client, public, path, value):
    from urllib.parse import quote

    no_error_no_reflection(client.get("/" + quote(path), {"page": value, "q": value}))
