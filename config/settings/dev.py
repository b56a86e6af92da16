"""Local development: the embedded defaults (SQLite, database search, local files)."""

from .base import *  # noqa: F403
from .env import env, env_list

DEBUG = True
# A fixed development key; production.py refuses to start without a real one.
SECRET_KEY = env("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
INTERNAL_IPS = ["127.0.0.1"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Pages render afresh on every request here (tests that need the page cache enable it).
PAGE_CACHE_SECONDS = 0
