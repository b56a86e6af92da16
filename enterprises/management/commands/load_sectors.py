from django.core.management.base import BaseCommand

from enterprises.sectors import DATA_FILE, load_sectors


class Command(BaseCommand):
    help = "Load the VSIC 2018 sections and divisions with their Decree 80 groups (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DATA_FILE))

    def handle(self, *args, file, **options):
        created, updated = load_sectors(file)
        self.stdout.write(f"{file}: {created} sectors created, {updated} updated")
