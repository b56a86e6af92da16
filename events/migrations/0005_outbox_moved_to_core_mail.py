"""The events outbox moves to the site's one outgoing-mail table (core.OutgoingMail): every
row is copied (pending ones are sent by `send_mail_due` or the worker, failed ones show in the
admin's failures list), then events.OutboxEmail is deleted."""

from django.db import migrations

RENDERER = "events.emails.render_mail"


def copy_rows(apps, schema_editor):
    OutboxEmail = apps.get_model("events", "OutboxEmail")
    OutgoingMail = apps.get_model("core", "OutgoingMail")
    rows = []
    for row in OutboxEmail.objects.select_related("registration").order_by("pk").iterator(chunk_size=1000):
        rendered = bool(row.body) and row.kind == "message"
        rows.append(
            OutgoingMail(
                kind=f"events.{row.kind}",
                to=[row.to_email] if row.to_email else [],
                language=(row.registration.language if row.registration_id else "") or "vi",
                subject=row.subject,
                body_text=row.body,
                body_html=row.html_body,
                renderer="" if rendered or not row.registration_id else RENDERER,
                related_type="events.registration" if row.registration_id else "",
                related_id=str(row.registration_id or ""),
                status=row.status,
                attempts=row.attempts,
                last_error=row.last_error,
                next_attempt_at=row.next_attempt_at,
                sent_at=row.sent_at,
            )
        )
        if len(rows) >= 1000:
            OutgoingMail.objects.bulk_create(rows)
            rows = []
    OutgoingMail.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_outbox_rendered_when_sent"),
        ("core", "0001_outgoing_mail"),
    ]

    operations = [
        migrations.RunPython(copy_rows, migrations.RunPython.noop),
        migrations.DeleteModel(name="OutboxEmail"),
    ]
