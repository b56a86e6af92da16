"""Elasticsearch 8 with Vietnamese folding, and a database fallback when it is unreachable.

Configured by the settings block of issue 8 when ELASTICSEARCH_URL is set:

    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.elasticsearch", "URLS": [...], "FALLBACK": "database"},
        "database": {"BACKEND": "search.backends.database"},  # kept up to date too, for the fallback
    }

* Text is analysed with lowercase + asciifolding(preserve_original) at index and query time:
  "chuyen doi so" finds "Chuyển đổi số", and the original token still scores exact matches higher.
* If a search (or count) fails because the server cannot be reached or answers with an error,
  the same query runs on the fallback backend; a warning is logged at most once per
  WARNING_INTERVAL seconds, and the server is not asked again for RETRY_AFTER seconds.
* Index updates (publishing a page) never raise: failures are logged and skipped.
"""

import logging
import threading
import time

from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.backends import get_search_backend
from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
    Elasticsearch8SearchResults,
)

logger = logging.getLogger("search.elasticsearch")

SEARCH_ERRORS = (TransportError, ApiError, ConnectionError, OSError)
FOLDING_ANALYZER = "default"  # Elasticsearch's index-wide default: every text field, index and query time

VIETNAMESE_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {
                "vietnamese_folding": {"type": "asciifolding", "preserve_original": True},
            },
            "analyzer": {
                FOLDING_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "vietnamese_folding"],
                },
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "vietnamese_folding", "edgengram"],
                },
            },
        }
    }
}


class _Health:
    """Per-process memory of an unreachable server (shared by every backend instance, since
    Wagtail builds a new backend object for each call to get_search_backend)."""

    lock = threading.Lock()
    down_until = {}
    last_warning = {}

    @classmethod
    def is_down(cls, key):
        return cls.down_until.get(key, 0) > time.monotonic()

    @classmethod
    def failed(cls, key, error, retry_after, warning_interval, action):
        now = time.monotonic()
        with cls.lock:
            cls.down_until[key] = now + retry_after
            warn = now - cls.last_warning.get(key, -warning_interval - 1) > warning_interval
            if warn:
                cls.last_warning[key] = now
        if warn:
            logger.warning(
                "Elasticsearch %s is unavailable (%s: %s); %s. Next warning in %s s at the earliest.",
                key,
                type(error).__name__,
                error,
                action,
                warning_interval,
            )

    @classmethod
    def reset(cls):
        with cls.lock:
            cls.down_until.clear()
            cls.last_warning.clear()


class VietnameseMapping(Elasticsearch8Mapping):
    # Queries for autocomplete are analysed like the index (folded), not with "standard".
    edgengram_analyzer_config = {"analyzer": "edgengram_analyzer", "search_analyzer": FOLDING_ANALYZER}


class VietnameseQueryCompiler(Elasticsearch8SearchQueryCompiler):
    mapping_class = VietnameseMapping


class VietnameseAutocompleteQueryCompiler(Elasticsearch8AutocompleteQueryCompiler):
    mapping_class = VietnameseMapping


class FallbackSearchResults(Elasticsearch8SearchResults):
    """Results that answer from the fallback backend when Elasticsearch fails."""

    def _fallback(self):
        compiler = self.query_compiler
        backend = self.backend.get_fallback_backend()
        if isinstance(compiler, Elasticsearch8AutocompleteQueryCompiler):
            method = backend.autocomplete
        else:
            method = backend.search
        results = method(
            compiler.query,
            compiler.queryset,
            fields=compiler.fields,
            order_by_relevance=compiler.order_by_relevance,
        )
        if self._score_field:
            results = results.annotate_score(self._score_field)
        return results

    def _guarded(self, attempt, fallback):
        backend = self.backend
        if backend.is_down():
            return fallback()
        try:
            return attempt()
        except SEARCH_ERRORS as error:
            backend.mark_down(error, "searching the database instead")
            return fallback()

    def _do_search(self):
        return self._guarded(super()._do_search, lambda: list(self._fallback()[self.start : self.stop]))

    def _do_count(self):
        return self._guarded(super()._do_count, lambda: self._fallback()._do_count())

    def facet(self, field_name):
        return self._guarded(
            lambda: super(FallbackSearchResults, self).facet(field_name), lambda: self._fallback().facet(field_name)
        )


class SearchBackend(Elasticsearch8SearchBackend):
    mapping_class = VietnameseMapping
    query_compiler_class = VietnameseQueryCompiler
    autocomplete_query_compiler_class = VietnameseAutocompleteQueryCompiler
    results_class = FallbackSearchResults
    settings = Elasticsearch8SearchBackend.settings

    def __init__(self, params):
        params = dict(params)
        self.fallback_name = params.pop("FALLBACK", "database")
        self.retry_after = params.pop("RETRY_AFTER", 30)
        self.warning_interval = params.pop("WARNING_INTERVAL", 300)
        index_settings = params.pop("INDEX_SETTINGS", {}) or {}
        from modelsearch.utils import deep_update

        params["INDEX_SETTINGS"] = deep_update(_deepcopy(VIETNAMESE_INDEX_SETTINGS), index_settings)
        super().__init__(params)
        self.health_key = ",".join(sorted(str(h.get("host")) + ":" + str(h.get("port")) for h in self.hosts))

    # --- health ------------------------------------------------------------------------
    def is_down(self):
        return _Health.is_down(self.health_key)

    def mark_down(self, error, action):
        _Health.failed(self.health_key, error, self.retry_after, self.warning_interval, action)

    def get_fallback_backend(self):
        try:
            return get_search_backend(self.fallback_name)
        except Exception:  # noqa: BLE001 - no such entry: the folding database backend itself
            from search.backends.database import SearchBackend as database_backend

            return database_backend({})

    # --- index updates never break publishing ------------------------------------------
    def _guard_update(self, method, *args):
        if self.is_down():
            return None
        try:
            return method(*args)
        except SEARCH_ERRORS as error:
            self.mark_down(error, "the index was not updated; run `manage.py update_index` when it is back")
            return None

    def add(self, obj):
        return self._guard_update(super().add, obj)

    def add_bulk(self, model, obj_list):
        return self._guard_update(super().add_bulk, model, obj_list)

    def delete(self, obj):
        return self._guard_update(super().delete, obj)


def _deepcopy(value):
    from copy import deepcopy

    return deepcopy(value)
