"""A full-page cache for anonymous visitors, invalidated whenever content changes.

Anonymous GET requests for public pages are answered from the cache. Any saved or deleted
model (a published page, an edited setting, a new registration that changes the seats left)
bumps one version number (so do the bulk writes that fire no model signal: a rescoring of
results, a re-ranking), so the next request renders afresh: no page is ever stale after a
change, and the cost is only that unrelated pages are re-rendered once.

Not cached: logged-in users (session cookie), requests carrying messages, anything that is not
a 200 HTML/JSON/XML response without Set-Cookie, responses marked private or no-cache, the
admin, and any response that used the CSRF token (pages with forms).
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

VERSION_KEY = "page-cache:version"
SKIP_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/", "/healthz")
# Models whose writes never change what an anonymous visitor sees.
IGNORED_MODELS = {
    "sessions.session",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailsearch.indexentry",
    "wagtailusers.userprofile",
    "auth.user",
    "django_tasks_db.dbtaskresult",
}


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, None)
    return version


def invalidate(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def _on_model_change(sender, **kwargs):
    if sender._meta.label_lower not in IGNORED_MODELS:
        invalidate()


def connect():
    from assessment_forms.signals import results_changed
    from honors.signals import ranking_changed

    post_save.connect(_on_model_change, dispatch_uid="page-cache-save")
    post_delete.connect(_on_model_change, dispatch_uid="page-cache-delete")
    # Bulk writes that fire no model signal: a rescoring, a re-ranking (a background task).
    results_changed.connect(invalidate, dispatch_uid="page-cache-results")
    ranking_changed.connect(invalidate, dispatch_uid="page-cache-ranking")


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if not seconds or not self._cacheable_request(request):
            return self.get_response(request)
        key = f"page-cache:{content_version()}:{request.get_host()}:{request.get_full_path()}"
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self._cacheable_response(request, response):
            if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
                response.render()
            response["X-Page-Cache"] = "miss"
            cache.set(key, response, seconds)
        return response

    @staticmethod
    def _cacheable_request(request):
        if request.method not in ("GET", "HEAD"):
            return False
        if request.path.startswith(SKIP_PREFIXES):
            return False
        cookies = request.COOKIES
        return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies

    @staticmethod
    def _cacheable_response(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
            return False
        cache_control = response.get("Cache-Control", "")
        return "private" not in cache_control and "no-cache" not in cache_control and "no-store" not in cache_control
