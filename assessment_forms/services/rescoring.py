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

RESCORE_FIELDS = ("pk", "framework_id", "enterprise_id", "answers", "total", "max_total", "level", "status", "year")
# More changed enterprises than this in a year: listeners are told "the whole year" (None).
ENTERPRISE_IDS_LIMIT = 20_000


def rescore(queryset: QuerySet[Submission] | None = None, batch_size: int = 2000, force: bool = False) -> int:
    """Rescore stored submissions (after a framework fix). Returns the number whose result changed.

    Reads answers in batches, scores in process, and writes back only what changed, in bulk
    (one update and one delete + insert of pillar scores per batch). Listeners hear once per
    year whose verified results changed (`submission=None, year=..., enterprise_ids=[...]`, the
    enterprises whose result changed, or None when there are more than ENTERPRISE_IDS_LIMIT),
    not once per row, so a rescoring of 100,000 rows rebuilds the ranking of each year once and
    only what changed. A row counts as changed when its total, maximum, level or any of its
    pillar scores differs from the stored one (`force` writes every row)."""
    queryset = (queryset if queryset is not None else Submission.objects.scored()).order_by("pk")
    specs: dict[int, Spec]
    pillar_ids: dict[int, dict[str, int]]
    specs, pillar_ids = {}, {}
    changed = 0
    changed_years: dict[int, set[int] | None] = {}
    last_pk = 0
    while True:
        rows = queryset.filter(pk__gt=last_pk).values(*RESCORE_FIELDS)
        batch = list(rows[:batch_size])
        if not batch:
            break
        last_pk = batch[-1]["pk"]
        updates: list[tuple[dict[str, Any], Result]] = []
        stored = {} if force else _stored_pillars([row["pk"] for row in batch])
        for row in batch:
            framework_id = row["framework_id"]
            if framework_id not in specs:
                framework = Framework.objects.get(pk=framework_id)
                specs[framework_id] = get_spec(framework)
                pillar_ids[framework_id] = dict(framework.pillars.values_list("code", "pk"))
            result = score(specs[framework_id], row["answers"] or {}, validate=False)
            if force or _differs(row, result, stored.get(row["pk"], {}), pillar_ids[framework_id]):
                updates.append((row, result))
        if updates:
            # One transaction per batch: a worker stopped between the delete and the insert of
            # pillar scores must not leave results without them.
            with transaction.atomic():
                _write_results(updates, pillar_ids)
            for row, _r in updates:
                if row["status"] != Submission.Status.VERIFIED:
                    continue
                ids = changed_years.setdefault(row["year"], set())
                if ids is not None and row["enterprise_id"] is not None:
                    ids.add(row["enterprise_id"])
                    if len(ids) > ENTERPRISE_IDS_LIMIT:
                        changed_years[row["year"]] = None
        changed += len(updates)
    for each, ids in sorted(changed_years.items()):
        enterprise_ids = None if ids is None else sorted(ids)
        results_changed.send(Submission, submission=None, year=each, action="rescored", enterprise_ids=enterprise_ids)
    return changed


def _stored_pillars(ids: list[int]) -> dict[int, dict[int, tuple[int, int, int]]]:
    """{submission id: {pillar id: (points, max points, level)}} of the stored pillar scores."""
    stored: dict[int, dict[int, tuple[int, int, int]]] = {}
    rows = PillarScore.objects.filter(submission_id__in=ids).order_by()
    for submission_id, pillar_id, points, max_points, level in rows.values_list(
        "submission_id", "pillar_id", "points", "max_points", "level"
    ):
        stored.setdefault(submission_id, {})[pillar_id] = (points, max_points, level)
    return stored


def _differs(row: dict[str, Any], result: Result, stored: dict[int, tuple[int, int, int]], ids: dict[str, int]) -> bool:
    """Whether a fresh result differs from what is stored for the row (total, maximum, level,
    or any pillar score; the percentage follows from points and maximum)."""
    if result.total != row["total"] or result.max != row["max_total"] or result.level != row["level"]:
        return True
    if len(stored) != len(result.pillars):
        return True
    return any(stored.get(ids.get(p.code, -1)) != (p.points, p.max, p.level) for p in result.pillars)


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
