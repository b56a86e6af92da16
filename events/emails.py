"""E-mails of the events app, through an outbox.

`queue_email` renders the message in the attendee's language and stores it in the same
transaction as the change it reports; after the commit a django-tasks task sends it. A
failure leaves the row pending with a back-off, for the worker's retry or for
`manage.py send_event_emails`, so a registration is never lost to a mail server outage.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import EventPage, OutboxEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# The .ics goes with the messages that put the event in the attendee's diary.
WITH_CALENDAR = {"confirmation", "reminder"}
WITH_QR = {"confirmation", "reminder"}


def _subject(kind, title, extra):
    subjects = {
        "confirmation": _("Xác nhận đăng ký: %(title)s"),
        "pending": _("Đã nhận đăng ký, chờ duyệt: %(title)s"),
        "waiting": _("Bạn đang trong danh sách chờ: %(title)s"),
        "offer": _("Có chỗ trống cho bạn: %(title)s"),
        "offer_expired": _("Lời mời nhận chỗ đã hết hạn: %(title)s"),
        "cancelled": _("Đã hủy đăng ký: %(title)s"),
        "rejected": _("Đăng ký không được duyệt: %(title)s"),
        "changed": _("Đã cập nhật đăng ký: %(title)s"),
        "reminder": _("Nhắc lịch ngày mai: %(title)s"),
        "feedback": _("Mời góp ý sau sự kiện: %(title)s"),
    }
    if kind == "message":
        return extra.get("subject") or title
    return subjects[kind] % {"title": title}


def localized_event(event, language):
    """The event page in the attendee's language when it has been translated."""
    if event.locale.language_code == language:
        return event
    translated = EventPage.objects.filter(translation_key=event.translation_key, locale__language_code=language).first()
    return translated or event


def render(row, registration=None, request=None, **extra):
    """Subject and body of an outbox row, in the registrant's language."""
    from .services import absolute_url, manage_url

    registration = registration or row.registration
    base = row.base_url.rstrip("/")

    def url(path):
        return base + path if base else absolute_url(path, request)

    language = registration.language or settings.LANGUAGE_CODE
    with translation.override(language):
        event = localized_event(registration.event, language)
        context = {
            "kind": row.kind,
            "registration": registration,
            "event": event,
            "manage_url": url(manage_url(registration)),
            "event_url": url(event.url or "/"),
            **extra,
        }
        subject = _subject(row.kind, event.title, extra)
        body = render_to_string("events/email/message.txt", context)
    return subject[:255], body


def queue_email(kind, registration, request=None, **extra):
    """Store an e-mail for the registrant and send it after the commit. Only the organisers'
    messages are rendered now (their text is the content); the others are rendered when sent,
    so the transaction that changes seats stays short."""
    row = OutboxEmail(
        kind=kind,
        registration=registration,
        to_email=registration.email,
        base_url=request.build_absolute_uri("/") if request is not None else "",
        attach_ics=kind in WITH_CALENDAR,
        attach_qr=kind in WITH_QR,
    )
    if kind == "message":
        row.subject, row.body = render(row, registration, request, **extra)
    row.save()
    transaction.on_commit(lambda: _enqueue(row.pk))
    return row


def _enqueue(pk, run_after=None):
    from .tasks import deliver_email

    task = deliver_email
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return
        task = task.using(run_after=run_after)
    task.enqueue(pk)


def _build(row):
    message = EmailMultiAlternatives(row.subject, row.body, settings.DEFAULT_FROM_EMAIL, [row.to_email])
    registration = row.registration
    if registration is not None and row.attach_ics:
        from .ical import build_calendar

        event = localized_event(registration.event, registration.language)
        calendar = build_calendar([event], attendee=registration)
        message.attach("su-kien.ics", calendar.to_ical(), "text/calendar; charset=utf-8; method=PUBLISH")
    if registration is not None and row.attach_qr:
        import io

        import segno

        from .services import check_in_url

        buffer = io.BytesIO()
        segno.make(check_in_url(registration, base_url=row.base_url), error="m").save(
            buffer, kind="png", scale=8, border=2
        )
        message.attach("ma-diem-danh.png", buffer.getvalue(), "image/png")
    return message


def backoff(attempts):
    return timedelta(minutes=min(2**attempts, 240))


def deliver(pk, now=None):
    """Send one outbox row. Returns "sent", "retry", "failed" or "skipped"."""
    with transaction.atomic():
        row = (
            OutboxEmail.objects.select_for_update(of=("self",))
            .select_related("registration__event")
            .filter(pk=pk, status=OutboxEmail.Status.PENDING)
            .first()
        )
        if row is None:
            return "skipped"
        now = now or timezone.now()
        row.attempts += 1
        try:
            if not row.body:
                row.subject, row.body = render(row)
            _build(row).send()
        except Exception as exc:  # any transport error: keep the row and try again later
            logger.warning("E-mail %s to %s failed (attempt %s): %s", row.pk, row.to_email, row.attempts, exc)
            row.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            if row.attempts >= MAX_ATTEMPTS:
                row.status = OutboxEmail.Status.FAILED
                row.save()
                return "failed"
            row.next_attempt_at = now + backoff(row.attempts)
            row.save()
            retry_at = row.next_attempt_at
            transaction.on_commit(lambda: _enqueue(pk, run_after=retry_at))
            return "retry"
        row.status = OutboxEmail.Status.SENT
        row.sent_at = now
        row.last_error = ""
        row.save()
        return "sent"


def send_due(now=None):
    """Send every pending row that is due (first tries the worker missed and retries)."""
    now = now or timezone.now()
    due = OutboxEmail.objects.filter(status=OutboxEmail.Status.PENDING).filter(
        next_attempt_at__isnull=True, created_at__lte=now
    ) | OutboxEmail.objects.filter(status=OutboxEmail.Status.PENDING, next_attempt_at__lte=now)
    results = [deliver(pk, now=now) for pk in due.values_list("pk", flat=True)]
    return results.count("sent"), len(results)
