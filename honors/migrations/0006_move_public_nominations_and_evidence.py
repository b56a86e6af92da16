"""Issue 13: every public nomination becomes its own record, and evidence files leave public
media for private storage, under random names (the public copies are deleted)."""

import logging

from django.db import migrations

logger = logging.getLogger(__name__)


def forwards(apps, schema_editor):
    from django.core.files.base import ContentFile
    from django.core.files.storage import storages

    from core.private_files import kind_of_name, random_name

    Nomination = apps.get_model("honors", "Nomination")
    PublicNomination = apps.get_model("honors", "PublicNomination")
    NominationEvidence = apps.get_model("honors", "NominationEvidence")

    for nomination in Nomination.objects.exclude(source="automatic"):
        if not (nomination.nominator_name or nomination.nominator_email or nomination.statement):
            continue
        entry = PublicNomination.objects.create(
            nomination=nomination,
            source=nomination.source,
            nominator_name=nomination.nominator_name,
            nominator_organisation=nomination.nominator_organisation,
            nominator_email=nomination.nominator_email,
            nominator_phone=nomination.nominator_phone,
            statement=nomination.statement,
            submission_token=nomination.submission_token,
        )
        NominationEvidence.objects.filter(nomination=nomination, entry__isnull=True).update(entry=entry)

    public, private = storages["default"], storages["private"]
    for evidence in NominationEvidence.objects.select_related("nomination__category__cycle"):
        old = evidence.file.name
        if not old or not public.exists(old):
            continue
        with public.open(old, "rb") as handle:
            content = handle.read()
        kind = kind_of_name(old) or "pdf"
        year = evidence.nomination.category.cycle.year
        new = private.save(f"honors/evidence/{year}/{random_name(kind)}", ContentFile(content))
        NominationEvidence.objects.filter(pk=evidence.pk).update(
            file=new, original_name=old.rsplit("/", 1)[-1][:255], size=len(content)
        )
        public.delete(old)
        logger.info("moved nomination evidence %s to private storage", evidence.pk)


class Migration(migrations.Migration):
    dependencies = [("honors", "0005_public_nominations_private_evidence")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
