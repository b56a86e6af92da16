import re

import pytest
from django.core import mail
from icalendar import Calendar

from core.models import OutgoingMail
from enterprises.models import Enterprise
from events import services
from events.factories import EventPageFactory, RegistrationFactory
from events.models import Registration

from .conftest import registration_data

pytestmark = pytest.mark.django_db
S = Registration.Status


def token_pk(url):
    from events.tokens import read_token

    return read_token(url.rstrip("/").rsplit("/", 1)[1])


def manage_link(message):
    return re.search(r"https?://[^\s]+/events/registration/[^\s]+/", message.body).group(0)


def test_registration_confirms_and_emails_ics_and_signed_link(register, event, client):
    response = register(event, email="Hoa@CaPhe.vn")
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == S.CONFIRMED
    assert registration.email == "hoa@caphe.vn"
    assert token_pk(response.url) == registration.pk
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["hoa@caphe.vn"]
    assert event.title in message.subject
    names = [attachment[0] for attachment in message.attachments]
    assert "su-kien.ics" in names and "ma-diem-danh.png" in names
    ics = next(a for a in message.attachments if a[0] == "su-kien.ics")[1]
    parsed = Calendar.from_ical(ics)
    assert parsed.walk("VEVENT")[0]["SUMMARY"] == event.title
    link = manage_link(message)
    page = client.get(link.split("testserver")[1])
    assert page.status_code == 200
    assert "Đã xác nhận" in page.content.decode()
    assert OutgoingMail.objects.get(kind="events.confirmation").status == OutgoingMail.Status.SENT


def test_new_enterprise_becomes_pending_record(register, event):
    data = registration_data()
    register(event, **data)
    enterprise = Enterprise.objects.get(tax_code=data["tax_code"])
    assert enterprise.status == Enterprise.Status.PENDING
    assert enterprise.name == data["enterprise_name"]


def test_known_enterprise_is_linked(register, event):
    from enterprises.factories import EnterpriseFactory

    known = EnterpriseFactory()
    register(event, tax_code=known.tax_code, enterprise_name="Tên gõ khác")
    registration = Registration.objects.get()
    assert registration.enterprise == known
    assert registration.enterprise_name == known.name


def test_duplicate_email_refused_with_clear_message(register, event):
    register(event, email="trung@dn.vn")
    response = register(event, email="TRUNG@dn.vn")
    assert response.status_code == 200
    assert "đã đăng ký sự kiện" in response.content.decode()
    assert Registration.objects.count() == 1


def test_resubmitted_form_is_idempotent(register, event):
    data = registration_data()
    first = register(event, **data)
    second = register(event, **data)
    assert second.status_code == 302 and token_pk(second.url) == token_pk(first.url)
    assert Registration.objects.count() == 1


def test_per_enterprise_limit(register, event):
    data = registration_data(seats=2)
    register(event, **data)
    response = register(event, tax_code=data["tax_code"], seats=1)
    assert response.status_code == 200
    assert "tối đa 2 người" in response.content.decode()
    response = register(event, seats=3)
    assert response.status_code == 200
    assert Registration.objects.count() == 1


def test_honeypot_and_fill_time(register, event):
    from core.spam import started_token

    assert register(event, website="http://spam").status_code == 200
    assert register(event, started=started_token(seconds_ago=0)).status_code == 200
    assert register(event, started="forged").status_code == 200
    assert register(event, consent="").status_code == 200
    assert Registration.objects.count() == 0


def test_closed_registration_shows_no_form(client, event_index):
    from datetime import timedelta

    from django.utils import timezone

    event = EventPageFactory(parent=event_index, registration_closes_at=timezone.now() - timedelta(hours=1))
    response = client.get(event.url)
    assert "Đã hết hạn đăng ký" in response.content.decode()
    assert 'id="registration-form"' not in response.content.decode()


def test_full_event_goes_to_waiting_list(register, event):
    for _ in range(3):
        register(event)
    register(event, email="cho@dn.vn")
    waiting = Registration.objects.get(email="cho@dn.vn")
    assert waiting.status == S.WAITING
    assert "danh sách chờ" in mail.outbox[-1].subject
    assert services.seats_taken(event) == 3


def test_cancellation_offers_seat_to_waiting_list_in_order(register, event, client, django_capture_on_commit_callbacks):
    for _ in range(3):
        register(event)
    register(event, email="cho1@dn.vn")
    register(event, email="cho2@dn.vn")
    first = Registration.objects.filter(status=S.CONFIRMED).first()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(services.manage_url(first), {"action": "cancel"})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == S.CANCELLED
    offered = Registration.objects.get(email="cho1@dn.vn")
    assert offered.status == S.OFFERED and offered.offer_expires_at is not None
    assert Registration.objects.get(email="cho2@dn.vn").status == S.WAITING
    offer_mail = next(m for m in mail.outbox if m.to == ["cho1@dn.vn"])
    assert "Có chỗ trống" in offer_mail.subject
    # Accept through the link in the offer.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(manage_link(offer_mail).split("testserver")[1], {"action": "accept"})
    offered.refresh_from_db()
    assert offered.status == S.CONFIRMED
    assert services.seats_taken(event) == 3


