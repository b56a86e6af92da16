"""The Wagtail Site of a request without a query (perf, issue 21).

Wagtail looks the site up with one query per request (`Site.find_for_request`, which keeps
the answer on `request._wagtail_site`). The site table is tiny and rarely changes: it is
cached whole (sites with their root pages) under the "sites" version (bumped when a Site is
saved or deleted) and "site" (bumped by any public change, including a root page's move or
slug change), and the site of a request is picked from it with Wagtail's own rules
(`wagtail.models.sites.get_site_for_hostname`). `core.middleware.SiteMiddleware` sets
`request._wagtail_site` from it, so Wagtail and the site's code find the site already there.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import DatabaseError
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port

from . import cache as versions

logger = logging.getLogger(__name__)

NAMES = ("sites", "site")
TIMEOUT = 60 * 60


def _table() -> list[Any]:
    """All sites with their root pages, ordered as Wagtail orders them (by hostname)."""
    from wagtail.models import Site

    tokens = versions.versions(*NAMES)
    key = "sites:table:" + "-".join(tokens[name] for name in NAMES)
    return versions.versioned(key, lambda: list(Site.objects.select_related("root_page")), TIMEOUT)


def site_for_hostname(hostname: str, port: Any) -> Any:
    """Wagtail's choice (`get_site_for_hostname`) made on the cached table: hostname and port,
    then hostname and default, then the default site unless exactly one site has the
    hostname. None when nothing matches."""
    port = str(port)
    ranked = []
    for site in _table():
        if site.hostname == hostname:
            match = 0 if str(site.port) == port else 1 if site.is_default_site else 3
        elif site.is_default_site:
            match = 2
        else:
            continue
        ranked.append((match, site))
    ranked.sort(key=lambda item: item[0])  # stable: ties keep the table's order
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][0] in (0, 1):
        return ranked[0][1]
    if ranked[0][0] == 2:
        return ranked[len(ranked) == 2][1]
    return None


def find_for_request(request: Any) -> Any:
    """The request's Site, as `Site.find_for_request` would find it (Wagtail reads the raw
    host: no ALLOWED_HOSTS check here either, Django makes it elsewhere)."""
    hostname = split_domain_port(request._get_raw_host())[0]
    return site_for_hostname(hostname, request.get_port())


def attach(request: Any) -> None:
    """Set `request._wagtail_site` (what `Site.find_for_request` reads first). With the
    database down it is left unset: Wagtail looks it up itself where a view needs it, and the
    health checks still answer."""
    if hasattr(request, "_wagtail_site"):
        return
    try:
        site = find_for_request(request)
    except DatabaseError:
        logger.warning("The site table could not be read", exc_info=True)
        return
    request._wagtail_site = site


def invalidate(sender: Any = None, **kwargs: Any) -> None:
    versions.bump("sites")


def connect() -> None:
    from wagtail.models import Site

    post_save.connect(invalidate, sender=Site, dispatch_uid="core-sites-save")
    post_delete.connect(invalidate, sender=Site, dispatch_uid="core-sites-delete")
