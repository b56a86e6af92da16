"""The events app's domain logic: capacity, registration, waiting list, offers, approval,
check-in, reminders, and the small interface other apps use.

Every change to seats happens inside `transaction.atomic()` with the event's row locked
(`select_for_update`), so concurrent registrations queue on the lock and capacity is
never exceeded. On SQLite the IMMEDIATE transaction mode serialises writers instead.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q, Sum
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enterprises.services import find_by_tax_code, get_or_create_pending
from enterprises.validators import normalize_tax_code, validate_tax_code

from .models import EventPage, Feedback, Registration
from .tokens import AFTER_SALT, CHECK_IN_SALT, MANAGE_SALT, make_token

S = Registration.Status

__all__ = [
    "accept_offer",
    "absolute_url",
    "approve",
    "attendance_figures",
    "cancel",
    "change_registration",
    "check_in",
    "expire_offers",
    "manage_url",
    "message_attendees",
    "register",
    "reject",
    "renew_links",
    "request_feedback",
    "seats_left",
    "seats_taken",
    "send_reminders",
    "upcoming_events",
    "year_statistics",
]


@dataclass
class Outcome:
    ok: bool
    registration: Registration | None = None
    message: str = ""
    field: str | None = None
    manage_url: str = ""


# --- URLs -------------------------------------------------------------------------------
def absolute_url(path, request=None):
    if request is not None:
        return request.build_absolute_uri(path)
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    base = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/") + path


def manage_url(registration, request=None, absolute=False):
    """The attendee's link: until the event ends it can change or cancel; e-mails sent after
    the event carry an "after" link (feedback, certificate) that lives longer (events.tokens)."""
    salt = AFTER_SALT if registration.event.is_past else MANAGE_SALT
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        path = reverse("events:manage", args=[make_token(registration, salt=salt)])
    return absolute_url(path, request) if absolute else path


@transaction.atomic
def renew_links(registration, request=None):
    """Revoke every link sent so far (manage, after-event and check-in) and e-mail a new one."""
    from core.mail import queue_mail

    Registration.objects.filter(pk=registration.pk).update(link_version=F("link_version") + 1)
    registration.refresh_from_db(fields=["link_version"])
    queue_mail(
        "events.new_link",
        registration.email,
        "events/email/new_link",
        {
            "registration": registration,
            "event": registration.event,
            "manage_url": manage_url(registration, request, absolute=True),
        },
        language=registration.language or settings.LANGUAGE_CODE,
        related=registration,
    )
    return registration


def check_in_url(registration, request=None, base_url=""):
    path = reverse("events_admin:check_in_token", args=[make_token(registration, salt=CHECK_IN_SALT)])
    return base_url.rstrip("/") + path if base_url else absolute_url(path, request)


# --- Capacity ---------------------------------------------------------------------------
def seats_taken(event):
    total = Registration.objects.filter(event=event, status__in=Registration.HOLDING).aggregate(s=Sum("seats"))["s"]
    return total or 0


def seats_left(event):
    return max(0, event.capacity - seats_taken(event))


def _lock(event):
    """The event's row, locked until the end of the current transaction."""
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


def _lock_registration(registration):
    return Registration.objects.select_for_update(of=("self",)).select_related("event").get(pk=registration.pk)


def _queue(kind, registration, request=None, **extra):
    from .emails import queue_email

    return queue_email(kind, registration, request=request, **extra)


def _enterprise_seats(event, enterprise, exclude=None):
    qs = Registration.objects.filter(event=event, enterprise=enterprise, status__in=Registration.ACTIVE)
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    return qs.aggregate(s=Sum("seats"))["s"] or 0


def _limit_message(event, used):
    return _("Mỗi doanh nghiệp đăng ký tối đa %(limit)s người cho sự kiện này (đã đăng ký %(used)s).") % {
        "limit": event.max_seats_per_enterprise,
        "used": used,
    }


DUPLICATE_MESSAGE = gettext_lazy(
    "Địa chỉ thư điện tử này đã đăng ký sự kiện. Hãy dùng đường dẫn trong thư xác nhận để xem, sửa hoặc hủy đăng ký."
)


# --- Registration -------------------------------------------------------------------------
def register(event, data, *, language="vi", request=None, now=None):
    """Register for the event from a validated form's data. Returns an Outcome: a clear
    message (and the form field it concerns) when refused."""
    now = now or timezone.now()
    email = data["email"].strip().lower()
    key = data.get("submission_key") or None
    # The enterprise is looked up before the event is locked; an unknown one is recorded as
    # pending only once every check has passed: a refused registration writes nothing.
    try:
        validate_tax_code(normalize_tax_code(data["tax_code"]))
    except ValidationError as error:
        return Outcome(False, field="tax_code", message=" ".join(error.messages))
    enterprise = find_by_tax_code(data["tax_code"])
    try:
        with transaction.atomic():
            event = _lock(event)
            same = Q(event=event, email=email) & ~Q(status__in=[S.CANCELLED, S.REJECTED])
            existing = list(Registration.objects.filter(same | Q(submission_key=key) if key else same))
            repeated = next((r for r in existing if key and r.submission_key == key), None)
            if repeated is not None:
                # A second click or a resubmitted form: the first one already counted.
                return Outcome(True, repeated, manage_url=manage_url(repeated))
            state = event.registration_state(now)
            if state != "open":
                return Outcome(False, message=_("Sự kiện hiện không nhận đăng ký."))
            if existing:
                return Outcome(False, field="email", message=str(DUPLICATE_MESSAGE))
            seats = data["seats"]
            used = _enterprise_seats(event, enterprise) if enterprise is not None else 0
            if used + seats > event.max_seats_per_enterprise:
                return Outcome(False, field="seats", message=_limit_message(event, used))
            if seats <= event.capacity - seats_taken(event):
                status = S.PENDING if event.needs_approval else S.CONFIRMED
            else:
                status = S.WAITING
            if enterprise is None:
                enterprise, _created = get_or_create_pending(
                    data["tax_code"],
                    data["enterprise_name"],
                    contact_name=data["attendee_name"],
                    email=email,
                    phone=data.get("phone", ""),
                )
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


