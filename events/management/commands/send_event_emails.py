from django.core.management.base import BaseCommand

from core.mail import send_due


class Command(BaseCommand):
    help = "Kept for existing cron lines: sends the site's due e-mails (same as send_mail_due)."

    def handle(self, *args, **options):
        sent, tried = send_due()
        self.stdout.write(f"{sent}/{tried} thư đã gửi")
