import pytest


@pytest.fixture
def rankings(site_home):
    from honors.factories import make_rankings_page, translate_rankings_page

    page = make_rankings_page(site_home)
    translate_rankings_page(page)
    return page


@pytest.fixture
def committee_user(db):
    from accounts.factories import UserFactory

    return UserFactory(username="hoidong", roles=["honours_committee"])


@pytest.fixture
def leader(db):
    from accounts.factories import UserFactory

    return UserFactory(username="lanhdao", roles=["programme_editor"])
