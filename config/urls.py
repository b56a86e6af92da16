from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import health
from home import views as home_views
from search import views as search_views

handler500 = "home.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", home_views.health, name="health"),
    # resilience: readiness of the database, cache, task queue and search (core/health.py)
    path("readyz", health.readyz, name="ready"),
]

# --- vishell (issue 16): the icon browsers request on their own ---
urlpatterns += [path("favicon.ico", home_views.favicon, name="favicon")]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Vietnamese at /, English under /en/.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    # accounts (issue 13): the account page, privacy notice, then allauth's pages.
    path("", include("accounts.urls")),
    path("tai-khoan/", include("allauth.urls")),
    path("", include("enterprises.urls")),
    path("", include("assessment_forms.urls")),
    path("", include("events.urls")),
    path("", include("stories.urls")),
    path("", include("handbook.urls")),
    path("", include("market.urls")),
    path("", include("programmes.urls")),
    path("", include("support.urls")),  # support desk: /ho-tro/
    path("", include("honors.urls")),
    path("", include("dashboard.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
