"""A route cache: a page URL served without Wagtail's per-segment routing queries (perf, issue 21).

Wagtail finds the page of a URL with one query per path segment plus the localized root
(`Page.route_for_request`, which keeps the answer on `request._wagtail_route_for_request`),
and its privacy check (`check_view_restrictions`) costs two more. For an exact page URL this
middleware remembers, per site, language and path, which page answered, whether any view
restriction applies to it or its ancestors, and a pickled copy of the specific page as it
was read from the database. The entry is valid while the page cache's own tokens of that page
(`home.page_cache.page_tags`: the site, the page's path, its section, its type) and the site
table's ("sites") are unchanged — what changes the page's row (publish, unpublish, a live save),
its URL (slug change, move, delete: "site"), a restriction or a Site ("site", "sites") bumps
one of them.

On a valid entry the request gets the route Wagtail would have found (`RouteResult`), and
Wagtail's own `serve` view goes on as always (its hooks, `page.serve`). Anonymous visitors get
the cached copy; logged-in users the page read fresh by its key (one query: editors see
bookkeeping fields that drafts change without a bump). A routable page's view (its own URL or a
sub-URL: `RoutablePageMixin` puts the view in the route's args) is resolved again from the
stored sub-path, with no query. Never from the cache: restricted pages (a password, a login or
a group: Wagtail checks them itself every time), 404s, anything but GET/HEAD, and views other
than Wagtail's serve (previews are admin views).
"""

from __future__ import annotations

import logging
import pickle

from django.apps import apps
from django.core.cache import cache
from django.http import Http404
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from core import cache as versions

from .page_cache import page_tags

logger = logging.getLogger(__name__)

TIMEOUT = 60 * 60
KEY_PREFIX = "route"


def route_key(site, language, path):
    return f"{KEY_PREFIX}:{site.pk}:{language}:{path}"


def route_tags(page):
    """The tokens an entry is valid under: the page cache's tags of the page, and the sites."""
    return [*page_tags(page), "sites"]


def _no_view_restrictions():
    return PageViewRestriction.objects.none()


def _subpath(page, site, path):
    """What a routable page's own URL patterns see of `path` (as `RoutablePageMixin.route`
    builds it): the components below the page, between slashes."""
    rest = [component for component in path.split("/") if component][page.depth - site.root_page.depth :]
    return "/" + "/".join(rest) + "/" if rest else "/"


def _cached_route(request, entry):
    """The route of a valid, unrestricted entry, or None to let Wagtail route."""
    if request.user.is_authenticated:
        model = apps.get_model(entry["model"])
        page = model._default_manager.filter(pk=entry["pk"], live=True).first()
        if page is None:
            return None
    else:
        try:
            page = pickle.loads(entry["page"])  # noqa: S301 - our own cache entry
        except Exception:  # noqa: BLE001 - a copy from an older release: route as usual
            logger.warning("A cached page could not be unpickled", exc_info=True)
            return None
    # Known to have no view restriction (any new one bumps "site"): spare Wagtail's check its
    # two queries.
    page.get_view_restrictions = _no_view_restrictions
    if entry.get("subpath") is None:
        return RouteResult(page)
    # A routable page's view: its URL patterns are code, resolved again without a query.
    match = page.resolve_subpage(entry["subpath"])
    request.routable_resolver_match = match
    view, args, kwargs = match
    return RouteResult(page, args=(view, args, kwargs))


def _remember(request, site, key, path):
    """Route as Wagtail does (kept on the request for its serve view) and store the result."""
    result = Page.route_for_request(request, path)
    if result is None:
        return
    page, args, kwargs = result
    if not isinstance(page, Page) or kwargs:
        return
    subpath = None
    if args:
        # Only a routable page's own view (RoutablePageMixin.route: args=(view, args, kwargs)).
        match = getattr(request, "routable_resolver_match", None)
        if not isinstance(page, RoutablePageMixin) or match is None:
            return
        subpath = _subpath(page, site, path)
        try:
            again = page.resolve_subpage(subpath)
        except Http404:
            return
        if again.url_name != match.url_name or again.args != match.args or again.kwargs != match.kwargs:
            return
    tokens = versions.versions(*route_tags(page))
    restricted = page.get_view_restrictions().exists()
    entry = {
        "pk": page.pk,
        "model": page._meta.label_lower,
        "restricted": restricted,
        "subpath": subpath,
        "tokens": tokens,
    }
    if not restricted:
        # Read after the tokens: a change made meanwhile leaves this entry already stale.
        fresh = type(page)._default_manager.filter(pk=page.pk, live=True).first()
        if fresh is None or fresh.path != page.path:
            return
        try:
            entry["page"] = pickle.dumps(fresh, pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - an unpicklable page is served uncached
            logger.warning("Page %s could not be pickled for the route cache", page.pk, exc_info=True)
            return
    cache.set(key, entry, TIMEOUT)


def prepare_route(request, path):
    """Set `request._wagtail_route_for_request` from the cache, or route and remember."""
    if hasattr(request, "_wagtail_route_for_request"):
        return
    site = Site.find_for_request(request)
    if site is None:
        return
    key = route_key(site, translation.get_language(), path)
    entry = cache.get(key)
    if entry is not None and versions.versions(*entry["tokens"]) == entry["tokens"]:
        if entry["restricted"]:
            return
        route = _cached_route(request, entry)
        if route is not None:
            request._wagtail_route_for_request = route
            return
    _remember(request, site, key, path)


class RouteCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and request.method in ("GET", "HEAD"):
            path = view_kwargs["path"] if "path" in view_kwargs else (view_args[0] if view_args else "")
            prepare_route(request, path)
        return None
