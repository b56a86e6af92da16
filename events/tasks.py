"""Background work of the events app (django-tasks): immediate in the embedded default,
the database backend and `manage.py db_worker` in production."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task


@task()
def deliver_email(outbox_id):
    from .emails import deliver

    return deliver(outbox_id)


@task()
def expire_offers_task():
    from .services import expire_offers

    return expire_offers()


@task()
def housekeeping(reschedule_minutes=10):
    """Expire unanswered offers, send reminders and retry due e-mails; with a backend that
    can defer (the database worker), it schedules its own next run."""
    from .emails import send_due
    from .services import expire_offers, send_reminders

    result = {"expired": expire_offers(), "reminders": send_reminders(), "emails": send_due()[0]}
    backend = housekeeping.get_backend()
    if reschedule_minutes and backend.supports_defer:
        housekeeping.using(run_after=timezone.now() + timedelta(minutes=reschedule_minutes)).enqueue(reschedule_minutes)
    return result
