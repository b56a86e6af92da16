"""The dashboard's pre-aggregated figures (issue 21 point 5: a million enterprises).

Every figure the dashboard shows is a sum over cells keyed by the enterprise's raw sector,
area and size, or a median over the values in such cells. The summary tables
(`SummaryCell`, `SummaryPillar`, `SummaryValue` in dashboard.models) hold exactly those sums
and histograms per year, so the dashboard reads a few thousand rows instead of millions of
results.

Kept up to date in the transaction of each change (dashboard.apps connects the signals):

* a submission saved or deleted, a result verified, unverified or rescored: its enterprise's
  cell of that year is rebuilt (a few hundred rows at most, by the cell's index);
* an enterprise saved or deleted: its old and new cells, every year and the registry;
* a bulk rescoring (`results_changed` with `year` and optionally `enterprise_ids`): the cells
  of those enterprises, or the whole year when there are many;
* an import of enterprises (`enterprises.importing.written`): the cells of the written rows.

Until the summary has been built once (`manage.py rebuild_dashboard_summary`, or the
dashboard's first read) nothing is tracked cell by cell: the first read builds it whole.
"""

from django.db import connection, transaction
from django.db.models import Count, Max, Q, Sum
from django.utils import timezone

from . import sources
from .models import SummaryCell, SummaryPillar, SummaryState, SummaryValue

E = sources.ENTERPRISE_PREFIX
P = "submission__" + E
REGISTRY_YEAR = 0
# More cells than this in one change: the whole year is rebuilt (one grouped query per table).
MAX_CELLS = 200
CELL_FIELDS = ("sector_id", "area_id", "size_class")


def is_built():
    return SummaryState.objects.exists()


def ensure_built():
    """Build the summary whole unless it has been built (the dashboard's first read)."""
    if not is_built():
        rebuild()


def _cell_q(cells, prefix=""):
    q = Q()
    for sector_id, area_id, size_class in cells:
        part = Q(**{f"{prefix}size_class": size_class})
        for name, value in (("sector_id", sector_id), ("area_id", area_id)):
            part &= Q(**{f"{prefix}{name}__isnull": True}) if value is None else Q(**{f"{prefix}{name}": value})
        q |= part
    return q


def _insert_select(model, columns, queryset, constants=()):
    """INSERT INTO model's table (constants' columns, columns) SELECT constants, * FROM the
    grouped queryset (its values() fields, then its annotations, in order)."""
    quote = connection.ops.quote_name
    sql, params = queryset.query.sql_with_params()
    names = [name for name, _value in constants] + list(columns)
    head = "".join("%s, " for _c in constants)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(n) for n in names)}) "  # noqa: S608
            f"SELECT {head}src.* FROM ({sql}) AS src",
            [*(value for _name, value in constants), *params],
        )


def _submissions():
    return sources.verified_submissions(None).order_by()


def _assessed():
    model = _submissions().model
    return model.objects.filter(status__in=["submitted", "verified"], framework__code=sources.FRAMEWORK_CODE).order_by()


def _pillar_scores():
    return sources.pillar_scores(_submissions()).order_by()


@transaction.atomic
def rebuild(years=None, cells=None, registry=True):
    """Recompute the summary: every year (`years` None) or those years, every cell (`cells`
    None) or those (sector id, area id, size class) cells; with `registry`, the registry's
    cells too. Returns the number of cells asked for (None for all)."""
    cells = None if cells is None else {tuple(cell) for cell in cells}
    if cells is not None and len(cells) > MAX_CELLS:
        cells = None
    if cells is not None and not cells:
        return 0
    in_years = None if years is None else sorted({int(y) for y in years})

    def scope(queryset, year_field, prefix):
        if in_years is not None:
            queryset = queryset.filter(**{f"{year_field}__in": in_years})
        if cells is not None:
            queryset = queryset.filter(_cell_q(cells, prefix))
        return queryset

    def drop(model, **extra):
        queryset = model.objects.filter(**extra)
        if in_years is not None:
            queryset = queryset.filter(year__in=in_years)
        if cells is not None:
            queryset = queryset.filter(_cell_q(cells))
        queryset._raw_delete(queryset.db)

    raw = (f"{E}sector_id", f"{E}area_id", f"{E}size_class")
    raw_pillar = tuple(f"submission__{field}" for field in raw)
    drop(SummaryCell, kind__in=[SummaryCell.Kind.RESULT, SummaryCell.Kind.ASSESSED])
    drop(SummaryPillar)
    drop(SummaryValue)
    _insert_select(
        SummaryCell,
        ["year", *CELL_FIELDS, "level", "n", "total"],
        scope(_submissions(), "year", E).values("year", *raw, "level").annotate(_n=Count("pk"), _total=Sum("total")),
        [("kind", SummaryCell.Kind.RESULT)],
    )
    _insert_select(
        SummaryCell,
        ["year", *CELL_FIELDS, "n"],
        scope(_assessed(), "year", E).values("year", *raw).annotate(_n=Count("enterprise_id", distinct=True)),
        [("kind", SummaryCell.Kind.ASSESSED), ("level", 0), ("total", 0)],
    )
    _insert_select(
        SummaryValue,
        ["year", *CELL_FIELDS, "value", "n"],
        scope(_submissions(), "year", E).values("year", *raw, "total").annotate(_n=Count("pk")),
        [("pillar", "")],
    )
    pillar_scores = scope(_pillar_scores(), "submission__year", "submission__" + E)
    _insert_select(
        SummaryPillar,
        ["year", "pillar", *CELL_FIELDS, "n", "points", "percent", "maximum"],
        pillar_scores.values("submission__year", "pillar__code", *raw_pillar).annotate(
            _n=Count("pk"), _points=Sum("points"), _percent=Sum("percent"), _maximum=Max("max_points")
        ),
    )
    _insert_select(
        SummaryValue,
        ["year", "pillar", *CELL_FIELDS, "value", "n"],
        pillar_scores.values("submission__year", "pillar__code", *raw_pillar, "points").annotate(_n=Count("pk")),
    )
    if registry:
        _rebuild_registry(cells)
    if years is None and cells is None and registry:
        SummaryState.objects.all().delete()
        SummaryState.objects.create(built_at=timezone.now())
    return None if cells is None else len(cells)


