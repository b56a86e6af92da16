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

from core.rows import FieldRow

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


# What a registration reads of its event once the seat lock is taken (the rest of the page
# cannot change who gets a seat).
SEAT_FIELDS = (
    "capacity",
    "max_seats_per_enterprise",
    "needs_approval",
    "start",
    "end",
    "registration_opens_at",
    "registration_closes_at",
)


def _lock_seats(event: EventPage) -> EventPage:
    """`_lock` for a new registration: the event's row locked, reading only the fields that
    decide a seat, in plain SQL (no page join, no model built, nothing for the ORM to
    compile), onto a copy of `event`. A rush queues on this lock: the less work each
    registration does, the more registrations a second."""
    from copy import copy

    from django.db import connection

    sql, row = _seat_query(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, [event.pk])
        values = cursor.fetchone()
    if values is None:
        raise EventPage.DoesNotExist
    locked = copy(event)
    for name, value in zip(SEAT_FIELDS, row.values(values), strict=True):
        setattr(locked, name, value)
    return locked


_SEAT_QUERIES: dict[str, tuple[str, FieldRow]] = {}


def _seat_query(connection: Any) -> tuple[str, FieldRow]:
    if connection.alias not in _SEAT_QUERIES:
        meta = EventPage._meta
        row = FieldRow([meta.get_field(name) for name in SEAT_FIELDS], connection)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""  # SQLite serialises writers
        pk = connection.ops.quote_name(meta.pk.column)
        sql = f"SELECT {row.columns} FROM {connection.ops.quote_name(meta.db_table)} WHERE {pk} = %s{lock}"  # noqa: S608
        _SEAT_QUERIES[connection.alias] = (sql, row)
    return _SEAT_QUERIES[connection.alias]


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
