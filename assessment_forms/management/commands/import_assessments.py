"""python manage.py import_assessments FILE [--framework CODE] [--verify] [--dry-run]"""

from django.core.management.base import BaseCommand, CommandError, no_translations

from assessment_forms import services
from assessment_forms.importing import NEW_ENTERPRISES, import_file


class Command(BaseCommand):
    help = (
        "Nhập kết quả khảo sát DBI từ bảng tính (XLSX/CSV, mỗi dòng một doanh nghiệp theo mã số thuế). "
        "Có dòng lỗi thì không lưu gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--framework", default=services.DEFAULT_FRAMEWORK)
        parser.add_argument("--verify", action="store_true", help="mark the imported results verified")
        parser.add_argument("--dry-run", action="store_true", help="check every row, save nothing")
        parser.add_argument("--no-create", action="store_true", help="do not add unknown tax codes as pending")

    @no_translations  # the command speaks English; the admin page shows the same report in Vietnamese
    def handle(self, *args, **options):
        framework = services.current_framework(options["framework"])
        if framework is None:
            raise CommandError(f"unknown framework {options['framework']!r}")
        try:
            report = import_file(
                options["file"],
                framework,
                commit=not options["dry_run"],
                create_missing=not options["no_create"],
                verify=options["verify"],
            )
        except OSError as exc:
            raise CommandError(f"cannot read {options['file']}: {exc}") from exc
        problems = len(report.file_errors) + report.problems_kept + report.problems_left_off
        for error in report.file_errors:
            self.stderr.write(f"file: {error}")
        for number, _column, message in report.problems():
            self.stderr.write(f"row {number}: {message}")
        if not report.ok:
            raise CommandError(f"{problems} problem(s); nothing was saved")
        verb = "checked" if options["dry_run"] else "imported"
        self.stdout.write(
            f"{report.total} rows {verb}: {report.counts['created']} created, {report.counts['updated']} updated, "
            f"{report.tallies[NEW_ENTERPRISES]} new pending enterprises"
        )
