from django.core.management.base import BaseCommand

from search.hits import flush_hits


class Command(BaseCommand):
    help = "Moves the buffered search-term hits into the search terms report (run from cron)."

    def handle(self, *args, **options):
        written = flush_hits()
        self.stdout.write(f"{written} search hits written.")
