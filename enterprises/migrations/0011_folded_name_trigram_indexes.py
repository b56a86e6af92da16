"""PostgreSQL: trigram indexes on the folded name columns, so the public search of enterprises
(`core.folding.folded_search` over name, short name and English name: one
`translate(lower(translate(…)))` LIKE '%word%' per word and column) reads the indexes instead
of every row of the registry (issue 21: a million enterprises). The indexed expression is
exactly the SQL `core.folding.Fold` writes. Nothing happens on SQLite."""

from django.db import migrations

FIELDS = ("name", "short_name", "name_en")


def _index(field):
    return f"enterprises_{field}_fold_trgm_idx"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from core.folding import FOLD_FROM, FOLD_TO

    quote = schema_editor.quote_value
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for field in FIELDS:
        expression = (
            f"translate(lower(translate(COALESCE({field}, ''), {quote(FOLD_FROM)}, {quote(FOLD_TO)})), "
            f"{quote(FOLD_FROM)}, {quote(FOLD_TO)})"
        )
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {_index(field)} ON enterprises_enterprise "
            f"USING gin (({expression}) gin_trgm_ops)"
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for field in FIELDS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {_index(field)}")


class Migration(migrations.Migration):
    dependencies = [("enterprises", "0010_merge_20261201_0959")]

    operations = [migrations.RunPython(forward, backward)]
