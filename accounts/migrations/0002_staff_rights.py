from django.db import migrations


def sync(apps, schema_editor):
    """Issue 14 (staff rights): the committee no longer edits cycles or reads answers, nobody
    publishes a decision outside its workflow, programme editors read the audit trail, see
    every event's registrations and the non-consenting ranking rows."""
    # Roles are applied after every migrate by accounts' post_migrate handler
    # (accounts/apps.py), with today's declarations; nothing to do at this point of history.
    return


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_roles"),
        ("core", "0002_audit_entry"),
        ("honors", "0005_staff_rights"),
        ("events", "0005_organisers"),
        ("assessment_forms", "0002_roles"),
        ("enterprises", "0006_membership_roles"),
        ("dashboard", "0002_roles"),
        ("stories", "0002_roles"),
        ("search", "0003_document_index"),
    ]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
