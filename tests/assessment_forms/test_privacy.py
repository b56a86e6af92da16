"""Issue 13: the DBI self-assessment shows nobody else's data and a stranger creates nothing
that counts; its public POSTs are single use and rate limited."""

import pytest
from django.contrib.auth import get_user_model

from assessment_forms import services
from assessment_forms.factories import VerifiedSubmissionFactory
from assessment_forms.forms import field_name
from assessment_forms.models import AssessmentPage, Submission
from core.spam import started_token
from enterprises.factories import EnterpriseFactory
from enterprises.models import Enterprise, EnterpriseMembership

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(site_home, framework):
    page = AssessmentPage(title="Tự đánh giá DBI", slug="tu-danh-gia", min_fill_seconds=0)
    site_home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def enterprise(framework):
    """An enterprise with a verified result of 2024 (total and pillars on record)."""
    enterprise = EnterpriseFactory(tax_code="0100109106", name="Công ty Cà phê Đắk Mil")
    VerifiedSubmissionFactory(enterprise=enterprise, framework=framework, year=2024, target_level=3, seed=7)
    return enterprise


def member_of(enterprise, status=EnterpriseMembership.Status.ACTIVE, name="member"):
    user = get_user_model().objects.create_user(name, f"{name}@example.vn", "a-long-password-1")
    EnterpriseMembership.objects.create(enterprise=enterprise, user=user, email=user.email, status=status)
    return user


def start_data(**overrides):
    return {
        "tax_code": "0100109106",
        "enterprise_name": "",
        "respondent_name": "Người lạ",
        "respondent_email": "la@example.vn",
        "website": "",
        "started": started_token(seconds_ago=10),
        "form_key": "k" * 32,
        **overrides,
    }


def walk_to_result(client, page, **overrides):
    """Start, answer one criterion, submit; the URL of the result page."""
    response = client.post(page.url, start_data(**overrides))
    assert response.status_code == 302, response.content[:500]
    step1 = response["Location"]
    last = step1.replace("/step/1/", "/step/6/")
    response = client.post(last, {field_name("6.1.01"): "1", "action": "submit"})
    assert response["Location"].endswith("/result/")
    return response["Location"]


def test_a_stranger_holding_a_public_tax_code_sees_no_history_and_creates_nothing_that_counts(client, page, enterprise):
    counted_before = list(services.verified_results().values_list("pk", flat=True))
    result_url = walk_to_result(client, page)
    submission = Submission.objects.get(status="submitted")
    # Stored unlinked: the enterprise's record gains nothing.
    assert submission.enterprise is None and submission.claimed_tax_code == enterprise.tax_code
    assert not enterprise.dbi_submissions.filter(pk=submission.pk).exists()
    assert Enterprise.objects.count() == 1
    html = client.get(result_url).content.decode()
    assert "Lần đánh giá trước" not in html
    assert "chỉ hiện với thành viên đã xác minh" in html
    assert "chưa được liên kết" in html
    # The PDF tells no more.
    pdf_html_free = client.get(result_url.replace("/result/", "/result/pdf/"))
    assert pdf_html_free.status_code == 200
    # Nothing counts: an assessor has to link and verify first.
    assert list(services.verified_results().values_list("pk", flat=True)) == counted_before
    assert services.latest_verified(enterprise).year == 2024


def test_a_logged_in_non_member_or_pending_member_is_a_stranger(client, page, enterprise):
    client.force_login(member_of(enterprise, status=EnterpriseMembership.Status.PENDING))
    html = client.get(walk_to_result(client, page)).content.decode()
    assert Submission.objects.get(status="submitted").enterprise is None
    assert "Lần đánh giá trước" not in html
    assert "Liên kết phiếu với doanh nghiệp của tôi" not in html


def test_a_verified_member_is_linked_at_once_and_sees_the_history(client, page, enterprise):
    client.force_login(member_of(enterprise))
    html = client.get(walk_to_result(client, page)).content.decode()
    assert Submission.objects.get(status="submitted").enterprise == enterprise
    assert "Lần đánh giá trước (năm 2024)" in html


def test_a_member_links_a_submission_made_before_logging_in(client, page, enterprise):
    result_url = walk_to_result(client, page)
    submission = Submission.objects.get(status="submitted")
    stranger = member_of(EnterpriseFactory(), name="other")
    client.force_login(stranger)
    assert "Liên kết phiếu" not in client.get(result_url).content.decode()
    client.post(result_url, {"action": "link"})
    submission.refresh_from_db()
    assert submission.enterprise is None  # a member of another enterprise cannot link it

    client.force_login(member_of(enterprise))
    assert "Liên kết phiếu với doanh nghiệp của tôi" in client.get(result_url).content.decode()
    client.post(result_url, {"action": "link"})
    submission.refresh_from_db()
    assert submission.enterprise == enterprise
    assert "Lần đánh giá trước (năm 2024)" in client.get(result_url).content.decode()


