from django.db import migrations


def load(apps, schema_editor):
    # The sectors are loaded by 0008_load_country_and_vsic (both VSIC versions), whose loader
    # needs the `version` column added by 0007.
    pass


def backfill(apps, schema_editor):
    from core.text import fold_compact as fold

    Enterprise = apps.get_model("enterprises", "Enterprise")
    for enterprise in Enterprise.objects.all().iterator():
        enterprise.search_text = fold(
            " ".join(filter(None, [enterprise.name, enterprise.name_en, enterprise.short_name, enterprise.tax_code]))
        )
        enterprise.save(update_fields=["search_text"])


class Migration(migrations.Migration):
    dependencies = [("enterprises", "0004_size_search_membership")]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
