from django.core.management.base import BaseCommand

from enterprises.units import default_unit_files, load_units


class Command(BaseCommand):
    help = "Load administrative units from YAML files (default: every file in enterprises/data/units/)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*")

    def handle(self, *args, files, **options):
        for path in files or default_unit_files():
            count = load_units(path)
            self.stdout.write(f"{path}: {count} units")
