"""Signed tokens for the links sent by e-mail: no account is needed to view, change or
cancel a registration, and a forged or altered token is refused.

Links expire and can be revoked (issue 13):
- the manage link (view, change, cancel) is valid until the event ends;
- after the event, e-mails carry an "after" link (feedback, certificate, documents) valid
  EVENTS_AFTER_LINK_DAYS days after the end;
- the check-in link of the QR code is valid until the end of the day after the event ends.
Each token carries the registration's `link_version`: a new link (`services.renew_links`)
increments it, and every older link is revoked at once.
"""

import datetime
from enum import Enum

from django.conf import settings
from django.core import signing
from django.utils import timezone

MANAGE_SALT = "events.registration.manage"
AFTER_SALT = "events.registration.after"
CHECK_IN_SALT = "events.registration.check-in"
AFTER_EVENT_DAYS = 90


class LinkState(Enum):
    VALID = "valid"
    EXPIRED = "expired"
    REVOKED = "revoked"
    INVALID = "invalid"


def make_token(registration, salt=MANAGE_SALT):
    return signing.dumps({"r": registration.pk, "v": registration.link_version}, salt=salt)


def _payload(token, salt):
    try:
        value = signing.loads(token, salt=salt)
    except signing.BadSignature:
        return None, None
    if isinstance(value, int):  # links sent before versions existed: version 1
        return value, 1
    if isinstance(value, dict) and isinstance(value.get("r"), int) and isinstance(value.get("v"), int):
        return value["r"], value["v"]
    return None, None


def read_token(token, salt=MANAGE_SALT):
    """The registration id in a token, or None for a forged or damaged token (no expiry or
    revocation check: use `check_token` to serve a link)."""
    return _payload(token, salt)[0]


def valid_until(registration, salt):
    event = registration.event
    if salt == MANAGE_SALT:
        return event.end
    if salt == AFTER_SALT:
        return event.end + datetime.timedelta(days=getattr(settings, "EVENTS_AFTER_LINK_DAYS", AFTER_EVENT_DAYS))
    # Check-in: until the end of the day after the event ends, in the site's time zone.
    day_after = timezone.localtime(event.end).date() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day_after, datetime.time.max))


def check_token(token, salts=(MANAGE_SALT,), queryset=None, now=None):
    """(registration, state, salt) for a link: the registration is None unless the token is
    genuine; state says whether it may be used (VALID) or was EXPIRED or REVOKED."""
    from .models import Registration

    queryset = queryset if queryset is not None else Registration.objects.select_related("event", "enterprise")
    now = now or timezone.now()
    for salt in salts:
        pk, version = _payload(token, salt)
        if pk is None:
            continue
        registration = queryset.filter(pk=pk).first()
        if registration is None:
            return None, LinkState.INVALID, salt
        if version != registration.link_version:
            return registration, LinkState.REVOKED, salt
        if now > valid_until(registration, salt):
            return registration, LinkState.EXPIRED, salt
        return registration, LinkState.VALID, salt
    return None, LinkState.INVALID, None
