"""The cached event page's registration with the shared cache (Redis) down: the token
endpoint still answers, a person still registers (no 500, nothing lost), and a replay of the
same submission is still recognised by its key in the database."""

import json

import pytest
from django.test import Client

from events.models import Registration

from .conftest import registration_data
from .test_page_cache import TOKEN_FIELDS, register_url, tokens_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings):
    from tests.resilience.conftest import CLOSED, closed_port

    settings.PAGE_CACHE_SECONDS = 600
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": f"redis://{CLOSED}:{closed_port()}",
            "OPTIONS": {"CACHE_RETRY_SECONDS": 0},
        }
    }


def test_registration_works_with_the_cache_down(event, redis_down, monkeypatch):
    monkeypatch.setattr("core.spam.HumanCheckForm.min_fill_seconds", 0)
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(event.url)
    assert page.status_code == 200

    answer = browser.get(tokens_url(event))
    assert answer.status_code == 200
    tokens = json.loads(answer.content)
    assert tokens["open"] is True and all(tokens[name] for name in TOKEN_FIELDS)

    data = {**registration_data(), **{name: tokens[name] for name in TOKEN_FIELDS}}
    accepted = browser.post(register_url(event), data)
    assert accepted.status_code == 302 and "/events/registration/" in accepted.url
    assert Registration.objects.get().email == data["email"]

    replay = browser.post(register_url(event), data)
    assert replay.status_code in (200, 302)
    assert Registration.objects.count() == 1  # the submission key, kept in the database, still holds
