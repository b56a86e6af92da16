from django.core.management.base import BaseCommand

from events.emails import send_due


class Command(BaseCommand):
    help = "Send the events outbox: e-mails not sent yet or due for a retry after a failure."

    def handle(self, *args, **options):
        sent, tried = send_due()
        self.stdout.write(f"{sent}/{tried} thư đã gửi")
