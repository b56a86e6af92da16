"""Background work of the core layer (django-tasks)."""

from django_tasks import task


@task()
def deliver_mail(mail_id: int) -> str:
    from .mail import deliver

    return deliver(mail_id)


@task()
def drain_mail() -> int:
    """Send every new e-mail (see `core.mail.enqueue`)."""
    from .mail import drain

    return drain()[0]
