"""Readiness: what the site depends on, for the proxy, the operators and the fault tests.

`/healthz` (home.views.health) stays a liveness probe. `/readyz` checks the database, the
cache, the task queue and the search backend; it answers 503 only when the database is down
(without it nothing works), and 200 with the failing parts named when the site can still serve
(the cache fails open, e-mails wait in the outbox, search falls back to the database).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

from . import cache as core_cache


def _timed(check: Callable[[], tuple[bool, str]]) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        ok, detail = check()
    except Exception as exc:  # a probe must report, never raise
        ok, detail = False, f"{type(exc).__name__}: {exc}"[:200]
    return {"ok": ok, "detail": detail, "ms": round((time.perf_counter() - started) * 1000, 1)}


def check_database() -> tuple[bool, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return True, connection.vendor


def check_cache() -> tuple[bool, str]:
    ok, detail = core_cache.readiness()
    return ok, detail if ok else f"{detail} (served without the cache; errors {core_cache.stats['errors']})"


def check_tasks() -> tuple[bool, str]:
    from django_tasks import default_task_backend

    from .models import OutgoingMail

    backend = type(default_task_backend).__name__
    pending = OutgoingMail.objects.filter(status=OutgoingMail.Status.PENDING).count()
    failed = OutgoingMail.objects.filter(status=OutgoingMail.Status.FAILED).count()
    detail = f"{backend}; mail pending {pending}, failed {failed}"
    if backend == "DatabaseBackend":
        from django_tasks_db.models import DBTaskResult

        detail += f"; tasks waiting {DBTaskResult.objects.ready().count()}"
    return True, detail


def check_search() -> tuple[bool, str]:
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    client = getattr(backend, "es", None) or getattr(backend, "client", None)
    if client is None:
        return True, type(backend).__module__
    if client.options(request_timeout=2).ping():
        return True, "elasticsearch"
    return False, "elasticsearch unreachable (searches fall back to the database)"


CHECKS = {"database": check_database, "cache": check_cache, "tasks": check_tasks, "search": check_search}


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    results = {"database": _timed(check_database)}
    if results["database"]["ok"]:
        for name in ("cache", "tasks", "search"):
            results[name] = _timed(CHECKS[name])
    status = 200 if results["database"]["ok"] else 503
    overall = "ok" if all(r["ok"] for r in results.values()) else ("degraded" if status == 200 else "down")
    return JsonResponse({"status": overall, "checks": results}, status=status)
