"""From a DBI result to a pre-filled request; the coordinators' digest; profile review."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from assessment_forms.factories import VerifiedSubmissionFactory
from assessment_forms.services import next_steps_sections, weakest_pillars
from enterprises.factories import EnterpriseFactory
from support import services
from support.factories import ConsultantFactory, SupportRequestFactory

pytestmark = pytest.mark.django_db


def test_result_next_steps_name_consultants_for_the_two_weakest_pillars(client, units):
    enterprise = EnterpriseFactory(area=units["commune"])
    submission = VerifiedSubmissionFactory(enterprise=enterprise, seed=3, target_level=2)
    weakest = weakest_pillars(submission)
    near = ConsultantFactory(name="Gần Nhà", pillars=[weakest[0]], areas=[units["district"]])
    ConsultantFactory(name="Xa Nhà", pillars=[weakest[0]], areas=[units["other"]])
    html = "".join(next_steps_sections(submission, weakest))
    assert "Gần Nhà" in html and "Xa Nhà" not in html
    assert html.count("Yêu cầu hỗ trợ về trụ cột này") == 2
    link = reverse("support:request") + f"?tru-cot={weakest[0]}&amp;ket-qua="
    assert link in html
    # The link pre-fills the form with the enterprise and the pillar.
    url = html.split('href="')[-2].split('"')[0].replace("&amp;", "&")
    form = client.get(url).context["form"]
    assert form.initial["tax_code"] == enterprise.tax_code
    assert form.initial["pillars"] == [weakest[0]]
    assert services.submission_for_token(form.initial["result"]) == submission
    assert near.slug in html


def test_forged_result_reference_is_ignored(client):
    response = client.get(reverse("support:request"), {"ket-qua": "forged", "tru-cot": "P9"})
    assert response.status_code == 200
    assert "result" not in response.context["form"].initial


def test_daily_digest_lists_overdue_and_unassigned(coordinator, topic, django_capture_on_commit_callbacks):
    late = SupportRequestFactory(topic=topic, created_at=timezone.now() - datetime.timedelta(days=20))
    fresh = SupportRequestFactory(topic=topic)
    SupportRequestFactory(topic=topic, status="closed", created_at=timezone.now() - datetime.timedelta(days=40))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_support_digest", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["dieuphoi@so.gov.vn"]]
    body = mail.outbox[0].body
    assert late.reference in body and fresh.reference in body
    assert body.index("quá hạn") > body.index(fresh.reference)


def test_nothing_to_report_sends_nothing(coordinator):
    assert services.daily_digest() == 0


def test_consultant_changes_wait_for_review(client, consultant, coordinator, topic, django_capture_on_commit_callbacks):
    client.force_login(consultant.user)
    data = {
        "honorific": "TS.",
        "job_title": "Giám đốc tư vấn",
        "biography": "Tiểu sử mới",
        "certifications": "",
        "availability": "limited",
        "capacity": 3,
        "topics": [topic.pk],
        "pillars": ["P1", "P2"],
        "languages": ["vi", "en"],
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("support_own_profile"), data).status_code == 302
    consultant.refresh_from_db()
    assert consultant.biography != "Tiểu sử mới" and consultant.pending_changes["biography"] == "Tiểu sử mới"
    assert "Tiểu sử mới" not in client.get(reverse("support:consultant", args=[consultant.slug])).content.decode()
    assert [m.to for m in mail.outbox] == [["dieuphoi@so.gov.vn"]]
    # The consultant cannot approve their own changes.
    client.post(reverse("support_profile_review", args=[consultant.pk]), {"action": "approve"})
    consultant.refresh_from_db()
    assert consultant.biography != "Tiểu sử mới" and consultant.pending_changes
    client.force_login(coordinator)
    assert "Tiểu sử mới" in client.get(reverse("support_profile_review", args=[consultant.pk])).content.decode()
    client.post(reverse("support_profile_review", args=[consultant.pk]), {"action": "approve"})
    consultant.refresh_from_db()
    assert consultant.biography == "Tiểu sử mới" and consultant.pending_changes == {}
    assert sorted(consultant.pillars.values_list("pillar_code", flat=True)) == ["P1", "P2"]
    assert "Tiểu sử mới" in client.get(reverse("support:consultant", args=[consultant.slug])).content.decode()


def test_demo_is_idempotent(quiet):
    from support.demo import build
    from support.models import Consultant, ConsultingOrganisation, SupportRequest

    build(quiet)
    build(quiet)
    assert Consultant.objects.count() == 25 and ConsultingOrganisation.objects.count() == 8
    assert SupportRequest.objects.count() == 60
    assert set(SupportRequest.objects.values_list("status", flat=True)) == {
        s for s, _l in SupportRequest.Status.choices
    }
    assert any(r.is_overdue() for r in SupportRequest.objects.all())
