"""Settings shared by every environment.

No secrets and no DEBUG here: dev.py, test.py and production.py decide those.
"""

from pathlib import Path

import dj_database_url

from .env import env, env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# `site` is a standard-library module name, so the shared front-end lives in a plain
# folder called site/ (templates, static, locale) and the settings package is config/.
SITE_DIR = BASE_DIR / "site"

INSTALLED_APPS = [
    # Our apps, bottom layer first (see README, "Architecture").
    "core",
    "accounts",
    "enterprises",
    "assessment_forms",
    "events",
    "stories",
    "handbook",
    # Market connections and state support (issue 18): catalogue, board, support programmes.
    "market",
    "programmes",
    "support",  # support desk: consultant network and requests for help (docs/support.md)
    "home",
    "honors",
    "dashboard",
    "search",
    "demo",
    # Wagtail and its companions.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # resilience: a URL with NUL/control characters is a 400 before anything reads it.
    "core.middleware.RejectControlCharactersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # perf (issue 21): version tokens read once per request, the Wagtail Site without a query.
    "core.middleware.SiteMiddleware",
    "home.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # perf (issue 21): a page URL's route (and, for visitors, the page) from the cache.
    "home.routing.RouteCacheMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
# Embedded default: SQLite next to the code. DATABASE_URL (postgres://...) selects PostgreSQL.
SQLITE_OPTIONS = {
    # WAL lets readers run while a writer commits; IMMEDIATE takes the write lock at the
    # start of a transaction so concurrent writers queue instead of failing mid-way.
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
    "transaction_mode": "IMMEDIATE",
}
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
    DATABASES["default"]["CONN_MAX_AGE"] = 0 if DATABASES["default"]["NAME"] == ":memory:" else 60

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (resilience: fail-open backends from core/cache.py) -------------------------
# Every cache call that fails is a miss (logged, counted): with Redis down the site serves
# uncached, never a 500. Short socket timeouts so a hung Redis cannot hold a request.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "dx"),
            "TIMEOUT": env_int("CACHE_TIMEOUT", 600),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, "CACHE_RETRY_SECONDS": 5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.LocMemCache",
            "LOCATION": "dx-portal",
            "TIMEOUT": env_int("CACHE_TIMEOUT", 600),
            # Routes and fragments are cached per URL: Django's default of 300 entries would
            # have them evict each other on the embedded default.
            "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 5000)},
        }
    }
# Sessions live in the database (never in the cache alone, which may be down or evicted).
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Anonymous visitors get whole pages from the cache; publishing invalidates what it affects.
# Off without a shared cache (a per-process cache would serve stale pages; see core.checks).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600 if REDIS_URL else 0)

# --- Languages, time zone, formats ----------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [SITE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Grouping is applied explicitly (the `number` filter) so ids and years never get a dot.
USE_THOUSAND_SEPARATOR = False
FORMAT_MODULE_PATH = ["config.formats"]

# --- Static and media files -----------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    SITE_DIR / "static",
    # Installed from npm by the set-up (package.json); served by the site itself.
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT") or BASE_DIR / "media")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    # S3-compatible media (MinIO, Viettel/VNPT object storage, AWS) when configured.
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL")
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME")
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN")
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
    AWS_DEFAULT_ACL = None

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------------------
# EMAIL_BACKEND: "smtp", "console", "file" (to EMAIL_FILE_PATH) or a dotted path.
EMAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "memory": "django.core.mail.backends.locmem.EmailBackend",
}
_email_backend = env("EMAIL_BACKEND", "console")
EMAIL_BACKEND = EMAIL_BACKENDS.get(_email_backend, _email_backend)
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH") or str(BASE_DIR / "var" / "mail")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
# The site's real public address (e-mails, feeds, .ics, sitemap; the Wagtail Site's hostname
# and port follow it, see core.signals). Defaults to WAGTAILADMIN_BASE_URL.
SITE_BASE_URL = env("SITE_BASE_URL", "")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Chuyển đổi số doanh nghiệp <no-reply@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# --- Background tasks -----------------------------------------------------------------
# "immediate" runs a task in the request (embedded default); "database" queues it for the
# worker (`manage.py db_worker`) in production.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[env("TASKS_BACKEND", "immediate")]}}

# --- Search ---------------------------------------------------------------------------
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
# WAGTAILSEARCH_BACKENDS: see the search block at the end of this file.

