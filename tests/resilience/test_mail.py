"""The one outgoing-mail pipeline (issue 15.2): every promised e-mail is an OutgoingMail row,
sent in the recipient's language with the site's real address; programme editors see and
resend failures; nobody reachable is an "unreachable" row."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from accounts.factories import UserFactory
from core.mail import queue_mail
from core.models import OutgoingMail
from core.spam import started_token
from enterprises.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db
S = OutgoingMail.Status


def failed_row():
    row = queue_mail("test.failed", "ai@example.vn", rendered=("Tiêu đề", "Nội dung", ""))
    OutgoingMail.objects.filter(pk=row.pk).update(status=S.FAILED, attempts=6, last_error="SMTP down")
    return row


def test_programme_editors_list_filter_and_resend(client, django_capture_on_commit_callbacks):
    row = failed_row()
    queue_mail("test.other", "b@example.vn", rendered=("Khác", "x", ""))
    client.force_login(UserFactory(roles=["programme_editor"]))
    listing = client.get(reverse("outgoing_mail:index"), {"status": "failed"})
    assert listing.status_code == 200
    assert [m.pk for m in listing.context["object_list"]] == [row.pk]
    assert "Gửi lại" in listing.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("core_mail_resend", args=[row.pk]))
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == S.SENT and [m.subject for m in mail.outbox] == ["Tiêu đề"]


@pytest.mark.parametrize("role", [None, "journalist_newspaper", "event_organiser"])
def test_others_cannot_resend(client, role):
    row = failed_row()
    if role:
        client.force_login(UserFactory(roles=[role]))
    response = client.post(reverse("core_mail_resend", args=[row.pk]))
    # Refused: to the login page, or Wagtail's "no permission" redirect to the dashboard.
    assert response.status_code in (302, 403)
    assert not response.get("Location", "").startswith("/admin/outgoing-mail/")
    row.refresh_from_db()
    assert row.status == S.FAILED


def test_send_mail_due_sends_what_the_worker_missed():
    row = OutgoingMail.objects.create(kind="test.due", to=["c@example.vn"], subject="Đến hạn", body_text="x")
    call_command("send_mail_due")
    row.refresh_from_db()
    assert row.status == S.SENT and mail.outbox[-1].subject == "Đến hạn"


def test_nobody_to_reach_is_an_unreachable_row():
    row = queue_mail("honors.certificate", [], rendered=("x", "y", ""))
    assert row.status == S.UNREACHABLE


def test_honours_notice_goes_to_the_record_and_members(django_capture_on_commit_callbacks):
    from enterprises.models import EnterpriseMembership
    from honors.services.decision import _notify

    enterprise = EnterpriseFactory(email="lienhe@dn.vn")
    member = UserFactory(email="thanhvien@dn.vn")
    EnterpriseMembership.objects.create(
        enterprise=enterprise, user=member, email=member.email, status=EnterpriseMembership.Status.ACTIVE
    )

    class Award:
        pass

    award = Award()
    award.enterprise = enterprise
    certificate = EnterpriseFactory()  # any saved object stands in as the related row
    assert _notify(award, certificate) == 1
    row = OutgoingMail.objects.get(kind="honors.certificate")
    assert row.to == ["lienhe@dn.vn", "thanhvien@dn.vn"]
    nobody = Award()
    nobody.enterprise = EnterpriseFactory(email="")
    assert _notify(nobody, certificate) == 0
    assert OutgoingMail.objects.filter(kind="honors.certificate", status=S.UNREACHABLE).count() == 1


def test_assessment_resume_submitted_and_verified_mails(client, site_home, django_capture_on_commit_callbacks):
    from assessment_forms import services
    from assessment_forms.factories import load_dbi_1970
    from assessment_forms.models import AssessmentPage, Submission

    load_dbi_1970()
    page = AssessmentPage(title="Tự đánh giá DBI", slug="tu-danh-gia", min_fill_seconds=0)
    site_home.add_child(instance=page)
    page.save_revision().publish()
    data = {
        "tax_code": "0100109106",
        "enterprise_name": "Công ty TNHH Cà phê Đắk Mil",
        "respondent_name": "Trần Văn Minh",
        "respondent_email": "minh@caphe.vn",
        "website": "",
        "started": started_token(seconds_ago=10),
        "form_key": "k" * 32,
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(page.url, data).status_code == 302
    resume = mail.outbox[-1]
    assert resume.to == ["minh@caphe.vn"] and "http://testserver/" in resume.body
    assert resume.alternatives and "text/html" in resume.alternatives[0][1]
    submission = Submission.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(submission)
    from assessment_forms import mail as assessment_mail

    with django_capture_on_commit_callbacks(execute=True):
        assessment_mail.submitted(submission)
    assert "Đã nhận bài tự đánh giá" in mail.outbox[-1].subject
    with django_capture_on_commit_callbacks(execute=True):
        services.verify(submission, UserFactory(roles=["assessor"]))
    verified = mail.outbox[-1]
    assert "đã được thẩm định" in verified.subject and "minh@caphe.vn" in verified.to
    kinds = set(OutgoingMail.objects.values_list("kind", flat=True))
    assert {"assessment.resume_link", "assessment.submitted", "assessment.verified"} <= kinds


def test_membership_request_received_then_verified(client, site_home, django_capture_on_commit_callbacks):
    from enterprises.models import EnterpriseMembership

    # The claim is made from a signed-in account (the account is made at sign-up).
    client.force_login(UserFactory(email="hoa@caphe.vn"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("enterprises:register"),
            {
                "tax_code": "0100109106",
                "enterprise_name": "Công ty TNHH Cà phê Đắk Mil",
                "website": "",
                "started": started_token(seconds_ago=10),
            },
        )
    assert response.status_code == 302, response.context["form"].errors
    assert mail.outbox[-1].to == ["hoa@caphe.vn"] and "Đã nhận yêu cầu" in mail.outbox[-1].subject
    membership = EnterpriseMembership.objects.get()
    membership.status = EnterpriseMembership.Status.ACTIVE
    with django_capture_on_commit_callbacks(execute=True):
        membership.save()
    assert "đã được xác minh" in mail.outbox[-1].subject
    assert "http://testserver/" in mail.outbox[-1].body


def test_new_users_get_wagtail_notifications_in_vietnamese():
    user = UserFactory()
    assert user.wagtail_userprofile.get_preferred_language() == "vi"


def test_the_default_site_carries_the_real_address(settings):
    from wagtail.models import Site

    from core.signals import sync_site_address

    settings.SITE_BASE_URL = "https://dx.example.gov.vn"
    sync_site_address()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("dx.example.gov.vn", 443)
    assert site.root_url == "https://dx.example.gov.vn"


# --- One drain task per burst of new e-mails (issue 21.4) ---------------------------------
@pytest.fixture
def task_queue(settings):
    """The database task backend (a real queue, as production runs it) and an empty cache."""
    from django.core.cache import cache

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    cache.clear()
    yield
    cache.clear()


def queued_tasks():
    from django_tasks_db.models import DBTaskResult

    return list(DBTaskResult.objects.order_by("enqueued_at").values_list("task_path", "args_kwargs"))


def test_a_burst_of_mail_queues_one_drain_that_sends_every_row(task_queue, django_capture_on_commit_callbacks):
    from core.mail import drain

    with django_capture_on_commit_callbacks(execute=True):
        rows = [queue_mail("test.burst", f"r{n}@example.vn", rendered=(f"Thư {n}", "x", "")) for n in range(5)]
    assert [path for path, _args in queued_tasks()] == ["core.tasks.drain_mail"]
    assert drain() == (5, 5)
    assert sorted(m.subject for m in mail.outbox) == [f"Thư {n}" for n in range(5)]
    assert set(OutgoingMail.objects.filter(pk__in=[r.pk for r in rows]).values_list("status", flat=True)) == {S.SENT}
    # The drain cleared its mark: the next e-mail queues a new drain; a second run sends nothing twice.
    with django_capture_on_commit_callbacks(execute=True):
        queue_mail("test.burst", "late@example.vn", rendered=("Muộn", "x", ""))
    assert [path for path, _args in queued_tasks()] == ["core.tasks.drain_mail"] * 2
    assert drain() == (1, 1) and drain() == (0, 0)
    assert len(mail.outbox) == 6


def test_a_row_committed_while_the_drain_runs_queues_another(task_queue, django_capture_on_commit_callbacks):
    """The mark is cleared before the rows are read: a row arriving during a drain's sending
    (after its read) finds no mark and queues its own drain, so it is never left behind."""
    from core import mail as outgoing

    with django_capture_on_commit_callbacks(execute=True):
        queue_mail("test.race", "a@example.vn", rendered=("A", "x", ""))
    real_deliver = outgoing.deliver

    def deliver_and_meanwhile_queue(pk, now=None):
        with django_capture_on_commit_callbacks(execute=True):
            queue_mail("test.race", "b@example.vn", rendered=("B", "x", ""))
        return real_deliver(pk, now=now)

    outgoing.deliver = deliver_and_meanwhile_queue
    try:
        assert outgoing.drain() == (1, 1)
    finally:
        outgoing.deliver = real_deliver
    assert [path for path, _args in queued_tasks()] == ["core.tasks.drain_mail"] * 2
    assert outgoing.drain() == (1, 1)
    assert sorted(m.subject for m in mail.outbox) == ["A", "B"]


def test_with_the_cache_down_every_row_gets_its_own_task(task_queue, redis_down, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        rows = [queue_mail("test.down", f"d{n}@example.vn", rendered=("x", "x", "")) for n in range(2)]
    assert queued_tasks() == [("core.tasks.deliver_mail", {"args": [row.pk], "kwargs": {}}) for row in rows]


def test_a_drain_lost_before_it_started_is_queued_again_once_its_mark_expires(
    task_queue, monkeypatch, django_capture_on_commit_callbacks
):
    """The mark outlives a lost task row by DRAIN_SECONDS at most: then the next e-mail queues
    a new drain, which sends the rows the lost one should have."""
    import time

    from django_tasks_db.models import DBTaskResult

    from core import mail as outgoing

    monkeypatch.setattr(outgoing, "DRAIN_SECONDS", 1)
    with django_capture_on_commit_callbacks(execute=True):
        queue_mail("test.lost", "lost@example.vn", rendered=("Mất", "x", ""))
    DBTaskResult.objects.all().delete()  # the drain's row lost; its mark stays
    with django_capture_on_commit_callbacks(execute=True):
        queue_mail("test.lost", "wait@example.vn", rendered=("Chờ", "x", ""))
    assert queued_tasks() == []
    time.sleep(1.2)
    with django_capture_on_commit_callbacks(execute=True):
        queue_mail("test.lost", "next@example.vn", rendered=("Sau", "x", ""))
    assert [path for path, _args in queued_tasks()] == ["core.tasks.drain_mail"]
    assert outgoing.drain() == (3, 3)
