"""Rescoring stored submissions in bulk after a framework fix, and finding results whose
pillar scores do not add up."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import QuerySet

from ..models import (
    Framework,
    PillarScore,
    Submission,
)
from ..scoring import Result, Spec, score
from ..signals import results_changed
from .frameworks import get_spec

RESCORE_FIELDS = ("pk", "framework_id", "answers", "total", "level", "status", "year")


def rescore(queryset: QuerySet[Submission] | None = None, batch_size: int = 2000, force: bool = False) -> int:
    """Rescore stored submissions (after a framework fix). Returns the number whose result changed.

    Reads answers in batches, scores in process, and writes back only what changed, in bulk
    (one update and one delete + insert of pillar scores per batch). Listeners hear once per
    year whose verified results changed (`submission=None, year=...`), not once per row, so a
    rescoring of 100,000 rows rebuilds the ranking of each year once."""
    queryset = (queryset if queryset is not None else Submission.objects.scored()).order_by("pk")
    specs: dict[int, Spec]
    pillar_ids: dict[int, dict[str, int]]
    specs, pillar_ids = {}, {}
    changed = 0
    changed_years: set[int] = set()
    last_pk = 0
    while True:
        rows = queryset.filter(pk__gt=last_pk).values(*RESCORE_FIELDS)
        batch = list(rows[:batch_size])
        if not batch:
            break
        last_pk = batch[-1]["pk"]
        updates: list[tuple[dict[str, Any], Result]] = []
        for row in batch:
            framework_id = row["framework_id"]
            if framework_id not in specs:
                framework = Framework.objects.get(pk=framework_id)
                specs[framework_id] = get_spec(framework)
                pillar_ids[framework_id] = dict(framework.pillars.values_list("code", "pk"))
            result = score(specs[framework_id], row["answers"] or {}, validate=False)
            if force or result.total != row["total"] or result.level != row["level"]:
                updates.append((row, result))
        if updates:
            _write_results(updates, pillar_ids)
            changed_years.update(row["year"] for row, _r in updates if row["status"] == Submission.Status.VERIFIED)
        changed += len(updates)
    for each in sorted(changed_years):
        results_changed.send(Submission, submission=None, year=each, action="rescored")
    return changed


def inconsistent_results(queryset: QuerySet[Submission] | None = None) -> QuerySet[Submission]:
    """Scored submissions whose stored pillar scores do not add up to their stored total (or
    that lost their pillar scores): what a lost update leaves behind. `manage.py check_results`
    lists them; `--fix` rescores them (`rescore(..., force=True)`)."""
    from django.db.models import Count, F, Q, Sum

    queryset = queryset if queryset is not None else Submission.objects.scored()
    return (
        queryset.annotate(pillar_sum=Sum("pillar_scores__points"), pillar_count=Count("pillar_scores"))
        .filter(Q(pillar_count=0) | ~Q(pillar_sum=F("total")))
        .order_by("pk")
    )


@transaction.atomic
def _write_results(updates: list[tuple[dict[str, Any], Result]], pillar_ids: dict[int, dict[str, int]]) -> None:
    """Write a batch of changed results: on PostgreSQL one UPDATE and one INSERT per batch fed
    with arrays (unnest); elsewhere prepared statements run once per row. Both far cheaper
    than model saves or bulk_update's CASE expressions."""
    quote = connection.ops.quote_name
    submissions = quote(Submission._meta.db_table)
    scores = quote(PillarScore._meta.db_table)
    ids = [row["pk"] for row, _r in updates]
    PillarScore.objects.filter(submission_id__in=ids).delete()
    result_rows = [(row["pk"], r.total, r.max, r.level) for row, r in updates]
    score_rows = [
        (row["pk"], pillar_ids[row["framework_id"]][p.code], p.points, p.max, Decimal(str(p.percent)), p.level)
        for row, r in updates
        for p in r.pillars
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"UPDATE {submissions} AS s SET total = v.total, max_total = v.max_total, level = v.level "  # noqa: S608
                "FROM unnest(%s::bigint[], %s::integer[], %s::integer[], %s::smallint[]) "
                "AS v(id, total, max_total, level) WHERE s.id = v.id",
                [list(column) for column in zip(*result_rows, strict=True)],
            )
            cursor.execute(
                f"INSERT INTO {scores} (submission_id, pillar_id, points, max_points, percent, level) "  # noqa: S608
                "SELECT * FROM unnest(%s::bigint[], %s::bigint[], %s::integer[], %s::integer[], "
                "%s::numeric[], %s::smallint[])",
                [list(column) for column in zip(*score_rows, strict=True)],
            )
            return
        cursor.executemany(
            f"UPDATE {submissions} SET total = %s, max_total = %s, level = %s WHERE id = %s",  # noqa: S608
            [(total, maximum, level, pk) for pk, total, maximum, level in result_rows],
        )
        cursor.executemany(
            f"INSERT INTO {scores} (submission_id, pillar_id, points, max_points, percent, level) "  # noqa: S608
            "VALUES (%s, %s, %s, %s, %s, %s)",
            score_rows,
        )
