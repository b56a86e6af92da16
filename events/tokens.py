"""Signed tokens for the links sent by e-mail: no account is needed to view, change or
cancel a registration, and a forged or altered token is refused."""

from django.core import signing

MANAGE_SALT = "events.registration.manage"
CHECK_IN_SALT = "events.registration.check-in"


def make_token(registration, salt=MANAGE_SALT):
    return signing.dumps(registration.pk, salt=salt)


def read_token(token, salt=MANAGE_SALT):
    """The registration id in a token, or None for a forged or damaged token."""
    try:
        value = signing.loads(token, salt=salt)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
