"""Load the shipped DBI framework(s) on `migrate`, so a bare database can score and offer
the self-assessment without `load_framework` or `load_demo`.

The loader is the one `manage.py load_framework` uses (idempotent: unchanged content changes
nothing; changed content updates an unused version or adds a new one), run here against this
migration's historical models so later schema changes cannot break it."""

from django.db import migrations

MODELS = ("Framework", "Pillar", "Component", "Criterion", "AnswerOption")


def load(apps, schema_editor):
    from assessment_forms import loader
    from assessment_forms.models import Criterion

    saved = {name: getattr(loader, name) for name in MODELS}
    try:
        for name in MODELS:
            setattr(loader, name, apps.get_model("assessment_forms", name))
        # Historical models have no nested choices; the loader reads this one default.
        loader.Criterion.AnswerKind = Criterion.AnswerKind
        for path in sorted(loader.DATA_DIR.glob("*.yaml")):
            if path.name.endswith(".help.yaml"):
                continue
            loader.load_file(path)
    finally:
        for name, model in saved.items():
            setattr(loader, name, model)


class Migration(migrations.Migration):
    dependencies = [("assessment_forms", "0002_roles")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop, elidable=False)]
