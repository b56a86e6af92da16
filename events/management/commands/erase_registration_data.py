from django.conf import settings
from django.core.management.base import BaseCommand

from events.privacy import erase_personal_data


class Command(BaseCommand):
    help = (
        "Erase registrations' personal data (name, position, e-mail, phone, notes, feedback comments, "
        "e-mails sent) for events that ended more than REGISTRATION_DATA_RETENTION_MONTHS months ago; "
        "counts, seats, status and attendance stay. Safe to run again (cron: daily)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=None, help="Override the retention setting.")
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be erased.")

    def handle(self, *args, months=None, dry_run=False, **options):
        months = settings.REGISTRATION_DATA_RETENTION_MONTHS if months is None else months
        if months < 0:
            self.stderr.write("--months must be 0 or more.")
            return
        count = erase_personal_data(months, dry_run=dry_run)
        verb = "would be erased" if dry_run else "erased"
        self.stdout.write(f"{count} registration(s) {verb} (events ended more than {months} month(s) ago).")
