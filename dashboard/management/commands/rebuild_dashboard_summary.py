"""Rebuild the dashboard's summary tables from the results and the registry (all years, or
--year), then drop the cached figures. Run after a bulk change that sent no signal."""

import time

from django.core.management.base import BaseCommand

from dashboard import summary
from dashboard.cache import invalidate


class Command(BaseCommand):
    help = "Rebuild the dashboard's pre-aggregated figures (all years, or --year)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, action="append", help="only this year (repeatable)")

    def handle(self, *args, year=None, **options):
        started = time.perf_counter()
        summary.rebuild(years=year, registry=not year)
        invalidate()
        self.stdout.write(f"dashboard summary rebuilt in {time.perf_counter() - started:.1f} s")
