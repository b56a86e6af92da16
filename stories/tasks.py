"""Background tasks. Scheduled publishing runs Wagtail's `publish_scheduled` command, from
the task worker or a cron entry (see docs/stories.md)."""

from django.core.management import call_command
from django_tasks import task


@task()
def publish_scheduled_pages():
    """Publish the revisions whose go-live time has come and unpublish expired pages."""
    call_command("publish_scheduled")
