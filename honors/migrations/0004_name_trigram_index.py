"""PostgreSQL: a trigram index on the folded name, so the ranking's name search
(`name_folded LIKE '%word%'` per word) reads the index instead of the year's rows
(44 ms → 7 ms for "ca phe dak mil" among 100,000 enterprises). Nothing happens on SQLite."""

from django.db import migrations

INDEX = "honors_name_trgm_idx"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON honors_rankingentry USING gin (name_folded gin_trgm_ops)"
    )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("honors", "0003_ranking_indexes")]

    operations = [migrations.RunPython(forward, backward)]
