import pytest

FOLDING = {"default": {"BACKEND": "search.backends.database", "AUTO_UPDATE": True}}


@pytest.fixture(autouse=True)
def folding_backend(settings):
    """config/settings/test.py names Wagtail's plain database backend; the folding one is
    what base.py configures for every other environment."""
    settings.WAGTAILSEARCH_BACKENDS = FOLDING
    return settings


@pytest.fixture
def section(site_home):
    """A parent for the test's pages, so the demo's own pages stay out of the assertions."""
    from home.factories import StandardPageFactory

    return StandardPageFactory(parent=site_home, title="Khu vực kiểm thử", slug="khu-vuc-kiem-thu")


@pytest.fixture
def make_page(section):
    from home.factories import StandardPageFactory

    def make(title, intro="", **fields):
        return StandardPageFactory(parent=section, title=title, intro=intro, **fields)

    return make
