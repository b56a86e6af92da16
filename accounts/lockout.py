"""django-axes wiring: who a login attempt is for, where it comes from, what a locked-out
client sees. The admin login posts `username`; the public (allauth) login posts `login` and
authenticates with `email`: both count against the same account name."""

from django.conf import settings
from django.shortcuts import render


def username(request, credentials):
    credentials = credentials or {}
    value = credentials.get("username") or credentials.get("email") or credentials.get("login")
    if not value and request is not None and request.method == "POST":
        value = request.POST.get("login") or request.POST.get("username")
    return (value or "").strip().lower()


def client_ip(request):
    """The client's address. X-Forwarded-For is read only behind a trusted proxy (the one
    that sets X-Forwarded-Proto, TRUST_X_FORWARDED_PROTO), and then only its last entry, the
    one that proxy wrote: anything before it can be forged by the client."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def locked_out(request, response=None, credentials=None):
    minutes = round(float(settings.AXES_COOLOFF_TIME or 0) * 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


from axes.backends import AxesStandaloneBackend  # noqa: E402


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' backend, except that an authentication without a request (a management
    command, the test client's `login()`) is not a login attempt from the web and is let
    through to the next backend. Every web login (Wagtail's, allauth's) passes its request."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

    def get_user(self, user_id):
        # It never authenticates anyone itself, but as the first backend it is the one that
        # helpers such as Wagtail's page test assertions (force_login with
        # AUTHENTICATION_BACKENDS[0]) write into the session: read that session as the model
        # backend does.
        from django.contrib.auth.backends import ModelBackend

        return ModelBackend().get_user(user_id)
