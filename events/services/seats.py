"""Capacity: the seats an event holds, and the row locks every change of seats takes.

Every change to seats happens inside `transaction.atomic()` with the event's row locked
(`select_for_update`), so concurrent registrations queue on the lock and capacity is
never exceeded. On SQLite the IMMEDIATE transaction mode serialises writers instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Sum
from django.utils.translation import gettext as _

from ..models import EventPage, Registration

S = Registration.Status


@dataclass
class Outcome:
    ok: bool
    registration: Registration | None = None
    message: str = ""
    field: str | None = None
    manage_url: str = ""


def seats_taken(event: EventPage) -> int:
    total = Registration.objects.filter(event=event, status__in=Registration.HOLDING).aggregate(s=Sum("seats"))["s"]
    return total or 0


def seats_left(event: EventPage) -> int:
    return max(0, event.capacity - seats_taken(event))


def _lock(event: EventPage) -> EventPage:
    """The event's row, locked until the end of the current transaction."""
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


def _lock_registration(registration: Registration) -> Registration:
    return Registration.objects.select_for_update(of=("self",)).select_related("event").get(pk=registration.pk)


def _enterprise_seats(event: EventPage, enterprise: Any, exclude: Registration | None = None) -> int:
    qs = Registration.objects.filter(event=event, enterprise=enterprise, status__in=Registration.ACTIVE)
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    return qs.aggregate(s=Sum("seats"))["s"] or 0


def _limit_message(event: EventPage, used: int) -> str:
    return _("Mỗi doanh nghiệp đăng ký tối đa %(limit)s người cho sự kiện này (đã đăng ký %(used)s).") % {
        "limit": event.max_seats_per_enterprise,
        "used": used,
    }
