"""Seats are never oversold: many registrations at once on PostgreSQL, where the event row
lock (`select_for_update`) is what keeps capacity."""

import threading

import pytest
from django.db import connection, connections

from core.spam import started_token
from enterprises.factories import random_tax_code
from events import services
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import Registration

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
]

CAPACITY = 5
ATTEMPTS = 40


def make_event(**fields):
    from tests.e2e.conftest import restore_base_data

    restore_base_data()
    from home.factories import make_site_home

    home = make_site_home()
    index = EventIndexPageFactory(parent=home)
    return EventPageFactory(parent=index, **fields)


def test_concurrent_registrations_fill_exactly_the_capacity():
    event = make_event(capacity=CAPACITY, max_seats_per_enterprise=1)
    codes = [random_tax_code() for _ in range(ATTEMPTS)]
    barrier = threading.Barrier(ATTEMPTS)
    outcomes, errors = [], []

    def attempt(n):
        try:
            barrier.wait()
            outcome = services.register(
                event,
                {
                    "tax_code": codes[n],
                    "enterprise_name": f"Doanh nghiệp {n}",
                    "attendee_name": f"Người {n}",
                    "email": f"nguoi{n}@dn.vn",
                    "phone": "0900000000",
                    "seats": 1,
                    "submission_key": f"{n:032x}",
                    "started": started_token(30),
                },
            )
            outcomes.append(outcome)
        except Exception as exc:  # any error fails the test below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(ATTEMPTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(outcomes) == ATTEMPTS and all(outcome.ok for outcome in outcomes)
    statuses = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count(Registration.Status.CONFIRMED) == CAPACITY
    assert statuses.count(Registration.Status.WAITING) == ATTEMPTS - CAPACITY
    assert services.seats_taken(event) == CAPACITY


def test_first_registrations_of_one_new_tax_code_at_once_share_one_enterprise():
    """The pending enterprise is created inside the registration's transaction: the ones that
    lose the race on its tax code are rolled back and registered again with the winner's."""
    from enterprises.models import Enterprise
    from tests.resilience.test_races import run_at_once

    people = 12
    event = make_event(capacity=50, max_seats_per_enterprise=people)
    code = random_tax_code()

    def attempt(n):
        data = {
            "tax_code": code,
            "enterprise_name": f"Tên gõ lần {n}",
            "attendee_name": f"Người {n}",
            "email": f"cung{n}@dn.vn",
            "phone": "0900000000",
            "seats": 1,
            "submission_key": f"{n + 100:032x}",
        }
        return services.register(event, data)

    outcomes, errors = run_at_once(people, attempt)
    assert errors == []
    assert len(outcomes) == people and all(outcome.ok for outcome in outcomes)
    enterprise = Enterprise.objects.get(tax_code=code)
    registrations = Registration.objects.filter(event=event)
    assert registrations.count() == people
    assert set(registrations.values_list("enterprise_id", flat=True)) == {enterprise.pk}
    assert set(registrations.values_list("status", flat=True)) == {Registration.Status.CONFIRMED}
