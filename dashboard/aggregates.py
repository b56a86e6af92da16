"""Database aggregations the ORM does not ship: the median, on PostgreSQL and on SQLite."""

from django.db import connections
from django.db.models import Aggregate, Count, F, FloatField, Window
from django.db.models.functions import RowNumber


class Median(Aggregate):
    """PostgreSQL's continuous median (the mean of the two middle values for an even count)."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def medians(queryset, group_fields, value_field):
    """{group tuple: median of value_field} for the rows of `queryset`, grouped by the
    (annotated) `group_fields`; () is the key when there are no group fields.

    PostgreSQL computes it with PERCENTILE_CONT in one grouped query. Elsewhere (SQLite),
    window functions rank the rows within each group and only the one or two middle rows of
    each group come back, so Python never sees more than two rows per group."""
    group_fields = list(group_fields)
    queryset = queryset.order_by()
    if connections[queryset.db].vendor == "postgresql":
        if group_fields:
            rows = queryset.values(*group_fields).annotate(_median=Median(value_field))
        else:
            rows = [queryset.aggregate(_median=Median(value_field))]
        return {tuple(row[field] for field in group_fields): _float(row["_median"]) for row in rows}

    partition = [F(field) for field in group_fields] or None
    ranked = (
        queryset.annotate(
            _rank=Window(RowNumber(), partition_by=partition, order_by=[F(value_field).asc(), F("pk").asc()]),
            _size=Window(Count("pk"), partition_by=partition),
        )
        .filter(_rank__gte=(F("_size") + 1) / 2, _rank__lte=(F("_size") + 2) / 2)
        .values_list(*group_fields, value_field)
    )
    middle = {}
    for row in ranked:
        middle.setdefault(tuple(row[:-1]), []).append(float(row[-1]))
    return {key: sum(values) / len(values) for key, values in middle.items()}


def _float(value):
    return None if value is None else float(value)
