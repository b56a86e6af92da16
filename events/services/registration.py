"""Registration: an attendee registers, changes or cancels; an organiser approves or rejects.

Refused requests write nothing and say why (`Outcome.message`, `Outcome.field`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enterprises.services import find_by_tax_code, get_or_create_pending
from enterprises.validators import normalize_tax_code, validate_tax_code

from ..models import EventPage, Registration
from .links import manage_url
from .mail import _queue
from .seats import Outcome, S, _enterprise_seats, _limit_message, _lock, _lock_registration, _lock_seats, seats_taken
from .waiting_list import _release, offer_freed_seats

DUPLICATE_MESSAGE = gettext_lazy(
    "Địa chỉ thư điện tử này đã đăng ký sự kiện. Hãy dùng đường dẫn trong thư xác nhận để xem, sửa hoặc hủy đăng ký."
)


# --- Attendees ----------------------------------------------------------------------------
def _in(statuses: Sequence[str]) -> str:
    # Status choices of the model, never input.
    return "status IN ({})".format(", ".join(f"'{status}'" for status in statuses))


# The figures `register` decides on, in one statement over the event's registrations (plain
# SQL: under a rush it runs twice per registration, once holding the seat lock, and the ORM
# spent more time building the four filtered aggregates than the database spent running them).
# CASE rather than FILTER: the same SQL on SQLite and PostgreSQL.
# Only the model's table and status choices are formatted in (S608).
FIGURES_SQL = f"""
SELECT
    COALESCE(SUM(CASE WHEN {_in(Registration.HOLDING)} THEN seats ELSE 0 END), 0),
    COALESCE(SUM(CASE WHEN email = %s AND NOT {_in([S.CANCELLED, S.REJECTED])} THEN 1 ELSE 0 END), 0),
    MAX(CASE WHEN submission_key = %s THEN id END),
    COALESCE(SUM(CASE WHEN enterprise_id = %s AND {_in(Registration.ACTIVE)} THEN seats ELSE 0 END), 0)
FROM {Registration._meta.db_table}
WHERE event_id = %s
"""  # noqa: S608


def _figures(event: EventPage, email: str, key: str | None, enterprise: Any = None) -> dict[str, Any]:
    """In one query over the event's registrations: seats taken, the enterprise's seats, an
    active registration of this e-mail, the registration of this submission key."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(FIGURES_SQL, [email, key, enterprise.pk if enterprise is not None else None, event.pk])
        taken, duplicate, repeated, used = cursor.fetchone()
    return {"taken": int(taken), "duplicate": int(duplicate), "repeated": repeated, "used": int(used)}


def _repeated(pk: int) -> Outcome:
    """A second click or a resubmitted form: the first one already counted."""
    repeated = Registration.objects.select_related("event").get(pk=pk)
    return Outcome(True, repeated, manage_url=manage_url(repeated))


def _refusal(event: EventPage, figures: dict[str, Any], seats: int, now: datetime) -> Outcome | None:
    """Why the registration is refused (None: it is accepted), from the figures."""
    if event.registration_state(now) != "open":
        return Outcome(False, message=_("Sự kiện hiện không nhận đăng ký."))
    if figures["duplicate"]:
        return Outcome(False, field="email", message=str(DUPLICATE_MESSAGE))
    if figures["used"] + seats > event.max_seats_per_enterprise:
        return Outcome(False, field="seats", message=_limit_message(event, figures["used"]))
    return None


def register(
    event: EventPage,
    data: dict[str, Any],
    *,
    language: str = "vi",
    request: HttpRequest | None = None,
    now: datetime | None = None,
) -> Outcome:
    """Register for the event from a validated form's data. Returns an Outcome: a clear
    message (and the form field it concerns) when refused.

    One transaction: an unknown enterprise is recorded as pending, then the seat lock (the
    event's row) is held for four queries: the lock, one query of the event's figures (seats
    taken, the enterprise's seats, this e-mail, this submission key), the registration and its
    queued e-mail. A refusal rolls the whole transaction back, so it leaves nothing behind, not
    even the pending enterprise. The e-mail's task and the seats shown on cached pages follow
    the commit."""
    now = now or timezone.now()
    try:
        validate_tax_code(normalize_tax_code(data["tax_code"]))
    except ValidationError as error:
        return Outcome(False, field="tax_code", message=" ".join(error.messages))
    enterprise = find_by_tax_code(data["tax_code"], fields=("name", "tax_code"))
    try:
        return _register(event, data, enterprise, language, request, now)
    except _EnterpriseRace:
        # Another first registration of the same new tax code committed its enterprise
        # first: register again with that one.
        enterprise = find_by_tax_code(data["tax_code"], fields=("name", "tax_code"))
        return _register(event, data, enterprise, language, request, now)


class _EnterpriseRace(Exception):
    pass


