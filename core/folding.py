"""Diacritic-free, case-free matching in the database, for searches that do not go through
the search index (personal data such as registrations and users, admin listings).

`Fold(expression)` is `core.text.fold` evaluated by the database:
* SQLite: a deterministic SQL function `dx_fold` registered on every new connection
  (`register_sqlite_fold`, connected in `CoreConfig.ready`);
* PostgreSQL: `translate(lower(x), <Vietnamese letters>, <their folds>)`, plain SQL, no
  extension needed.
`folded_search(queryset, query, fields)` keeps the rows in which every word of the query,
folded, occurs in at least one of the fields, folded: "hung" finds "Hùng", "DAK MIL" finds
"Đắk Mil".
"""

from functools import reduce
from operator import and_, or_
from typing import TYPE_CHECKING, Any

from django.db.models import CharField, Func, Q, QuerySet

from core.text import fold

if TYPE_CHECKING:  # Wagtail ships no type information: the base is Any to mypy
    from wagtail.admin.views.generic import IndexView as _IndexViewBase
else:
    _IndexViewBase = object


def _folding_table() -> tuple[str, str]:
    """Every precomposed Latin letter whose fold is one other ASCII letter (Vietnamese and
    the rest of Latin-1/Extended-A/Additional), upper and lower case."""
    source, target = [], []
    for code in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        folded = fold(char)
        if folded != char and len(folded) == 1 and folded.isascii():
            source.append(char)
            target.append(folded)
    return "".join(source), "".join(target)


FOLD_FROM, FOLD_TO = _folding_table()


class Fold(Func):
    """The folded (lowercase, diacritic-free, đ→d) text of an expression, in SQL."""

    function = "dx_fold"
    arity = 1
    output_field = CharField()

    def as_postgresql(self, compiler: Any, connection: Any, **extra_context: Any) -> tuple[str, list[Any]]:
        sql, params = compiler.compile(self.source_expressions[0])
        # translate() before lower() as well: lower() leaves non-ASCII letters alone under the C locale.
        return f"translate(lower(translate(COALESCE({sql}, ''), %s, %s)), %s, %s)", [
            *params,
            FOLD_FROM,
            FOLD_TO,
            FOLD_FROM,
            FOLD_TO,
        ]


def register_sqlite_fold(sender: Any, connection: Any, **kwargs: Any) -> None:
    """`connection_created` receiver: gives SQLite connections the `dx_fold` function."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("dx_fold", 1, fold, deterministic=True)


def folded_search(queryset: QuerySet[Any], query: str, fields: list[str]) -> QuerySet[Any]:
    """Rows where each folded word of `query` is in one of `fields` (folded). Empty query: all."""
    words = fold(query).split()
    if not words or not fields:
        return queryset
    annotations = {f"_fold_{index}": Fold(field) for index, field in enumerate(fields)}
    queryset = queryset.alias(**annotations)
    conditions = [reduce(or_, (Q(**{f"{name}__contains": word}) for name in annotations)) for word in words]
    return queryset.filter(reduce(and_, conditions))


class FoldedSearchMixin(_IndexViewBase):
    """For Wagtail generic index views searched with the ORM (`search_fields`, model not in
    the search index): the search ignores diacritics and case."""

    def search_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if not self.is_searching:
            return queryset
        return folded_search(queryset, self.search_query, self.search_fields or [])
