"""Settings for the test suite: fast, isolated, no network."""

from .base import *  # noqa: F403
from .base import TASK_BACKENDS, TEMPLATES

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": TASK_BACKENDS["immediate"]}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private"  # noqa: F405
TEMPLATES[0]["OPTIONS"]["debug"] = True  # templates report missing variables in tests
WAGTAILADMIN_BASE_URL = "http://testserver"
# resilience: e-mails, feeds and the default Site use the test client's host (core.signals)
SITE_BASE_URL = "http://testserver"

# Static files come from the finders in tests; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Pages render afresh on every request here (tests that need the page cache enable it).
PAGE_CACHE_SECONDS = 0

# abuse (issue 13): private uploads of the tests, apart from the real ones.
STORAGES["private"] = {  # noqa: F405
    "BACKEND": "core.private_files.PrivateFileSystemStorage",
    "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
}
# Tests post many forms from one address; the rate-limit tests set their own small rates.
RATE_LIMITS = {"default": {"ip": "1000/h", "value": "1000/h"}}
