"""The registration rules' refusals, and how freed seats reach the waiting list: every refusal
writes nothing and says why; every seat freed is offered to the right waiting attendee."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.models import OutgoingMail
from enterprises.factories import EnterpriseFactory
from enterprises.models import Enterprise
from events import services
from events.factories import EventPageFactory, RegistrationFactory
from events.models import Registration

from .conftest import registration_data

pytestmark = pytest.mark.django_db
S = Registration.Status


def mail_kinds(registration):
    return list(
        OutgoingMail.objects.filter(related_type="events.registration", related_id=str(registration.pk))
        .order_by("pk")
        .values_list("kind", flat=True)
    )


def waiting(event, seats=1, minutes_ago=60, **fields):
    return RegistrationFactory(
        event=event,
        status=S.WAITING,
        seats=seats,
        confirmed_at=None,
        waitlisted_at=timezone.now() - timedelta(minutes=minutes_ago),
        **fields,
    )


# --- register --------------------------------------------------------------------------------
def test_an_invalid_tax_code_is_refused_on_its_field_and_writes_nothing(event):
    enterprises = Enterprise.objects.count()
    outcome = services.register(event, registration_data(tax_code="12345"))
    assert not outcome.ok and outcome.field == "tax_code" and outcome.message
    assert Registration.objects.filter(event=event).count() == 0
    assert Enterprise.objects.count() == enterprises


def test_a_resubmitted_form_returns_the_first_registration(event):
    data = registration_data()
    first = services.register(event, data)
    again = services.register(event, dict(data))
    assert first.ok and again.ok
    assert again.registration.pk == first.registration.pk
    assert Registration.objects.filter(event=event).count() == 1
    assert mail_kinds(first.registration) == ["events.confirmation"]


def test_an_event_whose_registration_has_not_opened_refuses(event):
    event.registration_opens_at = timezone.now() + timedelta(days=2)
    event.save()
    outcome = services.register(event, registration_data())
    assert not outcome.ok and outcome.field is None
    assert "không nhận đăng ký" in outcome.message
    assert not Registration.objects.filter(event=event).exists()


def test_registrations_beyond_the_capacity_wait(event):
    services.register(event, registration_data(seats=2))
    services.register(event, registration_data(seats=1))
    late = services.register(event, registration_data(seats=1))
    assert late.ok and late.registration.status == S.WAITING
    assert late.registration.waitlisted_at is not None and late.registration.confirmed_at is None
    assert mail_kinds(late.registration) == ["events.waiting"]


# --- freed seats -----------------------------------------------------------------------------
def test_no_offer_once_the_event_has_started(event_index):
    event = EventPageFactory(
        parent=event_index,
        capacity=2,
        start=timezone.now() - timedelta(hours=1),
        end=timezone.now() + timedelta(hours=3),
    )
    queued = waiting(event)
    assert services.offer_freed_seats(event) == []
    queued.refresh_from_db()
    assert queued.status == S.WAITING


def test_no_offer_while_the_event_is_full(event):
    RegistrationFactory(event=event, seats=2)
    RegistrationFactory(event=event, seats=1)
    queued = waiting(event)
    assert services.offer_freed_seats(event) == []
    queued.refresh_from_db()
    assert queued.status == S.WAITING


def test_a_waiting_group_too_big_for_the_free_seats_is_passed_over(event):
    RegistrationFactory(event=event, seats=2)  # one seat of three left
    big = waiting(event, seats=2, minutes_ago=120)
    small = waiting(event, seats=1, minutes_ago=60)
    offered = services.offer_freed_seats(event)
    assert offered == [small]
    big.refresh_from_db()
    small.refresh_from_db()
    assert big.status == S.WAITING
    assert small.status == S.OFFERED and small.offer_expires_at <= event.start
    assert mail_kinds(small) == ["events.offer"]


def test_an_offer_schedules_its_expiry_with_a_backend_that_defers(event, settings, django_capture_on_commit_callbacks):
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    queued = waiting(event)
    with django_capture_on_commit_callbacks(execute=True):
        services.offer_freed_seats(event)
    queued.refresh_from_db()
    expiries = [r for r in default_task_backend.results if r.task.func.__name__ == "expire_offers_task"]
    assert len(expiries) == 1
    assert expiries[0].task.run_after == queued.offer_expires_at + timedelta(seconds=5)


def test_a_late_acceptance_cancels_the_offer_and_passes_the_seat_on(event):
    RegistrationFactory(event=event, seats=2)
    offer = RegistrationFactory(
        event=event, status=S.OFFERED, confirmed_at=None, offer_expires_at=timezone.now() - timedelta(minutes=1)
    )
    next_in_line = waiting(event)
    outcome = services.accept_offer(offer)
    assert not outcome.ok and "hết hạn" in outcome.message
    offer.refresh_from_db()
    next_in_line.refresh_from_db()
    assert offer.status == S.CANCELLED and offer.cancel_reason == "offer_expired"
    assert mail_kinds(offer) == ["events.offer_expired"]
    assert next_in_line.status == S.OFFERED


def test_a_cancelled_registration_cannot_be_cancelled_again(event):
    registration = RegistrationFactory(event=event, status=S.CANCELLED, cancel_reason="attendee")
    outcome = services.cancel(registration, reason="organiser")
    assert not outcome.ok
    registration.refresh_from_db()
    assert registration.cancel_reason == "attendee"
    assert mail_kinds(registration) == []


# --- changes ---------------------------------------------------------------------------------
def test_a_cancelled_registration_cannot_be_changed(event):
    registration = RegistrationFactory(event=event, status=S.CANCELLED, attendee_name="Lê Thị Hoa")
    outcome = services.change_registration(registration, {"attendee_name": "Người khác"})
    assert not outcome.ok
    registration.refresh_from_db()
    assert registration.attendee_name == "Lê Thị Hoa"


def test_more_people_than_the_enterprise_limit_is_refused(event):
    enterprise = EnterpriseFactory()
    RegistrationFactory(event=event, enterprise=enterprise, seats=1)
    registration = RegistrationFactory(event=event, enterprise=enterprise, seats=1)
    outcome = services.change_registration(registration, {"seats": 2})
    assert not outcome.ok and outcome.field == "seats"
    assert "tối đa 2" in outcome.message and "đã đăng ký 1" in outcome.message
    registration.refresh_from_db()
    assert registration.seats == 1


def test_more_people_than_the_seats_left_is_refused(event):
    RegistrationFactory(event=event, seats=2)
    registration = RegistrationFactory(event=event, seats=1)  # the event is full
    outcome = services.change_registration(registration, {"seats": 2})
    assert not outcome.ok and outcome.field == "seats"
    registration.refresh_from_db()
    assert registration.seats == 1


def test_fewer_people_frees_seats_for_the_waiting_list(event):
    registration = RegistrationFactory(event=event, seats=2)
    RegistrationFactory(event=event, seats=1)
    queued = waiting(event)
    outcome = services.change_registration(registration, {"seats": 1, "phone": " 0911222333 "})
    assert outcome.ok
    registration.refresh_from_db()
    queued.refresh_from_db()
    assert registration.seats == 1 and registration.phone == "0911222333"
    assert queued.status == S.OFFERED
    assert mail_kinds(registration) == ["events.changed"]


# --- organisers ------------------------------------------------------------------------------
def test_only_a_pending_registration_can_be_approved(event):
    registration = RegistrationFactory(event=event, status=S.WAITING, confirmed_at=None)
    outcome = services.approve(registration)
    assert not outcome.ok
    registration.refresh_from_db()
    assert registration.status == S.WAITING and registration.confirmed_at is None
    assert mail_kinds(registration) == []


def test_a_confirmed_registration_cannot_be_rejected(event):
    registration = RegistrationFactory(event=event, status=S.CONFIRMED)
    outcome = services.reject(registration)
    assert not outcome.ok
    registration.refresh_from_db()
    assert registration.status == S.CONFIRMED
    assert mail_kinds(registration) == []


def test_a_second_check_in_keeps_the_first_time(event):
    registration = RegistrationFactory(event=event)
    first = timezone.now() - timedelta(minutes=30)
    assert services.check_in(registration, now=first).ok
    again = services.check_in(registration)
    assert again.ok and "trước đó" in again.message
    registration.refresh_from_db()
    assert registration.status == S.ATTENDED and registration.checked_in_at == first
