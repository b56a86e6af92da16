"""Production: PostgreSQL, Redis, Elasticsearch and S3 where configured, behind a proxy.

Refuses to start without SECRET_KEY and ALLOWED_HOSTS; `manage.py check --deploy` is
clean with the defaults below.
"""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_required

DEBUG = False
# resilience: core.checks refuses unsafe combinations (page cache per process, SMTP in requests)
PRODUCTION = True
SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("The environment variable ALLOWED_HOSTS must be set.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365

# accounts (issue 13): X-Forwarded-Proto is trusted only when TRUST_X_FORWARDED_PROTO says a
# TLS-terminating proxy (nginx, a load balancer) sets it and strips what clients send;
# otherwise any client could claim HTTPS.
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)
# Frames stay SAMEORIGIN (not DENY) because Wagtail's live preview shows our own pages in
# an iframe; pages meant for other sites (widgets) opt out one by one.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

TEMPLATES[0]["OPTIONS"]["loaders"] = [  # noqa: F405
    (
        "django.template.loaders.cached.Loader",
        ["django.template.loaders.filesystem.Loader", "django.template.loaders.app_directories.Loader"],
    )
]
TEMPLATES[0]["APP_DIRS"] = False  # noqa: F405

ADMINS = [("Admin", a) for a in env_list("ADMIN_EMAILS")]
