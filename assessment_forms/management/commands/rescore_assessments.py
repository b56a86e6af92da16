"""python manage.py rescore_assessments [--framework CODE] [--year YEAR] — recompute stored results.

Run after a scoring fix: every submitted or verified answer set is scored again and only the
results that differ are written (the ranking and the dashboard are refreshed once per year).
"""

import time

from django.core.management.base import BaseCommand, CommandError

from assessment_forms import services
from assessment_forms.models import Framework, Submission


class Command(BaseCommand):
    help = "Chấm lại các phiếu đã nộp hoặc đã thẩm định; chỉ ghi những kết quả thay đổi."

    def add_arguments(self, parser):
        parser.add_argument("--framework", help="mã bộ chỉ số, ví dụ DBI-1970-SME (mọi phiên bản của mã đó)")
        parser.add_argument("--year", type=int, help="chỉ chấm lại phiếu của năm này")

    def handle(self, *args, **options):
        queryset = Submission.objects.scored()
        code = options.get("framework")
        if code:
            if not Framework.objects.filter(code=code).exists():
                raise CommandError(f"Không có bộ chỉ số mã {code}.")
            queryset = queryset.filter(framework__code=code)
        if options.get("year") is not None:
            queryset = queryset.filter(year=options["year"])
        start = time.perf_counter()
        changed = services.rescore(queryset)
        elapsed = time.perf_counter() - start
        self.stdout.write(f"{changed} kết quả thay đổi ({queryset.count()} phiếu, {elapsed:.1f} s)")
