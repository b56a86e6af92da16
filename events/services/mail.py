"""E-mails to attendees: every notice of a registration's change, reminders, organisers'
messages and feedback requests (queued through `events.emails`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from ..models import EventPage, Registration
from .seats import S

if TYPE_CHECKING:
    from core.mail import OutgoingMail


def _queue(kind: str, registration: Registration, request: HttpRequest | None = None, **extra: Any) -> OutgoingMail:
    from ..emails import queue_email

    return queue_email(kind, registration, request=request, **extra)


def send_reminders(now: datetime | None = None) -> int:
    """Queue a reminder for confirmed attendees of events starting within a day. Idempotent."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        status=S.CONFIRMED,
        reminder_sent_at__isnull=True,
        event__start__gt=now,
        event__start__lte=now + timedelta(days=1),
    ).select_related("event")
    count = 0
    for registration in due:
        with transaction.atomic():
            if Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            ):
                _queue("reminder", registration)
                count += 1
    return count


def message_attendees(
    event: EventPage,
    subject: str,
    body: str,
    *,
    statuses: Iterable[str] | None = None,
    request: HttpRequest | None = None,
) -> int:
    statuses = statuses or [S.CONFIRMED, S.PENDING, S.ATTENDED]
    count = 0
    with transaction.atomic():
        for registration in Registration.objects.filter(event=event, status__in=statuses).select_related("event"):
            _queue("message", registration, request, subject=subject, message=body)
            count += 1
    return count


def request_feedback(event: EventPage, *, request: HttpRequest | None = None, now: datetime | None = None) -> int:
    now = now or timezone.now()
    count = 0
    with transaction.atomic():
        due = Registration.objects.filter(event=event, status=S.ATTENDED, feedback_requested_at__isnull=True)
        for registration in due.select_related("event"):
            registration.feedback_requested_at = now
            registration.save(update_fields=["feedback_requested_at", "updated_at"])
            _queue("feedback", registration, request)
            count += 1
    return count
