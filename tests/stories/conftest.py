import pytest

from stories.factories import make_newsroom


@pytest.fixture
def newsroom(site_home):
    """(newsroom page, {desk key: desk index page}) under the demo home page."""
    return make_newsroom(site_home)
