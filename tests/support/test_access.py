"""Who sees what: the enterprise its own request by its link and never internal notes; a
consultant only the requests assigned to them; coordinators the whole queue."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.factories import UserFactory
from support import services
from support.factories import ConsultantFactory, SupportRequestFactory
from support.lifecycle import create_request
from support.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_requests(consultant, topic, coordinator):
    mine = SupportRequestFactory(topic=topic, enterprise_name="Công ty Của Tôi")
    other = SupportRequestFactory(topic=topic, enterprise_name="Công ty Người Khác")
    services.assign(mine, consultant, coordinator)
    services.staff_message(mine, coordinator, "BÍ MẬT NỘI BỘ: doanh nghiệp nợ thuế", internal=True)
    services.staff_message(mine, consultant.user, "Chào doanh nghiệp, tôi sẽ gọi lại.")
    return mine, other


def test_enterprise_sees_its_own_request_and_never_internal_notes(client, two_requests):
    mine, other = two_requests
    body = client.get(reverse("support:status", args=[services.link_token(mine)])).content.decode()
    assert "Chào doanh nghiệp, tôi sẽ gọi lại." in body
    assert "BÍ MẬT NỘI BỘ" not in body
    assert "Phân công cho" not in body  # system notes are internal too
    assert "Công ty Người Khác" not in body
    # Another request's link with this one's key, a tampered link, a revoked key: nothing.
    forged = services.link_token(other)[:-3] + "abc"
    assert client.get(reverse("support:status", args=[forged])).status_code == 404
    token = services.link_token(other)
    other.access_key = "revoked"
    other.save()
    assert client.get(reverse("support:status", args=[token])).status_code == 404


def test_consultant_sees_only_requests_assigned_to_them(client, two_requests, consultant):
    mine, other = two_requests
    client.force_login(consultant.user)
    body = client.get(reverse("support_request:index")).content.decode()
    assert mine.reference in body and other.reference not in body
    page = client.get(reverse("support_request:manage", args=[mine.pk]))
    assert page.status_code == 200 and "BÍ MẬT NỘI BỘ" in page.content.decode()  # staff read internal notes
    assert client.get(reverse("support_request:manage", args=[other.pk])).status_code == 404
    # Another consultant sees neither.
    stranger = ConsultantFactory(name="Người Lạ", user=UserFactory(roles=["consultant"]))
    client.force_login(stranger.user)
    body = client.get(reverse("support_request:index")).content.decode()
    assert mine.reference not in body and other.reference not in body
    assert client.get(reverse("support_request:manage", args=[mine.pk])).status_code == 404
    response = client.post(reverse("support_request:manage", args=[mine.pk]), {"action": "resolve"})
    assert response.status_code == 404
    mine.refresh_from_db()
    assert mine.status == "in_progress"


def test_coordinator_queue_filters_and_assigns(client, two_requests, coordinator, consultant):
    mine, other = two_requests
    client.force_login(coordinator)
    url = reverse("support_request:index")
    body = client.get(url).content.decode()
    assert mine.reference in body and other.reference in body
    body = client.get(url, {"status": "new"}).content.decode()
    assert other.reference in body and mine.reference not in body
    body = client.get(url, {"consultant": consultant.pk}).content.decode()
    assert mine.reference in body and other.reference not in body
    body = client.get(url, {"assignee": "le minh duc"}).content.decode()  # by name, without diacritics
    assert mine.reference in body and other.reference not in body
    body = client.get(url, {"unassigned": "true"}).content.decode()
    assert other.reference in body and mine.reference not in body
    body = client.get(url, {"overdue": "true"}).content.decode()
    assert mine.reference not in body
    manage = client.get(reverse("support_request:manage", args=[other.pk]))
    assert manage.status_code == 200
    assert [s.consultant for s in manage.context["suggestions"]] == [consultant]
    response = client.post(
        reverse("support_request:manage", args=[other.pk]), {"action": "assign", "consultant": consultant.pk}
    )
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.status == "assigned" and other.consultant == consultant


def test_overdue_is_highlighted_in_words(client, coordinator, topic):
    import datetime

    from django.utils import timezone

    late = SupportRequestFactory(topic=topic, created_at=timezone.now() - datetime.timedelta(days=20))
    client.force_login(coordinator)
    body = client.get(reverse("support_request:index"), {"overdue": "true"}).content.decode()
    assert late.reference in body and "Quá hạn" in body


def test_roles_without_rights_see_no_queue(client, two_requests):
    for role in ("journalist_newspaper", "event_organiser"):
        client.force_login(UserFactory(roles=[role]))
        response = client.get(reverse("support_request:index"))
        assert response.status_code in (302, 403)
    client.logout()
    assert client.get(reverse("support_request:index")).status_code == 302


def test_attachments_are_private(client, topic, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "core.private_files.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private")},
        },
    }
    upload = SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.4 ke hoach", content_type="application/pdf")
    req = create_request(
        files=[upload],
        tax_code="0100109106",
        enterprise_name="Công ty A",
        contact_name="A",
        email="a@a.vn",
        topic=topic,
        description="x",
        preferred_format="phone",
        consent=True,
        notify=False,
    )
    item = req.attachments.get()
    assert str(tmp_path / "private") in item.file.path
    assert str(settings.MEDIA_ROOT) not in item.file.path
    with pytest.raises(ValueError):
        _ = item.file.url  # no public address at all
    response = client.get(reverse("support:attachment", args=[services.link_token(req), item.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 ke hoach"
    assert response["Cache-Control"] == "private, no-store"
    forged = services.link_token(SupportRequestFactory(topic=topic))
    assert client.get(reverse("support:attachment", args=[forged, item.pk])).status_code == 404
    note = Message.objects.create(request=req, author_kind="staff", body="nội bộ", internal=True)
    item.message = note
    item.save()
    assert client.get(reverse("support:attachment", args=[services.link_token(req), item.pk])).status_code == 404


def test_a_member_lists_only_their_enterprises_requests(client, topic):
    from enterprises.factories import EnterpriseFactory, EnterpriseMembershipFactory

    member = UserFactory(username="thanhvien")
    ours, theirs = EnterpriseFactory(name="Của Chúng Tôi"), EnterpriseFactory(name="Của Người Khác")
    EnterpriseMembershipFactory(enterprise=ours, user=member)
    EnterpriseMembershipFactory(enterprise=theirs, user=UserFactory(), status="pending")
    mine = SupportRequestFactory(topic=topic, enterprise=ours)
    other = SupportRequestFactory(topic=topic, enterprise=theirs)
    url = reverse("support:my_requests")
    assert client.get(url).status_code == 302  # anonymous: log in first
    client.force_login(member)
    body = client.get(url).content.decode()
    assert mine.reference in body and other.reference not in body
    assert reverse("support:status", args=[services.link_token(mine)]) in body


def test_status_page_keeps_its_link_private(client, topic):
    req = SupportRequestFactory(topic=topic)
    response = client.get(reverse("support:status", args=[services.link_token(req)]))
    assert response["Referrer-Policy"] == "same-origin"
    assert "noindex" in response["X-Robots-Tag"]
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
