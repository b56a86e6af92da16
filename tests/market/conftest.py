import pytest


@pytest.fixture(autouse=True)
def framework(db):
    """The DBI framework: the catalogue's pillar filter offers its pillars."""
    from assessment_forms.factories import load_dbi_1970

    return load_dbi_1970()
