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

    class Quiet:
        def write(self, *args, **kwargs):
            pass

    build(Quiet())
    build_home_sections(Quiet())
    from home.models import HomePage

    return HomePage.objects.get(depth=2, locale__language_code="vi")


@pytest.fixture
def quiet():
    class Quiet:
        lines = []

        def write(self, text="", *args, **kwargs):
            self.lines.append(text)

    return Quiet()
