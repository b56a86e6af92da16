"""E-mails of the events app, through the site's one outgoing-mail pipeline (`core.mail`).

`queue_email` stores an `OutgoingMail` row in the same transaction as the change it reports;
after the commit a django-tasks task sends it, retried with a back-off, and programme editors
see failures in the admin's outgoing-mail list. Only the organisers' messages are rendered in
the request (their text is the content); every other message is rendered by the worker when
it sends (`render_mail`, with its .ics and check-in QR code), so the transaction that changes
seats stays short and a slow mail server never holds a registration.
"""

import io

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import linebreaks
from django.utils.translation import gettext as _

from core.mail import queue_mail, site_url

from .models import EventPage, Registration

KIND_PREFIX = "events."
# The .ics goes with the messages that put the event in the attendee's diary.
WITH_CALENDAR = {"confirmation", "reminder"}
WITH_QR = {"confirmation", "reminder"}
RENDERER = "events.emails.render_mail"


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


def render(kind, registration, **extra):
    """Subject, text and HTML of an events e-mail, in the registrant's language, with the
    site's real address in its links (SITE_BASE_URL)."""
    from .services import manage_url

    language = registration.language or settings.LANGUAGE_CODE
    with translation.override(language):
        event = localized_event(registration.event, language)
        context = {
            "kind": kind,
            "registration": registration,
            "event": event,
            "manage_url": site_url(manage_url(registration)),
            "event_url": site_url(event.url or "/"),
            **extra,
        }
        subject = _subject(kind, event.title, extra)
        body = render_to_string("events/email/message.txt", context)
    return subject[:255], body, linebreaks(body, autoescape=True)


def _attachments(kind, registration):
    attachments = []
    if kind in WITH_CALENDAR:
        from .ical import build_calendar

        event = localized_event(registration.event, registration.language)
        calendar = build_calendar([event], attendee=registration)
        attachments.append(("su-kien.ics", calendar.to_ical(), "text/calendar; charset=utf-8; method=PUBLISH"))
    if kind in WITH_QR:
        import segno

        from .services import check_in_url

        buffer = io.BytesIO()
        segno.make(check_in_url(registration, base_url=site_url()), error="m").save(
            buffer, kind="png", scale=8, border=2
        )
        attachments.append(("ma-diem-danh.png", buffer.getvalue(), "image/png"))
    return attachments


def render_mail(mail):
    """The renderer `core.mail.deliver` calls for a queued events e-mail (in the worker)."""
    registration = Registration.objects.select_related("event").get(pk=mail.related_id)
    kind = mail.kind.removeprefix(KIND_PREFIX)
    subject, text, html = render(kind, registration)
    return subject, text, html, _attachments(kind, registration)


def queue_email(kind, registration, request=None, **extra):
    """Store an e-mail for the registrant; it is sent after the commit."""
    if kind == "message":
        return queue_mail(
            KIND_PREFIX + kind,
            registration.email,
            rendered=render(kind, registration, **extra),
            language=registration.language or settings.LANGUAGE_CODE,
            related=registration,
        )
    return queue_mail(
        KIND_PREFIX + kind,
        registration.email,
        renderer=RENDERER,
        language=registration.language or settings.LANGUAGE_CODE,
        related=registration,
    )
