"""Shared fixtures. Data comes from the same factories as the demo content."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _vietnamese_by_default():
    """Every test starts in the default language, whatever the previous one activated."""
    from django.utils import translation

    translation.activate("vi")
    yield
    translation.deactivate()


@pytest.fixture
def site_home(db):
    """The Vietnamese home page (site root) and its English translation, as the demo builds them."""
    from home.demo import build, build_home_sections

    build(Quiet())
    build_home_sections(Quiet())
    from home.models import HomePage

    return HomePage.objects.get(depth=2, locale__language_code="vi")


class Quiet:
    """A stdout for demo steps and commands that keeps what they write."""

    def __init__(self):
        self.lines = []

    def write(self, text="", *args, **kwargs):
        self.lines.append(text)


@pytest.fixture
def quiet():
    return Quiet()


@pytest.fixture
def login_as(client, db):
    """`login_as("programme_editor")` logs the test client in as a new user holding that role
    (or roles) and returns the user."""
    from accounts.factories import UserFactory

    def login(*roles, **fields):
        user = UserFactory(roles=list(roles), **fields)
        client.force_login(user)
        return user

    return login


@pytest.fixture
def human_payload():
    """The spam-guard fields of a form a person filled in 30 seconds ago; add the form's own."""
    from core.spam import HONEYPOT, started_token

    def payload(**fields):
        return {HONEYPOT: "", "started": started_token(30), **fields}

    return payload
