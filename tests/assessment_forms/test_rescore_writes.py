"""Rescoring writes only the rows whose result changed, and tells listeners which enterprises."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessment_forms import services
from assessment_forms.factories import VerifiedSubmissionFactory
from assessment_forms.models import PillarScore, Submission

pytestmark = pytest.mark.django_db


def writes(ctx, table):
    """The UPDATE statements run against `table` and how many rows each carried."""
    found = []
    for query in ctx.captured_queries:
        sql = query["sql"]
        if "UPDATE" in sql and table in sql:
            times = sql.split(" times: ", 1)[0] if " times: " in sql else "1"
            found.append(int(times) if times.isdigit() else 1)
    return found


def test_only_changed_rows_are_written(framework):
    subs = [VerifiedSubmissionFactory(framework=framework, year=2025, seed=n) for n in range(6)]
    # A lost update on one row's total, and a pillar score gone wrong on another (same total).
    Submission.objects.filter(pk=subs[1].pk).update(total=0, level=0)
    score = PillarScore.objects.filter(submission=subs[4]).order_by("pk").first()
    PillarScore.objects.filter(pk=score.pk).update(level=score.level + 1)
    heard = []

    def listener(sender, **kwargs):
        heard.append((kwargs.get("year"), kwargs.get("enterprise_ids")))

    services.results_changed.connect(listener, dispatch_uid="test-rescore-writes")
    try:
        with CaptureQueriesContext(connection) as ctx:
            assert services.rescore() == 2
    finally:
        services.results_changed.disconnect(dispatch_uid="test-rescore-writes")
    table = Submission._meta.db_table
    assert sum(writes(ctx, table)) in (1, 2)  # one UPDATE statement (PostgreSQL) or one row each
    assert len(writes(ctx, table)) == 1
    assert heard == [(2025, sorted([subs[1].enterprise_id, subs[4].enterprise_id]))]
    subs[4].refresh_from_db()
    assert PillarScore.objects.get(submission=subs[4], pillar=score.pillar).level == score.level

    with CaptureQueriesContext(connection) as ctx:
        assert services.rescore() == 0
    assert writes(ctx, table) == []
    assert not [q for q in ctx.captured_queries if q["sql"].startswith(("INSERT", "DELETE"))]


def test_a_batch_that_fails_half_way_keeps_its_pillar_scores(framework, monkeypatch):
    """The batch's pillar scores are deleted, then inserted again: a failure in between (a worker
    stopped, a bad value) must roll the delete back, not leave results without pillar scores."""
    from assessment_forms.services import rescoring

    submission = VerifiedSubmissionFactory(framework=framework, year=2025, seed=3)
    before = sorted(PillarScore.objects.filter(submission=submission).values_list("pillar_id", "points"))
    assert before

    def broken(value):
        raise RuntimeError("stopped half way")

    monkeypatch.setattr(rescoring, "Decimal", broken)  # fails after the delete, before the insert
    with pytest.raises(RuntimeError):
        services.rescore(Submission.objects.filter(pk=submission.pk), force=True)
    after = sorted(PillarScore.objects.filter(submission=submission).values_list("pillar_id", "points"))
    assert after == before
