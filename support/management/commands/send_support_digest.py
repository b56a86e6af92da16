from django.core.management.base import BaseCommand

from support.services import daily_digest


class Command(BaseCommand):
    help = "E-mail the support coordinators the day's unassigned and overdue requests (run daily by cron)."

    def handle(self, *args, **options):
        sent = daily_digest()
        self.stdout.write(f"{sent} digest e-mail(s) queued")