def test_an_assessor_verifying_links_and_only_then_it_counts(client, page, framework):
    from django.contrib.auth.models import Permission
    from django.db import IntegrityError, transaction

    walk_to_result(client, page, tax_code="0312345673", enterprise_name="Hợp tác xã Mới")
    submission = Submission.objects.get(status="submitted")
    # A verified submission without an enterprise cannot exist.
    with pytest.raises(IntegrityError), transaction.atomic():
        Submission.objects.filter(pk=submission.pk).update(status="verified")
    assessor = get_user_model().objects.create_user("assessor", "a@example.vn", "a-long-password-1")
    assessor.user_permissions.add(Permission.objects.get(codename="verify_submission"))
    assessor = get_user_model().objects.get(pk=assessor.pk)
    services.verify(submission, assessor)
    submission.refresh_from_db()
    assert submission.enterprise.tax_code == "0312345673"
    assert submission.enterprise.status == Enterprise.Status.PENDING
    assert services.verified_results().filter(pk=submission.pk).exists()


def test_a_start_token_posted_twice_creates_one_draft(client, page):
    data = start_data(tax_code="0312345673")
    first = client.post(page.url, data)
    # The same loaded form posted again, even with another form key: one draft, same place.
    second = client.post(page.url, {**data, "form_key": "z" * 32})
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert Submission.objects.count() == 1
    assert not Enterprise.objects.exists()


def test_a_refused_start_gives_the_token_back_and_writes_nothing(client, page):
    data = start_data(tax_code="123")  # invalid tax code
    assert client.post(page.url, data).status_code == 200
    assert not Submission.objects.exists()
    assert client.post(page.url, {**data, "tax_code": "0312345673"}).status_code == 302
    assert Submission.objects.count() == 1


def test_a_rate_limited_start_answers_429_and_writes_nothing(client, page, settings):
    settings.RATE_LIMITS = {"default": {"ip": "100/h", "value": "2/h"}}
    for n in range(2):
        response = client.post(page.url, start_data(form_key=f"{n}" * 32))
        assert response.status_code == 302
    response = client.post(page.url, start_data(form_key="9" * 32))
    assert response.status_code == 429
    assert "Bạn đã gửi quá nhiều lần" in response.content.decode()
    assert Submission.objects.count() == 2


def test_start_is_rate_limited_per_client_address(client, page, settings):
    settings.RATE_LIMITS = {"default": {"ip": "1/h", "value": "100/h"}}
    assert client.post(page.url, start_data(form_key="1" * 32)).status_code == 302
    other_code = start_data(tax_code="0312345673", respondent_email="b@example.vn", form_key="8" * 32)
    assert client.post(page.url, other_code).status_code == 429
    assert Submission.objects.count() == 1
    # Another address is not held back.
    assert client.post(page.url, other_code, REMOTE_ADDR="10.0.0.9").status_code == 302


def test_step_posts_are_rate_limited_per_draft(client, page, settings):
    settings.RATE_LIMITS = {"assessment-step": {"ip": "100/h", "draft": "2/h"}}
    step1 = client.post(page.url, start_data())["Location"]
    for _ in range(2):
        assert client.post(step1, {field_name("1.1.01"): "2"}, headers={"X-Autosave": "1"}).status_code == 200
    response = client.post(step1, {field_name("1.1.01"): "5"}, headers={"X-Autosave": "1"})
    assert response.status_code == 429
    assert Submission.objects.get().answers == {"1.1.01": 2}


def test_history_rule_for_staff(page, enterprise, framework, rf):
    from django.contrib.auth.models import AnonymousUser

    mine = VerifiedSubmissionFactory(enterprise=enterprise, framework=framework, year=2025, seed=8)
    superuser = get_user_model().objects.create_superuser("root", "root@example.vn", "a-long-password-1")
    assert services.can_see_history(superuser, mine)
    assert not services.can_see_history(AnonymousUser(), mine)


def test_an_assessor_links_an_unlinked_submission_by_verifying_it_in_the_admin(client, framework):
    from django.urls import reverse

    from accounts.factories import UserFactory
    from assessment_forms.factories import SubmissionFactory

    known = EnterpriseFactory(tax_code="0312345673")
    sub = SubmissionFactory(framework=framework, target_level=2, enterprise=None, claimed_tax_code="0312345673")
    orphan = SubmissionFactory(framework=framework, target_level=2, enterprise=None, claimed_tax_code="")
    client.force_login(UserFactory(roles=["assessor"]))
    url = reverse("assessment_forms_review", args=[sub.pk])
    assert "chưa liên kết" in client.get(url).content.decode()
    data = {f"c_{code}": value for code, value in sub.answers.items()}
    assert client.post(url, {**data, "action": "verify"}).status_code == 302
    sub.refresh_from_db()
    assert sub.status == "verified" and sub.enterprise == known
    # Nothing to link it to: a clear message, and it stays unverified.
    url = reverse("assessment_forms_review", args=[orphan.pk])
    data = {f"c_{code}": value for code, value in orphan.answers.items()}
    response = client.post(url, {**data, "action": "verify"}, follow=True)
    assert "chưa liên kết được" in response.content.decode()
    orphan.refresh_from_db()
    assert orphan.status == "submitted" and orphan.enterprise is None