def offer_freed_seats(event, request=None, now=None):
    """Offer free seats to the waiting list, oldest first; a registration that does not fit
    the seats left is passed over for later ones that do. The event must be locked."""
    now = now or timezone.now()
    if event.start <= now:
        return []
    left = event.capacity - seats_taken(event)
    offered = []
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


def _schedule_expiry(when):
    from .tasks import expire_offers_task

    backend = expire_offers_task.get_backend()
    if backend.supports_defer:
        transaction.on_commit(lambda: expire_offers_task.using(run_after=when + timedelta(seconds=5)).enqueue())


def _release(registration, reason, request=None, email_kind="cancelled", now=None):
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


def cancel(registration, *, reason="attendee", request=None, now=None):
    with transaction.atomic():
        event = _lock(registration.event)
        registration = _lock_registration(registration)
        registration.event = event
        if registration.status in (S.CANCELLED, S.REJECTED, S.ATTENDED):
            return Outcome(False, registration, message=_("Đăng ký này không thể hủy nữa."))
        _release(registration, reason, request=request, now=now)
    return Outcome(True, registration, message=_("Đã hủy đăng ký."))


def accept_offer(registration, *, request=None, now=None):
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


def expire_offers(now=None):
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


def change_registration(registration, data, *, request=None, now=None):
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
def approve(registration, *, request=None, now=None):
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


def reject(registration, *, request=None, now=None):
    with transaction.atomic():
        event = _lock(registration.event)
        registration = _lock_registration(registration)
        registration.event = event
        if registration.status not in (S.PENDING, S.WAITING):
            return Outcome(False, registration, message=_("Chỉ từ chối được đăng ký đang chờ."))
        _release(registration, "rejected", request=request, email_kind="rejected", now=now)
    return Outcome(True, registration, message=_("Đã từ chối đăng ký."))


def check_in(registration, *, now=None):
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


def send_reminders(now=None):
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


def message_attendees(event, subject, body, *, statuses=None, request=None):
    statuses = statuses or [S.CONFIRMED, S.PENDING, S.ATTENDED]
    count = 0
    with transaction.atomic():
        for registration in Registration.objects.filter(event=event, status__in=statuses).select_related("event"):
            _queue("message", registration, request, subject=subject, message=body)
            count += 1
    return count


def request_feedback(event, *, request=None, now=None):
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


def save_feedback(registration, data):
    feedback, _created = Feedback.objects.update_or_create(registration=registration, defaults=data)
    return feedback


def attendance_figures(event):
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


# --- For other apps ------------------------------------------------------------------------
def upcoming_events(limit=3, pillars=None, locale=None):
    """The next live events (not yet ended) in the locale (a language code or Locale; default:
    the active language), soonest first; `pillars` keeps those addressing any of the codes."""
    from wagtail.models import Locale

    if locale is None:
        locale = translation.get_language() or settings.LANGUAGE_CODE
    if isinstance(locale, str):
        locale = Locale.objects.filter(language_code=locale).first() or Locale.get_default()
    qs = EventPage.objects.live().public().filter(locale=locale, end__gt=timezone.now())
    if pillars:
        condition = Q()
        for code in pillars:
            condition |= Q(pillars__contains=code)
        qs = qs.filter(condition)
    return list(qs.select_related("area", "cover_image").order_by("start")[:limit])


def year_statistics(year):
    """{"events", "registrations", "attendees"} for events starting in `year` (in the default
    language, so a translated event counts once): registrations that were not cancelled or
    rejected, and people who attended (their seats)."""
    events = EventPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE, start__year=year)
    registrations = Registration.objects.filter(event__in=events)
    return {
        "events": events.count(),
        "registrations": registrations.exclude(status__in=[S.CANCELLED, S.REJECTED]).count(),
        "attendees": registrations.filter(status=S.ATTENDED).aggregate(s=Sum("seats"))["s"] or 0,
    }


def recommend_events(pillar_codes, request=None):
    """Recommendation provider for the assessment results: upcoming events on the weakest pillars."""
    events = upcoming_events(limit=3, pillars=pillar_codes or None)
    return [{"title": event.title, "url": event.url, "kind": "event"} for event in events]
