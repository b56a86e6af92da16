from django.db import migrations


def sync(apps, schema_editor):
    # Roles are applied after every migrate by accounts' post_migrate handler
    # (accounts/apps.py), with today's declarations; nothing to do at this point of history.
    return


class Migration(migrations.Migration):
    dependencies = [
        ("assessment_forms", "0001_initial"),
        ("accounts", "0001_roles"),
    ]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
