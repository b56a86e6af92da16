"""Find stored results whose pillar scores do not add up to their totals; `--fix` rescores them."""

from django.core.management.base import BaseCommand

from assessment_forms.services import inconsistent_results, rescore


class Command(BaseCommand):
    help = "List scored submissions whose pillar scores do not add up to the total; --fix rescores them."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="rescore the inconsistent results")

    def handle(self, *args, fix=False, **options):
        bad = inconsistent_results()
        rows = list(bad.values_list("pk", "year", "total", "pillar_sum"))
        for pk, year, total, pillar_sum in rows:
            self.stdout.write(f"submission {pk} ({year}): total {total}, pillar scores add up to {pillar_sum}")
        if not rows:
            self.stdout.write("All stored results are consistent.")
            return
        if fix:
            rescore(inconsistent_results().model.objects.filter(pk__in=[row[0] for row in rows]), force=True)
            left = inconsistent_results().count()
            self.stdout.write(f"Rescored {len(rows)} result(s); {left} still inconsistent.")
            if left:
                raise SystemExit(1)
        else:
            self.stdout.write(f"{len(rows)} inconsistent result(s); run with --fix to rescore them.")
            raise SystemExit(1)
