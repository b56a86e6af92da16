"""Background work of the events app (django-tasks): immediate in the embedded default,
the database backend and `manage.py db_worker` in production."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task


@task()
def deliver_email(outbox_id):
    """Kept so tasks queued before the move to core.mail do not fail; their rows were copied
    to the outgoing-mail table, which `send_mail_due` sends."""
    return "moved"


@task()
def expire_offers_task():
    from .services import expire_offers

    return expire_offers()


@task()
def housekeeping(reschedule_minutes=10):
    """Expire unanswered offers, send reminders, send due e-mails (the whole site's outbox,
    core.mail) and delete staged uploads older than a day; with a backend that can defer (the
    database worker), it schedules its own next run."""
    from core.mail import send_due
    from core.uploads import purge_staged

    from .services import expire_offers, send_reminders

    result = {
        "expired": expire_offers(),
        "reminders": send_reminders(),
        "emails": send_due()[0],
        "staged_uploads_deleted": purge_staged(),
    }
    backend = housekeeping.get_backend()
    if reschedule_minutes and backend.supports_defer:
        housekeeping.using(run_after=timezone.now() + timedelta(minutes=reschedule_minutes)).enqueue(reschedule_minutes)
    return result
