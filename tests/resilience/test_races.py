"""No lost updates (issue 15.3): concurrent first registrations of one new tax code, and two
assessors adjusting the same submission. Threads on PostgreSQL; the conflict message and the
repair command also on SQLite."""

import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.urls import reverse

from accounts.factories import UserFactory
from assessment_forms import services
from assessment_forms.factories import SubmissionFactory, VerifiedSubmissionFactory, load_dbi_1970
from assessment_forms.models import PillarScore, Submission
from enterprises.factories import random_tax_code
from enterprises.models import Enterprise
from enterprises.services import get_or_create_pending

on_postgres = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks and real concurrency"),
]


def run_at_once(count, work):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def attempt(n):
        try:
            barrier.wait()
            results.append(work(n))
        except Exception as exc:  # collected: the test asserts there are none (or which)
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


class TestOnPostgres:
    pytestmark = on_postgres

    def test_thirty_first_registrations_of_one_new_tax_code(self):
        code = random_tax_code()
        results, errors = run_at_once(30, lambda n: get_or_create_pending(code, f"Doanh nghiệp {n}"))
        assert errors == []
        assert len({enterprise.pk for enterprise, _created in results}) == 1
        assert sum(created for _enterprise, created in results) == 1
        assert Enterprise.objects.filter(tax_code=code).count() == 1

    def test_two_assessors_adjusting_at_once_never_mix(self):
        framework = load_dbi_1970()
        submission = VerifiedSubmissionFactory(framework=framework, year=2025)
        version = services.submission_version(submission)
        codes = list(submission.answers)
        users = [UserFactory(roles=["assessor"]) for _ in range(2)]

        def adjust(n):
            answers = dict.fromkeys(codes, 1 if n == 0 else 4)
            fresh = Submission.objects.select_related("framework").get(pk=submission.pk)
            return services.adjust_answers(fresh, answers, users[n], f"điều chỉnh {n}", expected_version=version)

        results, errors = run_at_once(2, adjust)
        assert len(results) == 1 and len(errors) == 1
        assert isinstance(errors[0], services.StaleSubmission)
        assert not services.inconsistent_results().exists()

    def test_adjustments_without_a_version_are_serialised(self):
        framework = load_dbi_1970()
        submission = VerifiedSubmissionFactory(framework=framework, year=2025)
        codes = list(submission.answers)
        user = UserFactory(roles=["assessor"])

        def adjust(n):
            answers = dict.fromkeys(codes, n % 6)
            fresh = Submission.objects.select_related("framework").get(pk=submission.pk)
            return services.adjust_answers(fresh, answers, user, f"điều chỉnh {n}")

        _results, errors = run_at_once(8, adjust)
        assert errors == []
        assert not services.inconsistent_results().exists()


@pytest.mark.django_db
def test_a_second_assessor_gets_a_clear_conflict_message(client):
    framework = load_dbi_1970()
    submission = SubmissionFactory(framework=framework, target_level=2)
    url = reverse("assessment_forms_review", args=[submission.pk])
    client.force_login(UserFactory(roles=["assessor"]))
    version = client.get(url).context["form"]["version"].value()
    changed = next(code for code, value in sorted(submission.answers.items()) if value)
    base = {f"c_{code}": value for code, value in submission.answers.items()}
    first = {**base, f"c_{changed}": 0, "note": "Người thứ nhất", "version": version, "action": "adjust"}
    second = {**base, f"c_{changed}": 5, "note": "Người thứ hai", "version": version, "action": "adjust"}
    assert client.post(url, first).status_code == 302
    response = client.post(url, second, follow=True)
    assert "người khác điều chỉnh" in response.content.decode()
    submission.refresh_from_db()
    assert submission.answers[changed] == 0  # the first correction stands, nothing mixed


@pytest.mark.django_db
def test_check_results_finds_and_repairs_a_mixed_result(capsys):
    framework = load_dbi_1970()
    good = VerifiedSubmissionFactory(framework=framework, year=2025)
    bad = VerifiedSubmissionFactory(framework=framework, year=2025)
    score = PillarScore.objects.filter(submission=bad).first()
    PillarScore.objects.filter(pk=score.pk).update(points=score.points + 9)
    with pytest.raises(SystemExit):
        call_command("check_results")
    out = capsys.readouterr().out
    assert f"submission {bad.pk} " in out and f"submission {good.pk} " not in out
    call_command("check_results", "--fix")
    assert not services.inconsistent_results().exists()
    call_command("check_results")
    assert "consistent" in capsys.readouterr().out
