from django.core.management.base import BaseCommand

from enterprises.sectors import load_sectors


class Command(BaseCommand):
    help = "Load VSIC 2018 and VSIC 2025 with their Decree 80 groups (idempotent; `migrate` does it too)."

    def handle(self, *args, **options):
        created, updated = load_sectors()
        self.stdout.write(f"VSIC 2018 + 2025: {created} sectors created, {updated} updated")
