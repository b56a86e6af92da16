"""A request's life through the real pages and services, with the e-mail each step sends."""

import pytest
from django.core import mail
from django.urls import reverse

from core.spam import started_token
from support import services
from support.models import Message, SupportRequest

pytestmark = pytest.mark.django_db


def _form(topic, **extra):
    data = {
        "tax_code": "0100109106",
        "enterprise_name": "Công ty TNHH Cà phê Đắk Mil",
        "contact_name": "Trần Thị Hồng",
        "email": "hong@caphe.vn",
        "phone": "",
        "topic": topic.pk,
        "pillars": ["P1"],
        "description": "Cần mở gian hàng trên sàn thương mại điện tử.",
        "preferred_format": "online",
        "consent": "on",
        "started": started_token(seconds_ago=30),
        "website": "",
    }
    data.update(extra)
    return data


def _submit(client, topic, django_capture_on_commit_callbacks, **extra):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("support:request"), _form(topic, **extra))
    assert response.status_code == 302, response.context["form"].errors
    return SupportRequest.objects.get(), response["Location"]


def test_whole_life_with_emails(client, topic, coordinator, consultant, django_capture_on_commit_callbacks):
    req, status_path = _submit(client, topic, django_capture_on_commit_callbacks)
    assert req.reference.startswith("HT-") and req.status == "new"
    assert req.first_response_due is not None
    assert sorted(m.to[0] for m in mail.outbox) == ["dieuphoi@so.gov.vn", "hong@caphe.vn"]
    received = next(m for m in mail.outbox if m.to == ["hong@caphe.vn"])
    assert req.reference in received.subject
    assert status_path in received.body  # the private link
    page = client.get(status_path)
    assert page.status_code == 200 and "Mới" in page.content.decode()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.assign(req, consultant, coordinator)
    assert {m.to[0] for m in mail.outbox} == {"chuyengia@tuvan.vn", "hong@caphe.vn"}

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.staff_message(req, consultant.user, "Ghi chú: đã gọi điện, chưa liên lạc được.", internal=True)
    assert mail.outbox == []  # internal notes never reach the enterprise
    with django_capture_on_commit_callbacks(execute=True):
        services.staff_message(req, consultant.user, "Xin gửi ảnh chụp sản phẩm.", wait=True)
    req.refresh_from_db()
    assert req.status == "waiting" and req.first_response_at is not None
    assert [m.to for m in mail.outbox] == [["hong@caphe.vn"]]
    assert "Xin gửi ảnh chụp sản phẩm." in mail.outbox[0].body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(status_path, {"body": "Đã gửi ảnh qua thư."})
    assert response.status_code == 302
    req.refresh_from_db()
    assert req.status == "in_progress"
    assert [m.to for m in mail.outbox] == [["chuyengia@tuvan.vn"]]

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.resolve(req, consultant.user)
    req.refresh_from_db()
    assert req.status == "resolved" and req.resolved_at
    assert [m.to for m in mail.outbox] == [["hong@caphe.vn"]]

    with django_capture_on_commit_callbacks(execute=True):
        client.post(status_path, {"rating": "5", "comment": "Rất hữu ích"})
    req.refresh_from_db()
    assert req.rating == 5 and req.rating_comment == "Rất hữu ích"
    with pytest.raises(services.TransitionError):
        services.rate(req, 4)

    with django_capture_on_commit_callbacks(execute=True):
        services.close(req, coordinator)
    req.refresh_from_db()
    assert req.status == "closed"
    assert client.post(status_path, {"body": "Thêm"}).status_code == 302
    assert not Message.objects.filter(body="Thêm").exists()


def test_refused_with_reason_and_email(client, topic, coordinator, django_capture_on_commit_callbacks):
    req, _path = _submit(client, topic, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with pytest.raises(services.TransitionError):
        services.refuse(req, "  ", coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        services.refuse(req, "Ngoài phạm vi chương trình.", coordinator)
    req.refresh_from_db()
    assert req.status == "refused"
    assert "Ngoài phạm vi chương trình." in mail.outbox[0].body


def test_emails_in_the_recipients_language(client, topic, coordinator, consultant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en" + reverse("support:request"), _form(topic))
    assert response.status_code == 302
    req = SupportRequest.objects.get()
    assert req.language == "en"
    to_enterprise = next(m for m in mail.outbox if m.to == ["hong@caphe.vn"])
    to_coordinator = next(m for m in mail.outbox if m.to == ["dieuphoi@so.gov.vn"])
    assert "received" in to_enterprise.subject.lower()
    assert "/en/" in to_enterprise.body
    assert "Yêu cầu hỗ trợ mới" in to_coordinator.subject


def test_rights_of_each_person(topic, coordinator, consultant, units):
    from accounts.factories import UserFactory
    from support.factories import ConsultantFactory, SupportRequestFactory

    other = ConsultantFactory(name="Phạm Quốc Bảo", user=UserFactory(roles=["consultant"]))
    req = SupportRequestFactory(topic=topic)
    editor = UserFactory(roles=["programme_editor"])
    journalist = UserFactory(roles=["journalist_newspaper"])
    for user in (consultant.user, other.user, journalist):
        with pytest.raises(services.TransitionError):
            services.assign(req, consultant, user)
        with pytest.raises(services.TransitionError):
            services.refuse(req, "Không", user)
    services.assign(req, consultant, editor)  # programme editors coordinate too
    with pytest.raises(services.TransitionError):
        services.staff_message(req, other.user, "Tôi trả lời thay")
    services.staff_message(req, consultant.user, "Tôi nhận yêu cầu")
    with pytest.raises(services.TransitionError):
        services.close(req, consultant.user)  # only coordinators close


def test_no_consent_no_assignment(topic, coordinator, consultant):
    from support.factories import SupportRequestFactory

    req = SupportRequestFactory(topic=topic, consent=False)
    with pytest.raises(services.TransitionError):
        services.assign(req, consultant, coordinator)


def test_form_refuses_bad_input_with_messages(client, topic):
    response = client.post(reverse("support:request"), _form(topic, tax_code="123", email="", consent=""))
    assert response.status_code == 200
    body = response.content.decode()
    assert "thư điện tử hoặc số điện thoại" in body
    assert "Cần đồng ý chia sẻ" in body
    assert not SupportRequest.objects.exists()
    spam = client.post(reverse("support:request"), _form(topic, website="http://spam"))
    assert spam.status_code == 200 and not SupportRequest.objects.exists()


def test_rating_must_be_one_to_five(topic):
    from support.factories import SupportRequestFactory

    req = SupportRequestFactory(topic=topic, status="resolved")
    for bad in (0, 6, "x", None):
        with pytest.raises(services.TransitionError):
            services.rate(req, bad)
    with pytest.raises(services.TransitionError):
        services.rate(SupportRequestFactory(topic=topic, status="in_progress"), 4)
    services.rate(req, 3, "Tạm được")
    req.refresh_from_db()
    assert (req.rating, req.rating_comment) == (3, "Tạm được")
