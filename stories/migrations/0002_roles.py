from django.db import migrations


def sync(apps, schema_editor):
    from accounts.roles import sync_roles

    sync_roles(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0001_initial"),
        ("enterprises", "0003_roles"),
        ("accounts", "0001_roles"),
    ]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
