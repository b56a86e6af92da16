"""One request's site and version tokens (perf, issue 21).

`SiteMiddleware` wraps each request in `core.cache.request_scope` (each version token read from
the cache once per request, the common ones in one round trip) and sets the request's Wagtail
Site from the cached site table (`core.sites`), so `Site.find_for_request` makes no query.
"""

from core import cache as versions
from core import sites

# Paths that never need the site (the admin finds it itself when it does).
SKIP_PREFIXES = ("/static/", "/media/", "/healthz", "/readyz", "/favicon.ico")
# Read by nearly every public page: the footer and fragments ("site"), the page cache and
# listings ("pages"), the site table ("sites"), the main menu ("nav").
PREFETCH = ("site", "pages", "sites", "nav")


class SiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with versions.request_scope(*PREFETCH):
            if not request.path_info.startswith(SKIP_PREFIXES):
                sites.attach(request)
            return self.get_response(request)
