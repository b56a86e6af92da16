from django.db import migrations


def sync(apps, schema_editor):
    # Roles are applied after every migrate by accounts' post_migrate handler
    # (accounts/apps.py), with today's declarations; nothing to do at this point of history.
    return


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0001_initial"),
        ("accounts", "0001_roles"),
        ("assessment_forms", "0002_roles"),
        ("market", "0002_roles"),
    ]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
