"""PostgreSQL: the text search configuration `dx_vietnamese` (COPY = simple, with unaccent).

`simple` has no stemming and no stop words (English's would drop "so", the folded "số").
unaccent strips marks from anything that reaches the database unfolded; the backend also
folds itself (search/text.py), which covers "đ" where an unaccent.rules lacks it.
Nothing happens on other databases.
"""

from django.db import migrations

CONFIG = "dx_vietnamese"

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"""DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN
            CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = simple);
        END IF;
    END $$""",
    f"""ALTER TEXT SEARCH CONFIGURATION {CONFIG}
        ALTER MAPPING FOR hword, hword_part, word, asciiword, asciihword, hword_asciipart, numword, numhword
        WITH unaccent, simple""",
]
BACKWARD = [f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}"]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FORWARD:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in BACKWARD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(forward, backward)]
