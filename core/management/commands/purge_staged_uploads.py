from django.core.management.base import BaseCommand

from core.uploads import STAGING_MAX_AGE, purge_staged


class Command(BaseCommand):
    help = "Delete staged uploads (imports never confirmed) older than a day."

    def add_arguments(self, parser):
        parser.add_argument("--max-age", type=int, default=STAGING_MAX_AGE, help="seconds (default: a day)")

    def handle(self, *args, max_age, **options):
        removed = purge_staged(max_age)
        self.stdout.write(f"{removed} staged upload(s) deleted.")
