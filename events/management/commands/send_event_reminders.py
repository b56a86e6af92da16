from django.core.management.base import BaseCommand

from events.services import send_reminders


class Command(BaseCommand):
    help = "E-mail a reminder to confirmed attendees of events that start within a day (once each)."

    def handle(self, *args, **options):
        count = send_reminders()
        self.stdout.write(f"{count} thư nhắc lịch")
