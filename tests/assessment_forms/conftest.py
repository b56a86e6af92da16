import pytest

from assessment_forms.loader import DBI_1970_FILE, read_file
from assessment_forms.scoring import spec_from_dict


@pytest.fixture(scope="session")
def dbi_data():
    return read_file(DBI_1970_FILE)


@pytest.fixture(scope="session")
def spec(dbi_data):
    return spec_from_dict(dbi_data)


@pytest.fixture
def framework(db):
    from assessment_forms.factories import load_dbi_1970

    return load_dbi_1970()