# --- Wagtail --------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Chuyển đổi số doanh nghiệp"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "") or SITE_BASE_URL or "http://127.0.0.1:8000"
SITE_BASE_URL = SITE_BASE_URL or WAGTAILADMIN_BASE_URL
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "key",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
    # Radio segments and video stories.
    "mp3",
    "m4a",
    "ogg",
    "wav",
    "mp4",
    "webm",
]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp"}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_PASSWORD_RESET_ENABLED = True

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

LOGIN_URL = "wagtailadmin_login"

# --- Security defaults shared by all environments -------------------------------------
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}

# --- search (issue 8) ---
# Vietnamese-aware search (search/backends): the database backend folds diacritics on index
# and query; with ELASTICSEARCH_URL, Elasticsearch with ASCII folding and a database fallback
# that is kept up to date alongside it.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database", "AUTO_UPDATE": True}}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": env("ELASTICSEARCH_INDEX", "dx_portal") + "_",
            "TIMEOUT": env_int("ELASTICSEARCH_TIMEOUT", 5),
            "FALLBACK": "database",
            "AUTO_UPDATE": True,
        },
        "database": {"BACKEND": "search.backends.database", "AUTO_UPDATE": True},
    }

# --- resilience (issue 15): uploads, staging, readiness ----------------------------------
# Checked before any parser runs: bytes, rows, a line/field, the XLSX's declared unzip size.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 20 * 1024 * 1024)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 200_000)
IMPORT_MAX_UNCOMPRESSED = env_int("IMPORT_MAX_UNCOMPRESSED", 150 * 1024 * 1024)
IMPORT_MAX_FIELD_BYTES = 128 * 1024
# --- units (issue 20) ---
# The province the site serves: its code in the official list in force from 1/7/2025
# (enterprises/data/units/units-2025.csv; 68 = Lâm Đồng, 92 = Cần Thơ). Forms, filters, the
# dashboard's areas and the demo follow it; every province's units are loaded by `migrate`.
PROVINCE_CODE = env("PROVINCE_CODE", "68")
# --- vishell (issue 16): forgiving search, slugs, shell ---
# The admin's user listing searches without diacritics ("hung" finds "Hùng"): Wagtail's users
# app with a folding index view (search/users_app.py).
INSTALLED_APPS = ["search.users_app.UsersAppConfig" if app == "wagtail.users" else app for app in INSTALLED_APPS]
# Slugs made in the admin are ASCII ("nong-dan-dak-mil-…"), never "nông-dân-đắk-mil-…".
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# --- accounts: public accounts, hardening, privacy (issue 13) ---------------------------
# Public accounts (django-allauth) live under /tai-khoan/, separate from the Wagtail admin,
# whose login stays for staff. Design notes: docs/accounts.md.
INSTALLED_APPS += ["allauth", "allauth.account", "axes", "csp"]  # noqa: F405
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "accounts.csp.CSPMiddleware")
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "allauth.account.middleware.AccountMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1,
    "accounts.middleware.StaffOnlyAdminMiddleware",
)
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # last, as django-axes requires
AUTHENTICATION_BACKENDS = [
    "accounts.lockout.LockoutBackend",  # django-axes, first: refuses locked-out clients before any check
    "django.contrib.auth.backends.ModelBackend",  # the admin's login (user name)
    "allauth.account.auth_backends.AuthenticationBackend",  # the public login (e-mail)
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:home"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "accounts.forms.LoginForm",
    "signup": "accounts.forms.SignupForm",
    "reset_password": "accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "accounts.forms.ResetPasswordKeyForm",
    "change_password": "accounts.forms.ChangePasswordForm",
    "set_password": "accounts.forms.SetPasswordForm",
    "add_email": "accounts.forms.AddEmailForm",
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# The confirmation link is signed (HMAC), carries no database key and expires.
ACCOUNT_EMAIL_CONFIRMATION_HMAC = True
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = env_int("ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS", 3)
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_NOTIFICATIONS = True
# allauth's own throttles (per IP / per e-mail, in the cache) stay on beside django-axes.

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-axes: lock out a client (address + account name) after AXES_FAILURE_LIMIT wrong
# passwords, on the admin login and the public login alike, for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "accounts.lockout.username"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.locked_out"
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_ip"
AXES_VERBOSE = False
# No log of successful logins (addresses and browsers of every visit are personal data the
# lockout does not need); failed attempts are kept for the lockout only.
AXES_DISABLE_ACCESS_LOG = True

# Content-Security-Policy (django-csp): nothing is loaded from outside the site. The public
# site runs no inline script; a few templates use style attributes, which load nothing.
# The Wagtail admin gets its own policy (accounts/csp.py): Wagtail 7 writes inline scripts
# (InlinePanel, date pickers) and inline styles, so /admin/ allows 'unsafe-inline' there only.
# CSP_EXTRA_FRAME_SRC lists video hosts (e.g. https://www.youtube-nocookie.com) when stories
# embed videos from them; empty by default, so only the site's own files play.
_csp_media_hosts = [f"https://{h}" for h in [env("AWS_S3_CUSTOM_DOMAIN")] if h]
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": [],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:", *_csp_media_hosts],
        "media-src": ["'self'", *_csp_media_hosts],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *env_list("CSP_EXTRA_FRAME_SRC")],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
}
# Wagtail shows Gravatar pictures in the admin by default: that loads images from outside and
# sends a hash of each staff e-mail to a third party. Off: the admin shows initials instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
CONTENT_SECURITY_POLICY_ADMIN = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *_csp_media_hosts],
}

