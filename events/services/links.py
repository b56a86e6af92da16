"""The attendee's links: manage (change, cancel), after the event, and check-in."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

from ..models import Registration
from ..tokens import AFTER_SALT, CHECK_IN_SALT, MANAGE_SALT, make_token


def absolute_url(path: str, request: HttpRequest | None = None) -> str:
    if request is not None:
        return request.build_absolute_uri(path)
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    base = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/") + path


def manage_url(registration: Registration, request: HttpRequest | None = None, absolute: bool = False) -> str:
    """The attendee's link: until the event ends it can change or cancel; e-mails sent after
    the event carry an "after" link (feedback, certificate) that lives longer (events.tokens)."""
    salt = AFTER_SALT if registration.event.is_past else MANAGE_SALT
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        path = reverse("events:manage", args=[make_token(registration, salt=salt)])
    return absolute_url(path, request) if absolute else path


@transaction.atomic
def renew_links(registration: Registration, request: HttpRequest | None = None) -> Registration:
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


def check_in_url(registration: Registration, request: HttpRequest | None = None, base_url: str = "") -> str:
    path = reverse("events_admin:check_in_token", args=[make_token(registration, salt=CHECK_IN_SALT)])
    return base_url.rstrip("/") + path if base_url else absolute_url(path, request)
