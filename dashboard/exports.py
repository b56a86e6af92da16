"""Open-data downloads of the dashboard's tables (CSV and JSON), from the same tables the
page shows, suppressed figures included as suppressed."""

from django.utils.translation import gettext as _

from core.exports import csv_lines

from .suppression import MIN_GROUP
from .tables import SUPPRESSED


def filename(key, year, filters, fmt):
    parts = [f"dbi-{year}", key] + [f"{name}-{value}" for name, value in sorted(filters.items())]
    return "_".join(str(part) for part in parts) + f".{fmt}"


def table_csv(table):
    """UTF-8 with a byte-order mark so spreadsheet programs read the diacritics."""
    matrix = list(table.as_matrix())
    if not matrix:
        return "\ufeff"
    # The one export path (core.exports): formula-leading text escaped.
    return "".join(csv_lines(matrix[0], matrix[1:]))


def _meta(figures):
    return {
        "year": figures["year"],
        "filters": figures["filters"],
        "suppression": {
            "mark": SUPPRESSED,
            "min_group": MIN_GROUP,
            "explanation": _(
                "Số liệu của nhóm dưới %(n)s doanh nghiệp (hoặc có thể suy ra từ tổng) được ẩn để không lộ "
                "kết quả của từng doanh nghiệp."
            )
            % {"n": MIN_GROUP},
        },
    }


def _table_dict(table):
    return {
        "key": table.key,
        "title": str(table.title),
        "columns": [{"key": column.key, "label": str(column.label), "kind": column.kind} for column in table.columns],
        "rows": table.as_records(),
    }


def table_json(figures, table):
    return {**_meta(figures), "table": _table_dict(table)}


def tables_json(figures, tables):
    return {**_meta(figures), "tables": [_table_dict(table) for table in tables]}
