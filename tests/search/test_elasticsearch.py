"""Elasticsearch: the settings and mappings sent (no server here), and the database fallback."""

import logging

import pytest
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from home.models import StandardPage
from search import services
from search.backends import elasticsearch as es

UNREACHABLE = "http://127.0.0.1:9"


@pytest.fixture
def es_settings(settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [UNREACHABLE],
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
            "FALLBACK": "database",
            "WARNING_INTERVAL": 300,
        },
        "database": {"BACKEND": "search.backends.database"},
    }
    es._Health.reset()
    yield settings
    es._Health.reset()


def test_index_settings_fold_diacritics_at_index_and_query_time(es_settings):
    backend = get_search_backend("default")
    analysis = backend.settings["settings"]["analysis"]
    assert analysis["filter"]["vietnamese_folding"] == {"type": "asciifolding", "preserve_original": True}
    assert analysis["analyzer"]["default"]["filter"] == ["lowercase", "vietnamese_folding"]
    assert "vietnamese_folding" in analysis["analyzer"]["edgengram_analyzer"]["filter"]
    # Wagtail's own n-gram settings are kept.
    assert "ngram_analyzer" in analysis["analyzer"]
    assert analysis["filter"]["edgengram"]["type"] == "edge_ngram"


def test_mapping_uses_the_folding_analyzers():
    mapping = es.VietnameseMapping(StandardPage).get_mapping()
    properties = mapping["properties"]
    assert properties["_edgengrams"]["search_analyzer"] == "default"
    assert properties["_edgengrams"]["analyzer"] == "edgengram_analyzer"
    # Text fields carry no analyzer of their own, so the index's folding "default" applies.
    text_fields = [value for value in properties.values() if value.get("type") == "text" and "analyzer" not in value]
    assert text_fields


@pytest.mark.django_db
def test_unreachable_server_falls_back_and_warns_once(es_settings, make_page, caplog):
    es._Health.reset()  # forget the failures while the demo pages were published
    locale = Locale.objects.get(language_code="vi")
    with caplog.at_level(logging.WARNING, logger="search.elasticsearch"):
        page = make_page("Chuyển đổi số cho doanh nghiệp nhỏ")  # publishing does not fail
        found = [p.title for p in services.live_pages(locale).search("chuyen doi so")]
        assert page.title in found
        outcome = services.site_search("chuyen doi so", locale)
        assert outcome.total >= 1
        assert services.suggest("chuyen doi", locale)
    warnings = [r for r in caplog.records if r.name == "search.elasticsearch"]
    assert len(warnings) == 1
    assert "unavailable" in warnings[0].getMessage()


@pytest.mark.django_db
def test_search_page_answers_when_elasticsearch_is_down(es_settings, make_page, client):
    make_page("Chuyển đổi số cho doanh nghiệp nhỏ")
    response = client.get("/search/", {"q": "chuyen doi so"})
    assert response.status_code == 200
    assert "<mark>Chuyển</mark>" in response.content.decode()