def _rebuild_registry(cells):
    queryset = SummaryCell.objects.filter(kind=SummaryCell.Kind.REGISTRY)
    if cells is not None:
        queryset = queryset.filter(_cell_q(cells))
    queryset._raw_delete(queryset.db)
    enterprises = sources.registry().order_by()
    if cells is not None:
        enterprises = enterprises.filter(_cell_q(cells))
    _insert_select(
        SummaryCell,
        [*CELL_FIELDS, "n"],
        enterprises.values(*CELL_FIELDS).annotate(_n=Count("pk")),
        [("kind", SummaryCell.Kind.REGISTRY), ("year", REGISTRY_YEAR), ("level", 0), ("total", 0)],
    )


def enterprise_added(cell):
    """A new enterprise: only the registry's count of its cell changes (it has no result yet).
    One UPDATE adds it to the cell's row: a registration rush records hundreds of new
    enterprises, nearly all in the same cell, and a rebuild of the row (DELETE, then INSERT …
    SELECT) in each of their transactions queued them on it. A cell with no row yet is built
    from the registry (nothing is tracked until the summary is built)."""
    # Plain SQL: it runs once per registration of a new enterprise under a rush.
    conditions, params = ["kind = %s", "year = %s"], [SummaryCell.Kind.REGISTRY.value, REGISTRY_YEAR]
    for column, value in zip(CELL_FIELDS, cell, strict=True):
        if value is None:
            conditions.append(f"{column} IS NULL")
        else:
            conditions.append(f"{column} = %s")
            params.append(value)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {SummaryCell._meta.db_table} SET n = n + 1 WHERE {' AND '.join(conditions)}", params)  # noqa: S608 (column names only)
        added = cursor.rowcount
    if not added and is_built():
        with transaction.atomic():
            _rebuild_registry({tuple(cell)})


# --- What a change touches ------------------------------------------------------------------


def enterprise_cells(enterprise_ids):
    """The (sector id, area id, size class) cells these enterprises are in now."""
    from enterprises.models import Enterprise

    ids = list(enterprise_ids)
    cells = set()
    for start in range(0, len(ids), 5000):
        cells.update(
            Enterprise.objects.filter(pk__in=ids[start : start + 5000]).values_list(*CELL_FIELDS).distinct().order_by()
        )
        if len(cells) > MAX_CELLS:
            return None
    return cells


def results_changed(year=None, submission=None, enterprise_ids=None, action=None):
    """Bring the summary up to date after a change to results (the `results_changed` signal)."""
    if action == "published" or not is_built():
        return
    if submission is not None:
        ids, years = [submission.enterprise_id], [submission.year]
    else:
        ids, years = enterprise_ids, None if year is None else [year]
    cells = None if ids is None else enterprise_cells(ids)
    rebuild(years=years, cells=cells, registry=False)


def enterprises_changed(enterprise_ids=None, cells=()):
    """After enterprises were written (an import) or edited: their cells, every year and the
    registry (the old cells of an edit are passed in `cells`)."""
    if not is_built():
        return
    found = set(cells)
    if enterprise_ids is None:
        found = None
    else:
        now = enterprise_cells(enterprise_ids)
        found = None if now is None else found | now
    rebuild(cells=found)
