"""The one outgoing-mail pipeline of the site.

`queue_mail` renders a message in the recipient's language and stores it as an
`OutgoingMail` row in the caller's transaction; after the commit a background task sends it,
outside any lock. A failed send is retried with a back-off; after `MAX_ATTEMPTS` the row is
"failed" and programme editors see it in the admin's failures list, where they can resend it.
A message with nobody to send to is kept as "unreachable" for the same list.

Templates: `<template>/subject.txt`, `<template>/body.txt` and, optionally,
`<template>/body.html`, rendered with the context plus `base_url` (the site's real address).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import TemplateDoesNotExist, render_to_string
from django.utils import timezone, translation
from django.utils.html import linebreaks
from django.utils.module_loading import import_string

from .models import OutgoingMail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6


def site_url(path: str = "") -> str:
    """The site's real public address (`SITE_BASE_URL`, else Wagtail's admin base URL) + path."""
    base = (getattr(settings, "SITE_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL).rstrip("/")
    return base + path if path else base


def render_message(template: str, context: dict[str, Any], language: str) -> tuple[str, str, str]:
    """Subject, plain text and HTML of `template` in `language`."""
    context = {"base_url": site_url(), "language": language, **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}/subject.txt", context).split())
        text = render_to_string(f"{template}/body.txt", context).strip() + "\n"
        try:
            html: str = render_to_string(f"{template}/body.html", context)
        except TemplateDoesNotExist:
            html = linebreaks(text, autoescape=True)
    return subject[:255], text, html


def _recipients(to: str | Iterable[str] | None) -> list[str]:
    if not to:
        return []
    items = [to] if isinstance(to, str) else list(to)
    return sorted({address.strip() for address in items if address and address.strip()})


def queue_mail(
    kind: str,
    to: str | Iterable[str] | None,
    template: str = "",
    context: dict[str, Any] | None = None,
    *,
    language: str | None = None,
    related: Any = None,
    renderer: str = "",
    created_by: Any = None,
    rendered: tuple[str, str, str] | None = None,
) -> OutgoingMail:
    """Store an e-mail and send it after the current transaction commits.

    Either `template` (rendered now, in `language`) or `renderer` (a dotted path to
    `render(mail) -> (subject, text, html, attachments)`, called by the worker when it sends,
    so a busy request stays short), or `rendered` (subject, text, html) already written.
    `related` ties the row to the object it reports.
    """
    language = language or settings.LANGUAGE_CODE
    mail = OutgoingMail(kind=kind, to=_recipients(to), language=language, renderer=renderer, created_by=created_by)
    if related is not None:
        mail.related_type = related._meta.label_lower
        mail.related_id = str(related.pk)
    if template:
        mail.subject, mail.body_text, mail.body_html = render_message(template, context or {}, language)
    elif rendered is not None:
        mail.subject, mail.body_text, mail.body_html = rendered[0][:255], rendered[1], rendered[2]
    if not mail.to:
        mail.status = OutgoingMail.Status.UNREACHABLE
        mail.last_error = "no recipient"
        mail.save()
        logger.warning("E-mail %s has no recipient (%s %s)", kind, mail.related_type, mail.related_id)
        return mail
    mail.save()
    transaction.on_commit(lambda: enqueue(mail.pk))
    return mail


# New rows are sent by one "drain" task per burst when the backend is a real queue (it can
# defer): under a registration rush a task row per e-mail was one of the request's four
# inserts. A drain is marked queued in the shared cache until it starts; a request that sees
# the mark queues nothing, since the drain reads the pending rows only after it clears the
# mark, so a row committed before the check is among them. With the cache down (no mark
# read) or a mark lost to a race, the row gets its own task, as before.
DRAIN_KEY = "mail:drain-queued"
# A drain not started after this long (a busy worker, or its task row lost): the next row
# queues another. At most one extra task a minute; `send_due` catches anything left.
DRAIN_SECONDS = 60


def enqueue(pk: int, run_after: datetime | None = None) -> None:
    """Hand a row to the task backend; a backend error leaves it for `send_due`."""
    from .tasks import deliver_mail, drain_mail

    task = deliver_mail
    try:
        if run_after is not None:
            if not task.get_backend().supports_defer:
                return
            task = task.using(run_after=run_after)
        elif task.get_backend().supports_defer:
            if cache.get(DRAIN_KEY):
                return  # the queued drain will send it
            if cache.add(DRAIN_KEY, 1, DRAIN_SECONDS):
                drain_mail.enqueue()
                return
        task.enqueue(pk)
    except Exception:  # the queue being down must never fail the request that wrote the row
        logger.exception("Could not enqueue e-mail %s; send_due will pick it up", pk)


def drain() -> tuple[int, int]:
    """Send every new row (never tried yet): the drain task. The mark is cleared first, so a
    row committed after this read queues a new drain. Rows a concurrent drain claimed are
    skipped by `deliver`. Returns (sent, tried)."""
    cache.delete(DRAIN_KEY)
    fresh = OutgoingMail.objects.filter(status=OutgoingMail.Status.PENDING, attempts=0).order_by("pk")
    results = [deliver(pk) for pk in fresh.values_list("pk", flat=True)]
    return results.count("sent"), len(results)


def backoff(attempts: int) -> timedelta:
    return timedelta(minutes=min(2**attempts, 240))


def _build(mail: OutgoingMail, attachments: list[tuple[str, bytes, str]]) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(mail.subject, mail.body_text, settings.DEFAULT_FROM_EMAIL, mail.to)
    if mail.body_html:
        message.attach_alternative(mail.body_html, "text/html")
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    return message


def deliver(pk: int, now: datetime | None = None) -> str:
    """Send one row. Returns "sent", "retry", "failed" or "skipped".

    The row is claimed (attempts counted) in a short transaction and sent after it, so a slow
    or hung mail server never holds a database lock."""
    now = now or timezone.now()
    with transaction.atomic():
        mail = OutgoingMail.objects.select_for_update().filter(pk=pk, status=OutgoingMail.Status.PENDING).first()
        if mail is None or (mail.next_attempt_at and mail.next_attempt_at > now and mail.attempts):
            return "skipped"
        mail.attempts += 1
        mail.next_attempt_at = now + backoff(mail.attempts)
        mail.save(update_fields=["attempts", "next_attempt_at"])
    try:
        attachments: list[tuple[str, bytes, str]] = []
        if mail.renderer:
            with translation.override(mail.language):
                mail.subject, mail.body_text, mail.body_html, attachments = import_string(mail.renderer)(mail)
        _build(mail, attachments).send()
    except Exception as exc:  # any rendering or transport error: keep the row, try again later
        logger.warning("E-mail %s to %s failed (attempt %s): %s", mail.pk, mail.to, mail.attempts, exc)
        mail.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        if mail.attempts >= MAX_ATTEMPTS:
            mail.status = OutgoingMail.Status.FAILED
            mail.save(update_fields=["status", "last_error"])
            return "failed"
        mail.save(update_fields=["last_error"])
        enqueue(mail.pk, run_after=mail.next_attempt_at)
        return "retry"
    mail.status = OutgoingMail.Status.SENT
    mail.sent_at = timezone.now()
    mail.last_error = ""
    mail.save(update_fields=["status", "sent_at", "last_error", "subject", "body_text", "body_html"])
    return "sent"


def send_due(now: datetime | None = None) -> tuple[int, int]:
    """Send every pending row that is due (what the worker missed, and retries)."""
    now = now or timezone.now()
    due = OutgoingMail.objects.filter(status=OutgoingMail.Status.PENDING).exclude(next_attempt_at__gt=now)
    results = [deliver(pk, now=now) for pk in due.values_list("pk", flat=True)]
    return results.count("sent"), len(results)


def resend(mail: OutgoingMail) -> None:
    """Put a failed row back in the queue (the admin's resend action)."""
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=OutgoingMail.Status.PENDING, attempts=0, next_attempt_at=None, last_error=""
    )
    transaction.on_commit(lambda: enqueue(mail.pk))
