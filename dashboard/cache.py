"""The figures cached per year and filters, invalidated by a version key.

Any change to the results (the assessment app's `results_changed` signal) or to the
registry bumps the version, so every cached year is recomputed on its next view; earlier
years are included because a later year's trend and change read them.
"""

import hashlib
import json

from django.core.cache import cache

from .stats import clean_filters, compute_figures

VERSION_KEY = "dashboard:version"
TIMEOUT = 60 * 60 * 6
PAGE_TIMEOUT = 60 * 10


def version():
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        current = cache.get(VERSION_KEY) or 1
    return current


def invalidate(**kwargs):
    """Make every cached figure stale (connected to the results and registry signals)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def figures_key(year, filters):
    digest = hashlib.sha1(json.dumps(filters, sort_keys=True).encode(), usedforsecurity=False).hexdigest()[:12]
    return f"dashboard:figures:v{version()}:{int(year)}:{digest}"


def get_figures(year, filters=None):
    """The dashboard's figures, from the cache or computed and stored."""
    filters = clean_filters(filters)
    key = figures_key(year, filters)
    figures = cache.get(key)
    if figures is None:
        figures = compute_figures(year, filters)
        cache.set(key, figures, TIMEOUT)
    return figures


def page_key(page_id, year, filters):
    """The key of a visitor's rendered dashboard page (HTML) for this language."""
    from django.utils import translation

    digest = hashlib.sha1(json.dumps(filters, sort_keys=True).encode(), usedforsecurity=False).hexdigest()[:12]
    return f"dashboard:page:v{version()}:{page_id}:{translation.get_language()}:{int(year)}:{digest}"
