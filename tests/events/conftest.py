import pytest

from core.spam import started_token
from events.factories import EventIndexPageFactory, EventPageFactory


@pytest.fixture
def event_index(site_home):
    return EventIndexPageFactory(parent=site_home)


@pytest.fixture
def event(event_index):
    return EventPageFactory(parent=event_index, capacity=3, max_seats_per_enterprise=2)


_counter = {"n": 0}


def registration_data(**overrides):
    """Valid form data for the registration form (a fresh tax code and e-mail each call)."""
    from enterprises.factories import random_tax_code

    _counter["n"] += 1
    n = _counter["n"]
    data = {
        "tax_code": random_tax_code(),
        "enterprise_name": f"Công ty TNHH Cà phê Đắk Mil {n}",
        "attendee_name": "Lê Thị Hoa",
        "position": "Kế toán trưởng",
        "email": f"hoa{n}@caphe.vn",
        "phone": "0912345678",
        "seats": 1,
        "consent": "on",
        "website": "",
        "started": started_token(seconds_ago=30),
        "submission_key": f"{n:032x}",
    }
    data.update(overrides)
    return data


@pytest.fixture
def register(client, django_capture_on_commit_callbacks):
    """POST the registration form of an event; e-mails are sent (on-commit callbacks run)."""

    def post(event, **overrides):
        data = registration_data(**overrides)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(event.url, data)
        return response

    return post
