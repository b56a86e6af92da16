from django.core.management.base import BaseCommand

from enterprises.units import load_country


class Command(BaseCommand):
    help = (
        "Load or update the administrative units of the whole country (before and after 1/7/2025) and "
        "their successor links from enterprises/data/units/ (idempotent; `migrate` does it too)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"units: {load_country()}")
