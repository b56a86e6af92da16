"""Two programme editors approving at the same moment never commit more than the budget."""

import threading

import pytest
from django.db import connection, connections

from accounts.factories import UserFactory
from programmes import services
from programmes.factories import ApplicationFactory, ProgrammeFactory
from programmes.models import Application

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
]


def test_concurrent_approvals_stay_within_the_budget():
    from accounts.roles import sync_roles

    sync_roles()
    editor = UserFactory(roles=["programme_editor"])
    programme = ProgrammeFactory(budget=100_000_000)
    applications = [
        ApplicationFactory(programme=programme, status=Application.Status.ASSESSMENT, requested_amount=30_000_000)
        for _ in range(8)
    ]
    barrier = threading.Barrier(len(applications))
    outcomes, errors = [], []

    def approve(application):
        try:
            barrier.wait()
            services.advance(application, Application.Status.APPROVED, editor)
            outcomes.append("approved")
        except services.BudgetExceeded:
            outcomes.append("over")
        except Exception as exc:  # anything else fails the test
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(a,)) for a in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert outcomes.count("approved") == 3 and outcomes.count("over") == 5
    assert services.committed(programme) == 90_000_000