# Privacy (Decree 13/2023/NĐ-CP): registrations' personal data is erased this many months
# after the event (`manage.py erase_registration_data`); counts and attendance stay.
REGISTRATION_DATA_RETENTION_MONTHS = env_int("REGISTRATION_DATA_RETENTION_MONTHS", 12)
# --- end accounts ------------------------------------------------------------------------
# --- abuse (issue 13): rate limits of public forms, private files ---------------------
# Every public POST is counted per client address and per tax code / e-mail (core.spam,
# django-ratelimit's counters in the cache). Production needs a shared cache (REDIS_URL):
# local-memory counters and single-use start tokens are per process. Rates: "count/period"
# (s, m, h, d); a scope overrides "default"; "value" is the fallback of named values.
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
RATELIMIT_USE_CACHE = "default"
# With the cache down, forms keep working unlimited rather than refusing everyone (issue 15:
# a registration is never lost to a cache outage); the outage is logged and /readyz reports it.
RATELIMIT_FAIL_OPEN = True
# Behind a reverse proxy that sets it, the header holding the client address.
RATELIMIT_IP_META_KEY = env("RATELIMIT_IP_META_KEY") or None
RATE_LIMITS = {
    "default": {"ip": env("RATE_LIMIT_IP", "30/h"), "value": env("RATE_LIMIT_VALUE", "10/h")},
    # Steps autosave: many posts per draft are normal.
    "assessment-step": {"ip": "600/h", "draft": "300/h"},
    "certificate": {"ip": "60/h"},
    # Actions through an e-mailed link (change, cancel, new link, feedback): per registration.
    "registration-manage": {"ip": "60/h", "registration": "20/h"},
}
# Nomination evidence (and other private uploads): never under MEDIA_ROOT, served only
# through views that check the viewer's rights. With AWS_PRIVATE_BUCKET_NAME: a private S3
# bucket (no public ACL, signed URLs are not handed out; the view streams the file).
# Staged imports wait under PRIVATE_MEDIA_ROOT/staged (core/uploads.py), purged after a day.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT") or BASE_DIR / "var" / "private")
AWS_PRIVATE_BUCKET_NAME = env("AWS_PRIVATE_BUCKET_NAME")
if AWS_PRIVATE_BUCKET_NAME:
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_PRIVATE_BUCKET_NAME,
            "default_acl": "private",
            "querystring_auth": True,
            "custom_domain": None,
            "file_overwrite": False,
        },
    }
else:
    STORAGES["private"] = {
        "BACKEND": "core.private_files.PrivateFileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
    }
PRIVATE_UPLOAD_MAX_SIZE = env_int("PRIVATE_UPLOAD_MAX_SIZE", 10 * 1024 * 1024)
# --- Staff rights (issue 14, "staff") -------------------------------------------------------
# An honours decision is published only by its approval workflow: nobody holds the publish
# right on it, so the workflow's last approval publishes it without that check (pages and
# other snippets publish as Wagtail does). See docs/permissions.md.
WAGTAIL_FINISH_WORKFLOW_ACTION = "honors.workflow.finish_workflow"
