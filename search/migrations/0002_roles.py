from django.db import migrations


def sync(apps, schema_editor):
    # Roles are applied after every migrate by accounts' post_migrate handler
    # (accounts/apps.py), with today's declarations; nothing to do at this point of history.
    return


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_vietnamese_text_search"),
        ("accounts", "0001_roles"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
