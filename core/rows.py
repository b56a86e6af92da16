"""Columns read in plain SQL on hot paths, their values converted as the ORM converts them.

A registration rush reads an event's seat fields under its row lock and an enterprise by tax
code; the ORM spent several times as long building those one-row queries as the database
spent answering them (issue 21.4). `FieldRow` gives a caller the quoted column list for its
own SQL and turns the row it fetched into the values the ORM would have given (SQLite returns
dates and datetimes as text, for one).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class FieldRow:
    """`fields` (model fields of one table) for a SELECT on `connection`."""

    def __init__(self, fields: Sequence[Any], connection: Any) -> None:
        self.fields = list(fields)
        self.connection = connection
        self.columns = ", ".join(connection.ops.quote_name(field.column) for field in self.fields)
        self._converters = []
        for field in self.fields:
            column = field.get_col(field.model._meta.db_table)
            converters = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
            self._converters.append((column, converters))

    def values(self, row: Sequence[Any]) -> list[Any]:
        """The fetched `row`'s values, in the fields' order, converted."""
        values = []
        for value, (column, converters) in zip(row, self._converters, strict=True):
            for convert in converters:
                value = convert(value, column, self.connection)
            values.append(value)
        return values
