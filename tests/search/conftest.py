import pytest

FOLDING = {"default": {"BACKEND": "search.backends.database", "AUTO_UPDATE": True}}


@pytest.fixture(autouse=True)
def folding_backend(settings):
    """The folding database backend with AUTO_UPDATE on, whatever a test changed before."""
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
