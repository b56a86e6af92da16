import pytest

PUBLISHED_YEARS = (2023, 2024, 2025)


@pytest.fixture
def rankings(site_home):
    """The rankings page (vi + en), with the results of 2023–2025 published by the programme
    (only published years are public; tests of a later year publish it themselves)."""
    from assessment_forms.models import PublishedYear
    from honors.factories import make_rankings_page, translate_rankings_page

    for year in PUBLISHED_YEARS:
        PublishedYear.objects.get_or_create(year=year)
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
