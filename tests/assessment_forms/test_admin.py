"""Admin: list with filters, review/verify with history, exports, distributions, framework versions."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.factories import UserFactory
from assessment_forms.factories import SubmissionFactory, VerifiedSubmissionFactory
from assessment_forms.models import Criterion, Framework
from tests.helpers import assert_denied

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessor_client(client):
    user = UserFactory(roles=["assessor"])
    client.force_login(user)
    return client


def test_list_filters_and_query_count(assessor_client, framework, django_assert_max_num_queries):
    for year in (2023, 2024, 2025):
        VerifiedSubmissionFactory(framework=framework, year=year, target_level=2)
    SubmissionFactory(framework=framework, year=2025, target_level=1)
    url = reverse("assessment_submissions:index")
    response = assessor_client.get(url)
    assert response.status_code == 200
    with django_assert_max_num_queries(40):
        response = assessor_client.get(url, {"year": 2025, "verified": "false"})
    assert response.status_code == 200
    assert len(response.context["object_list"]) == 1
    assert "Xuất CSV" in response.content.decode()


def test_review_adjust_and_verify(assessor_client, framework):
    sub = SubmissionFactory(framework=framework, target_level=2)
    url = reverse("assessment_forms_review", args=[sub.pk])
    assert assessor_client.get(url).status_code == 200
    data = {f"c_{code}": value for code, value in sub.answers.items()}
    # A real change: a criterion the factory answered above 0 (its answers are random).
    changed = next(code for code, value in sorted(sub.answers.items()) if value)
    data[f"c_{changed}"] = 0
    # an adjustment without a note is refused
    response = assessor_client.post(url, {**data, "action": "verify"})
    assert response.status_code == 200
    sub.refresh_from_db()
    assert sub.status == "submitted"
    response = assessor_client.post(url, {**data, "note": "Chưa có kế hoạch bằng văn bản", "action": "verify"})
    assert response.status_code == 302
    sub.refresh_from_db()
    assert sub.status == "verified" and sub.answers[changed] == 0
    kinds = list(sub.revisions.values_list("kind", flat=True))
    assert kinds == ["submitted", "adjusted", "verified"]


def test_public_user_cannot_review(client, framework):
    sub = SubmissionFactory(framework=framework)
    client.force_login(UserFactory(roles=["journalist_newspaper"]))
    assert_denied(client.get(reverse("assessment_forms_review", args=[sub.pk])))


def test_exports_have_one_column_per_criterion(assessor_client, framework):
    VerifiedSubmissionFactory(framework=framework, year=2024)
    VerifiedSubmissionFactory(framework=framework, year=2025)
    response = assessor_client.get(reverse("assessment_forms_export", args=["csv"]), {"year": 2025})
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert len(rows) == 2
    header = rows[0]
    assert "1.1.01" in header and "6.1.07" in header
    assert sum(1 for h in header if h.count(".") == 2) == 60
    response = assessor_client.get(reverse("assessment_forms_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 3


def test_distribution(assessor_client, framework):
    subs = [VerifiedSubmissionFactory(framework=framework) for _ in range(3)]
    response = assessor_client.get(reverse("assessment_forms_distribution"))
    assert response.status_code == 200
    item = next(i for i in response.context["items"] if i["criterion"].code == "1.1.01")
    assert sum(item["counts"]) + item["blank"] == 3
    assert item["counts"][subs[0].answers["1.1.01"]] >= 1


def test_editing_a_frozen_framework_makes_a_new_version(client, framework):
    client.force_login(UserFactory(roles=["programme_editor"]))
    SubmissionFactory(framework=framework)
    framework.refresh_from_db()
    assert framework.frozen
    criterion = framework.criteria.get(code="1.1.01")
    url = reverse("assessment_criteria:edit", args=[criterion.pk])
    response = client.post(
        url,
        {
            "text": criterion.text,
            "text_en": criterion.text_en,
            "question": criterion.question,
            "question_en": criterion.question_en,
            "help_text": "Hướng dẫn mới",
            "help_text_en": criterion.help_text_en,
        },
    )
    assert response.status_code == 302
    assert Framework.objects.filter(code="DBI-1970-SME").count() == 2
    criterion.refresh_from_db()
    assert criterion.help_text != "Hướng dẫn mới"
    assert Criterion.objects.get(framework__version=2, code="1.1.01").help_text == "Hướng dẫn mới"
    assert Criterion.objects.filter(framework__version=2).count() == 60


def test_enterprise_filter_hook(framework):
    from enterprises.factories import EnterpriseFactory
    from enterprises.hooks import enterprise_list_filters
    from enterprises.models import Enterprise

    assessed = VerifiedSubmissionFactory(framework=framework).enterprise
    untouched = EnterpriseFactory()
    registered = {item.name: item for item in enterprise_list_filters()}
    has_assessment = registered["has_assessment"].queryset_fn
    everyone = Enterprise.objects.filter(pk__in=[assessed.pk, untouched.pk])
    assert list(has_assessment(everyone, True)) == [assessed]
    assert list(has_assessment(everyone, False)) == [untouched]
