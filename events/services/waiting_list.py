"""The waiting list: freed seats offered to those waiting, oldest first; offers accepted or
left to expire. The event's row is locked around every change (`seats`)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import EventPage, Registration
from .mail import _queue
from .seats import Outcome, S, _lock, _lock_registration, seats_taken


def offer_freed_seats(
    event: EventPage, request: HttpRequest | None = None, now: datetime | None = None
) -> list[Registration]:
    """Offer free seats to the waiting list, oldest first; a registration that does not fit
    the seats left is passed over for later ones that do. The event must be locked."""
    now = now or timezone.now()
    if event.start <= now:
        return []
    left = event.capacity - seats_taken(event)
    offered: list[Registration] = []
    if left <= 0:
        return offered
    waiting = Registration.objects.select_for_update().filter(event=event, status=S.WAITING)
    for registration in waiting.order_by("waitlisted_at", "id"):
        if registration.seats > left:
            continue
        registration.status = S.OFFERED
        registration.offer_expires_at = min(now + timedelta(hours=event.offer_hours or 24), event.start)
        registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
        _queue("offer", registration, request)
        _schedule_expiry(registration.offer_expires_at)
        offered.append(registration)
        left -= registration.seats
        if left <= 0:
            break
    return offered


def _schedule_expiry(when: datetime) -> None:
    from ..tasks import expire_offers_task

    backend = expire_offers_task.get_backend()
    if backend.supports_defer:
        transaction.on_commit(lambda: expire_offers_task.using(run_after=when + timedelta(seconds=5)).enqueue())


def _release(
    registration: Registration,
    reason: str,
    request: HttpRequest | None = None,
    email_kind: str = "cancelled",
    now: datetime | None = None,
) -> None:
    """Cancel (or reject) a registration and pass its seats on. The event must be locked."""
    now = now or timezone.now()
    freed = registration.holds_seats
    registration.status = S.REJECTED if reason == "rejected" else S.CANCELLED
    registration.cancelled_at = now
    registration.cancel_reason = reason
    registration.offer_expires_at = None
    registration.save(update_fields=["status", "cancelled_at", "cancel_reason", "offer_expires_at", "updated_at"])
    if email_kind:
        _queue(email_kind, registration, request)
    if freed:
        offer_freed_seats(registration.event, request=request, now=now)


def accept_offer(
    registration: Registration, *, request: HttpRequest | None = None, now: datetime | None = None
) -> Outcome:
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock(registration.event)
        registration = _lock_registration(registration)
        registration.event = event
        if registration.status != S.OFFERED:
            return Outcome(False, registration, message=_("Lời mời nhận chỗ này không còn hiệu lực."))
        if registration.offer_expires_at and registration.offer_expires_at <= now:
            _release(registration, "offer_expired", request=request, email_kind="offer_expired", now=now)
            return Outcome(False, registration, message=_("Lời mời nhận chỗ đã hết hạn."))
        registration.status = S.PENDING if event.needs_approval else S.CONFIRMED
        registration.offer_expires_at = None
        registration.confirmed_at = now if registration.status == S.CONFIRMED else None
        registration.save(update_fields=["status", "offer_expires_at", "confirmed_at", "updated_at"])
        _queue("confirmation" if registration.status == S.CONFIRMED else "pending", registration, request)
    return Outcome(True, registration, message=_("Bạn đã nhận chỗ."))


def expire_offers(now: datetime | None = None) -> int:
    """Cancel offers nobody answered in time and pass their seats on. Returns how many expired."""
    now = now or timezone.now()
    count = 0
    event_ids = (
        Registration.objects.filter(status=S.OFFERED, offer_expires_at__lte=now)
        .values_list("event_id", flat=True)
        .distinct()
    )
    for event_id in list(event_ids):
        with transaction.atomic():
            event = _lock(EventPage(pk=event_id))
            expired = Registration.objects.select_for_update().filter(
                event=event, status=S.OFFERED, offer_expires_at__lte=now
            )
            for registration in expired.order_by("offer_expires_at", "id"):
                registration.event = event
                _release(registration, "offer_expired", email_kind="offer_expired", now=now)
                count += 1
    return count
