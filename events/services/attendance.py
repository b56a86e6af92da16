"""On the day and after: check-in, attendees' feedback, and the attendance figures."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import EventPage, Feedback, Registration
from .seats import Outcome, S, _lock_registration, seats_taken


def check_in(registration: Registration, *, now: datetime | None = None) -> Outcome:
    now = now or timezone.now()
    with transaction.atomic():
        registration = _lock_registration(registration)
        if registration.status == S.ATTENDED:
            return Outcome(True, registration, message=_("Người này đã điểm danh trước đó."))
        if registration.status not in (S.CONFIRMED, S.PENDING, S.OFFERED):
            return Outcome(
                False,
                registration,
                message=_("Không điểm danh được: đăng ký đang ở trạng thái “%(status)s”.")
                % {"status": registration.get_status_display()},
            )
        registration.status = S.ATTENDED
        registration.checked_in_at = now
        registration.save(update_fields=["status", "checked_in_at", "updated_at"])
    return Outcome(True, registration, message=_("Đã điểm danh."))


def save_feedback(registration: Registration, data: dict[str, Any]) -> Feedback:
    feedback, _created = Feedback.objects.update_or_create(registration=registration, defaults=data)
    return feedback


def attendance_figures(event: EventPage) -> dict[str, Any]:
    rows = Registration.objects.filter(event=event).values("status").annotate(n=Count("id"), seats=Sum("seats"))
    by_status = {row["status"]: {"registrations": row["n"], "seats": row["seats"] or 0} for row in rows}
    expected = sum(by_status.get(s, {}).get("seats", 0) for s in (S.CONFIRMED, S.ATTENDED))
    attended = by_status.get(S.ATTENDED, {}).get("seats", 0)
    feedback = Feedback.objects.filter(registration__event=event).aggregate(
        n=Count("id"), useful=Count("id", filter=Q(useful=True)), rating=Sum("rating")
    )
    return {
        "by_status": [(label, by_status.get(value, {"registrations": 0, "seats": 0})) for value, label in S.choices],
        "capacity": event.capacity,
        "seats_taken": seats_taken(event),
        "expected": expected,
        "attended": attended,
        "attendance_rate": round(100 * attended / expected) if expected else None,
        "feedback_count": feedback["n"],
        "feedback_useful": feedback["useful"],
        "average_rating": round(feedback["rating"] / feedback["n"], 1) if feedback["n"] else None,
    }
