"""Start-up wiring of the core layer: the Wagtail Site's address and admins' language."""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings


def site_address() -> tuple[str, int]:
    """(hostname, port) of SITE_BASE_URL."""
    parts = urlsplit(settings.SITE_BASE_URL)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname or "localhost", port


def sync_site_address(**kwargs: Any) -> None:
    """Give the default Wagtail Site the real public host and port, so feeds' GUIDs, .ics files
    and the sitemap (built from the Site's root URL) carry real addresses, not localhost."""
    from wagtail.models import Site

    hostname, port = site_address()
    Site.objects.filter(is_default_site=True).exclude(hostname=hostname, port=port).update(hostname=hostname, port=port)


def default_admin_language(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    """New users read Wagtail's own notifications (workflow, moderation) in Vietnamese until
    they choose another language in their profile."""
    if not created:
        return
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(instance)
    if not profile.preferred_language:
        profile.preferred_language = settings.LANGUAGE_CODE
        profile.save(update_fields=["preferred_language"])
