from django.core.management.base import BaseCommand

from events.tasks import housekeeping


class Command(BaseCommand):
    help = (
        "Queue the events housekeeping task (expire offers, reminders, e-mail retries). With the database "
        "task backend it re-schedules itself every 10 minutes for `manage.py db_worker`."
    )

    def handle(self, *args, **options):
        result = housekeeping.enqueue(10)
        self.stdout.write(f"housekeeping: {result.status}")
