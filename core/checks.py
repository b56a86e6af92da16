"""System checks that refuse unsafe production settings (resilience)."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register

from .cache import is_per_process


@register()
def page_cache_needs_a_shared_cache(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Each process keeps its own per-process cache, so after a change the workers would serve
    different, stale pages: the page cache needs a shared cache (Redis) in production."""
    if getattr(settings, "PRODUCTION", False) and getattr(settings, "PAGE_CACHE_SECONDS", 0) and is_per_process():
        return [
            Error(
                "The page cache is on with a per-process cache.",
                hint="Set REDIS_URL (a shared cache) or PAGE_CACHE_SECONDS=0.",
                id="core.E001",
            )
        ]
    return []


@register()
def no_mail_inside_requests(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """With the immediate task backend an e-mail is sent inside the web request: a hung SMTP
    server would hold every registration. Production needs the queue (TASKS_BACKEND=database)."""
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    if (
        getattr(settings, "PRODUCTION", False)
        and backend.endswith("ImmediateBackend")
        and settings.EMAIL_BACKEND.endswith("smtp.EmailBackend")
    ):
        return [
            Error(
                "E-mails would be sent over SMTP inside web requests (immediate task backend).",
                hint="Set TASKS_BACKEND=database and run `manage.py db_worker`.",
                id="core.E002",
            )
        ]
    return []
