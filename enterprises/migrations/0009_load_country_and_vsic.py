"""Load (or bring up to date) the shipped reference data on `migrate`: both VSIC versions and
the administrative units of the whole country with their successor links.

Idempotent: rows are matched on (version, code) and (code, period); provisional unit codes of
the first release are renamed to the official ones, and links the data no longer has are
removed, so nothing is duplicated or orphaned. A later data release ships a new migration that
calls the same loaders again."""

from django.db import migrations


def load(apps, schema_editor):
    from enterprises.sectors import load_sectors
    from enterprises.units import load_country

    load_sectors(model=apps.get_model("enterprises", "Sector"))
    load_country(apps)


class Migration(migrations.Migration):
    dependencies = [("enterprises", "0008_sector_section")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop, elidable=False)]
