from django.db import migrations


def sync(apps, schema_editor):
    from accounts.roles import sync_roles

    sync_roles(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("dashboard", "0001_initial"),
        ("accounts", "0001_roles"),
    ]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
