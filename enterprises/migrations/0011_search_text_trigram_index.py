"""PostgreSQL: a trigram index on the stored folded search column, so the public search of
enterprises (`search/enterprises.py`: `search_text LIKE '%word%'` per word) reads the index
instead of every row of the registry (issue 21: a million enterprises). Nothing happens on
SQLite."""

from django.db import migrations

INDEX = "enterprises_search_text_trgm_idx"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON enterprises_enterprise USING gin (search_text gin_trgm_ops)"
    )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("enterprises", "0010_merge_20261201_0959")]

    operations = [migrations.RunPython(forward, backward)]
