"""Queries of a registration (issue 21.4, the registration rush): the form's POST to
`events:register` runs a fixed number of queries whatever the registrations already taken,
and holds the seat lock (the event's row) for at most four of them. No timing is asserted:
`bench/bench_events.py` measures the rush (and `--profile` the CPU per registration)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.events.conftest import registration_data

pytestmark = pytest.mark.django_db

UNDER_LOCK = 4


def _counted(sql):
    """Statements a request runs (not the test transaction's savepoints around them)."""
    return not sql.lstrip().upper().startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT"))


@pytest.fixture
def event(site_home):
    from events.factories import EventIndexPageFactory, EventPageFactory

    index = EventIndexPageFactory(parent=site_home)
    return EventPageFactory(parent=index, capacity=5, max_seats_per_enterprise=3)


@pytest.fixture
def lock_counter(monkeypatch):
    """Counts the queries from the seat lock to the end of `services.register` (its
    transaction ends there; the caller's queries come after)."""
    from events import services
    from events.services import registration

    state = {"locked": False, "queries": []}
    lock, register = registration._lock_seats, services.register

    def counting_lock(event):
        state["locked"] = True
        return lock(event)

    def counting_register(*args, **kwargs):
        try:
            return register(*args, **kwargs)
        finally:
            state["locked"] = False

    def record(execute, sql, params, many, context):
        if state["locked"] and _counted(sql):
            state["queries"].append(sql)
        return execute(sql, params, many, context)

    monkeypatch.setattr(registration, "_lock_seats", counting_lock)
    monkeypatch.setattr(services, "register", counting_register)
    with connection.execute_wrapper(record):
        yield state


def _post(client, event, **overrides):
    data = registration_data(**overrides)  # its fresh tax code is looked up: not the request's query
    with CaptureQueriesContext(connection) as captured:
        response = client.post(f"/events/{event.pk}/register/", data)
    assert response.status_code == 302 and "/events/registration/" in response.url
    return sum(_counted(query["sql"]) for query in captured.captured_queries)


@pytest.mark.parametrize("known", [True, False], ids=["known-enterprise", "new-enterprise"])
def test_a_registration_runs_few_queries_constant_in_the_registrations(client, event, lock_counter, known):
    from enterprises.factories import EnterpriseFactory

    def data():
        return {"tax_code": EnterpriseFactory().tax_code} if known else {}

    counts, locked = [], []
    for _ in range(7):  # 5 confirmed, then the waiting list
        lock_counter["queries"].clear()
        counts.append(_post(client, event, **data()))
        locked.append(len(lock_counter["queries"]))
    print(f"queries per registration: {counts}; holding the seat lock: {locked}")
    assert 0 < max(locked) <= UNDER_LOCK, lock_counter["queries"]
    assert max(counts) <= (8 if known else 15)  # 8: PostgreSQL runs one more than SQLite
    assert counts[-1] <= counts[1]  # constant in the registrations already there
    from events.models import Registration

    statuses = sorted(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses == ["confirmed"] * 5 + ["waiting"] * 2
