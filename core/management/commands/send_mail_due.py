from django.core.management.base import BaseCommand

from core.mail import send_due


class Command(BaseCommand):
    help = "Send the outgoing-mail table's due rows: first tries the worker missed and retries after a failure."

    def handle(self, *args, **options):
        sent, tried = send_due()
        self.stdout.write(f"{sent}/{tried} thư đã gửi")