def test_unanswered_offer_expires_and_passes_seat_on(register, event, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    for _ in range(3):
        register(event)
    register(event, email="cho1@dn.vn")
    register(event, email="cho2@dn.vn")
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(Registration.objects.filter(status=S.CONFIRMED).first())
    first = Registration.objects.get(email="cho1@dn.vn")
    assert first.status == S.OFFERED
    Registration.objects.filter(pk=first.pk).update(offer_expires_at=timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_event_offers", stdout=None)
    first.refresh_from_db()
    assert first.status == S.CANCELLED and first.cancel_reason == "offer_expired"
    assert Registration.objects.get(email="cho2@dn.vn").status == S.OFFERED
    # An expired offer can no longer be accepted.
    outcome = services.accept_offer(first)
    assert not outcome.ok


def test_forged_or_altered_link_refused(client, event):
    registration = RegistrationFactory(event=event)
    url = services.manage_url(registration)
    assert client.get(url).status_code == 200
    token = url.rstrip("/").rsplit("/", 1)[1]
    forged = url.replace(token, token[:-2] + ("aa" if not token.endswith("aa") else "bb"))
    assert client.get(forged).status_code == 404
    assert client.post(forged, {"action": "cancel"}).status_code == 404
    other = url.replace(token, "1:abc:def")
    assert client.get(other).status_code == 404
    registration.refresh_from_db()
    assert registration.status == S.CONFIRMED


def test_change_seats_within_limits(client, event):
    registration = RegistrationFactory(event=event, seats=1)
    url = services.manage_url(registration)
    data = {"action": "change", "attendee_name": "Tên mới", "position": "", "phone": "0900000000", "seats": 2}
    client.post(url, data)
    registration.refresh_from_db()
    assert registration.seats == 2 and registration.attendee_name == "Tên mới"
    data["seats"] = 5
    response = client.post(url, data)
    assert response.status_code == 400
    registration.refresh_from_db()
    assert registration.seats == 2


def test_approval_flow(register, event_index, django_capture_on_commit_callbacks):
    event = EventPageFactory(parent=event_index, capacity=2, needs_approval=True)
    register(event, email="duyet@dn.vn")
    registration = Registration.objects.get()
    assert registration.status == S.PENDING
    assert "chờ duyệt" in mail.outbox[-1].subject
    assert services.seats_taken(event) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert services.approve(registration).ok
    registration.refresh_from_db()
    assert registration.status == S.CONFIRMED
    assert "Xác nhận" in mail.outbox[-1].subject
    register(event, email="tuchoi@dn.vn")
    other = Registration.objects.get(email="tuchoi@dn.vn")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reject(other).ok
    other.refresh_from_db()
    assert other.status == S.REJECTED
    assert services.seats_taken(event) == 1


def test_reminders_a_day_before_once(event_index, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    soon = EventPageFactory(parent=event_index, start=timezone.now() + timedelta(hours=20))
    later = EventPageFactory(parent=event_index, start=timezone.now() + timedelta(days=3))
    RegistrationFactory(event=soon)
    RegistrationFactory(event=later)
    RegistrationFactory(event=soon, status=S.WAITING)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders")
        call_command("send_event_reminders")
    assert len(mail.outbox) == 1
    assert "Nhắc lịch" in mail.outbox[0].subject


def test_failed_send_is_kept_and_retried(register, event, settings, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    settings.EMAIL_BACKEND = "tests.events.failing_backend.FailingBackend"
    response = register(event)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == S.CONFIRMED
    row = OutgoingMail.objects.get(kind="events.confirmation")
    assert row.status == OutgoingMail.Status.PENDING and row.attempts == 1 and "SMTP" in row.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutgoingMail.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    call_command("send_mail_due")
    row.refresh_from_db()
    assert row.status == OutgoingMail.Status.SENT and row.attempts == 2
    assert len(mail.outbox) == 1


def test_registration_and_its_mail_stay_out_of_the_reference_index(register, event):
    """A registration (and its queued e-mail) is not a "usage" of the event page: saving them
    records no reference and, with a task worker, queues no reference-index task inside the
    seat lock (issue 21, the registration rush). The event page itself is still indexed."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    assert register(event).status_code == 302
    registration = Registration.objects.get(event=event)
    assert OutgoingMail.objects.filter(related_id=str(registration.pk)).exists()
    for model in (Registration, OutgoingMail):
        assert not ReferenceIndex.model_is_indexable(model)
        assert not ReferenceIndex.objects.filter(content_type=ContentType.objects.get_for_model(model)).exists()
    assert ReferenceIndex.model_is_indexable(type(event))