def _register(
    event: EventPage,
    data: dict[str, Any],
    enterprise: Any,
    language: str,
    request: HttpRequest | None,
    now: datetime,
) -> Outcome:
    email = data["email"].strip().lower()
    key = data.get("submission_key") or None
    seats = data["seats"]
    try:
        with transaction.atomic():
            if enterprise is None:
                try:
                    # No savepoint of its own: a duplicate tax code breaks this transaction,
                    # which is rolled back and tried again (_EnterpriseRace).
                    enterprise, _created = get_or_create_pending(
                        data["tax_code"],
                        data["enterprise_name"],
                        known_missing=True,
                        savepoint=False,
                        contact_name=data["attendee_name"],
                        email=email,
                        phone=data.get("phone", ""),
                    )
                except IntegrityError as error:
                    raise _EnterpriseRace from error
            event = _lock_seats(event)
            figures = _figures(event, email, key, enterprise)
            outcome = _repeated(figures["repeated"]) if figures["repeated"] else _refusal(event, figures, seats, now)
            if outcome is not None:
                transaction.set_rollback(True)  # nothing kept: no registration, no pending enterprise
                return outcome
            if seats <= event.capacity - figures["taken"]:
                status = S.PENDING if event.needs_approval else S.CONFIRMED
            else:
                status = S.WAITING
            registration = Registration.objects.create(
                event=event,
                enterprise=enterprise,
                enterprise_name=enterprise.name,
                tax_code=enterprise.tax_code,
                attendee_name=data["attendee_name"].strip(),
                position=data.get("position", "").strip(),
                email=email,
                phone=data.get("phone", "").strip(),
                seats=seats,
                status=status,
                language=language or settings.LANGUAGE_CODE,
                submission_key=key,
                waitlisted_at=now if status == S.WAITING else None,
                confirmed_at=now if status == S.CONFIRMED else None,
            )
            _queue(
                {S.CONFIRMED: "confirmation", S.PENDING: "pending", S.WAITING: "waiting"}[status], registration, request
            )
    except IntegrityError:
        # Another request inserted the same attendee (or the same submission) meanwhile.
        repeated = Registration.objects.filter(submission_key=key).first() if key else None
        if repeated is not None:
            return Outcome(True, repeated, manage_url=manage_url(repeated))
        return Outcome(False, field="email", message=str(DUPLICATE_MESSAGE))
    return Outcome(True, registration, manage_url=manage_url(registration))


def cancel(
    registration: Registration,
    *,
    reason: str = "attendee",
    request: HttpRequest | None = None,
    now: datetime | None = None,
) -> Outcome:
    with transaction.atomic():
        event = _lock(registration.event)
        registration = _lock_registration(registration)
        registration.event = event
        if registration.status in (S.CANCELLED, S.REJECTED, S.ATTENDED):
            return Outcome(False, registration, message=_("Đăng ký này không thể hủy nữa."))
        _release(registration, reason, request=request, now=now)
    return Outcome(True, registration, message=_("Đã hủy đăng ký."))


def change_registration(
    registration: Registration,
    data: dict[str, Any],
    *,
    request: HttpRequest | None = None,
    now: datetime | None = None,
) -> Outcome:
    """Change the attendee's details or the number of people, within the limits."""
    with transaction.atomic():
        event = _lock(registration.event)
        registration = _lock_registration(registration)
        registration.event = event
        if not registration.is_active or event.is_past:
            return Outcome(False, registration, message=_("Đăng ký này không thể thay đổi nữa."))
        for name in ("attendee_name", "position", "phone"):
            if name in data:
                setattr(registration, name, data[name].strip())
        seats = data.get("seats", registration.seats)
        extra = seats - registration.seats
        if extra > 0:
            used = _enterprise_seats(event, registration.enterprise, exclude=registration)
            if used + seats > event.max_seats_per_enterprise:
                return Outcome(False, registration, field="seats", message=_limit_message(event, used))
            if registration.holds_seats and extra > event.capacity - seats_taken(event):
                return Outcome(
                    False, registration, field="seats", message=_("Không còn đủ chỗ trống để tăng số người.")
                )
        registration.seats = seats
        registration.save()
        if extra < 0 and registration.holds_seats:
            offer_freed_seats(event, request=request, now=now)
        _queue("changed", registration, request)
    return Outcome(True, registration, message=_("Đã lưu thay đổi."))


# --- Organisers ----------------------------------------------------------------------------
def approve(registration: Registration, *, request: HttpRequest | None = None, now: datetime | None = None) -> Outcome:
    now = now or timezone.now()
    with transaction.atomic():
        _lock(registration.event)
        registration = _lock_registration(registration)
        if registration.status != S.PENDING:
            return Outcome(False, registration, message=_("Đăng ký không ở trạng thái chờ duyệt."))
        registration.status = S.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at", "updated_at"])
        _queue("confirmation", registration, request)
    return Outcome(True, registration, message=_("Đã duyệt đăng ký."))


def reject(registration: Registration, *, request: HttpRequest | None = None, now: datetime | None = None) -> Outcome:
    with transaction.atomic():
        event = _lock(registration.event)
        registration = _lock_registration(registration)
        registration.event = event
        if registration.status not in (S.PENDING, S.WAITING):
            return Outcome(False, registration, message=_("Chỉ từ chối được đăng ký đang chờ."))
        _release(registration, "rejected", request=request, email_kind="rejected", now=now)
    return Outcome(True, registration, message=_("Đã từ chối đăng ký."))
