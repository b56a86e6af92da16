"""The ranking reads verified results only, through the assessment app's services."""

import pytest

from assessment_forms.factories import SubmissionFactory, VerifiedSubmissionFactory
from enterprises.factories import EnterpriseFactory
from honors.models import RankingEntry
from honors.services import refresh_rankings

pytestmark = pytest.mark.django_db


def test_only_verified_results_enter_the_ranking():
    verified = VerifiedSubmissionFactory(enterprise=EnterpriseFactory(publish_dbi_consent=True), year=2025, seed=1)
    SubmissionFactory(enterprise=EnterpriseFactory(publish_dbi_consent=True), year=2025, seed=2)
    refresh_rankings(2025)
    rows = list(RankingEntry.objects.all())
    assert [row.enterprise_id for row in rows] == [verified.enterprise_id]
    row = rows[0]
    assert row.total == verified.total and row.level == verified.level and row.rank == 1
    scores = {s.pillar.code: s for s in verified.pillar_scores.all()}
    assert row.p1 == scores["P1"].percent and row.p6_level == scores["P6"].level
    assert row.pillars_at_level == sum(1 for s in scores.values() if s.level >= verified.level)


def test_non_consenting_result_is_stored_but_never_ranked():
    VerifiedSubmissionFactory(enterprise=EnterpriseFactory(publish_dbi_consent=False), year=2025, seed=3)
    refresh_rankings(2025)
    assert RankingEntry.objects.get().rank is None


def test_verification_signal_refreshes_the_year(django_capture_on_commit_callbacks):
    from accounts.factories import UserFactory
    from assessment_forms import services as assessment
    from assessment_forms.models import Submission

    submission = SubmissionFactory(enterprise=EnterpriseFactory(publish_dbi_consent=True), year=2024, seed=4)
    with django_capture_on_commit_callbacks(execute=True):
        assessment.verify(submission, UserFactory(roles=["assessor"]))
    assert RankingEntry.objects.filter(year=2024, enterprise=submission.enterprise).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assessment.unverify(Submission.objects.get(pk=submission.pk), UserFactory(roles=["assessor"]))
    assert not RankingEntry.objects.filter(year=2024).exists()


def test_rerank_writes_only_changed_ranks():
    from django.db import connection

    from honors.services.rankings import RANK_SQL, rerank

    for seed in (5, 6):
        VerifiedSubmissionFactory(enterprise=EnterpriseFactory(publish_dbi_consent=True), year=2025, seed=seed)
    refresh_rankings(2025)
    ranks = dict(RankingEntry.objects.values_list("pk", "rank"))
    assert sorted(ranks.values()) == [1, 2]
    rerank(2025)
    assert dict(RankingEntry.objects.values_list("pk", "rank")) == ranks
    with connection.cursor() as cursor:
        cursor.execute(RANK_SQL, [2025, "DBI-1970-SME"])
        assert cursor.rowcount == 0  # nothing changed, nothing written
    RankingEntry.objects.filter(rank=2).update(rank=None)
    with connection.cursor() as cursor:
        cursor.execute(RANK_SQL, [2025, "DBI-1970-SME"])
        assert cursor.rowcount == 1
    assert dict(RankingEntry.objects.values_list("pk", "rank")) == ranks


def test_verification_reranks_in_a_task_after_commit(django_capture_on_commit_callbacks, settings):
    """The assessor's click writes the row; the re-ranking waits for the task worker."""
    from django_tasks import default_task_backend

    from accounts.factories import UserFactory
    from assessment_forms import services as assessment
    from honors.tasks import rerank_task

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    submission = SubmissionFactory(enterprise=EnterpriseFactory(publish_dbi_consent=True), year=2024, seed=7)
    with django_capture_on_commit_callbacks(execute=True):
        assessment.verify(submission, UserFactory(roles=["assessor"]))
    queued = [result.args for result in default_task_backend.results if result.task.func.__name__ == "rerank_task"]
    assert queued == [[2024, "DBI-1970-SME"]]
    assert RankingEntry.objects.get(year=2024).rank is None  # written, not yet ranked
    rerank_task.call(2024, "DBI-1970-SME")
    assert RankingEntry.objects.get(year=2024).rank == 1


def test_a_rebuild_deletes_the_old_rows_in_one_statement_and_tells_the_caches_once(monkeypatch):
    """A year of a million rows: never loaded as models to be deleted one by one (gigabytes,
    one cache invalidation per row); one DELETE, then the ranking's version bumped."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core import cache as versions
    from honors.services.rankings.versions import VERSION_NAME

    for seed in range(5):
        VerifiedSubmissionFactory(enterprise=EnterpriseFactory(publish_dbi_consent=True), year=2025, seed=10 + seed)
    refresh_rankings(2025)
    before = versions.version(VERSION_NAME)
    bumps = []
    real_bump = versions.bump
    monkeypatch.setattr(versions, "bump", lambda *names, **kw: (bumps.append(names), real_bump(*names, **kw)))
    with CaptureQueriesContext(connection) as ctx:
        refresh_rankings(2025)
    deletes = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith('DELETE FROM "honors_rankingentry"')]
    assert len(deletes) == 1
    assert not any(q["sql"].startswith('SELECT "honors_rankingentry"."id"') for q in ctx.captured_queries)
    assert sum(1 for names in bumps if "site" in names) <= 2  # not one per row
    assert versions.version(VERSION_NAME) != before
    assert RankingEntry.objects.filter(year=2025).count() == 5
