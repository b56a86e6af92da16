"""python manage.py import_assessments FILE [--framework CODE] [--verify] [--dry-run]"""

from django.core.management.base import BaseCommand, CommandError

from assessment_forms import services
from assessment_forms.importing import import_table, read_table


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

    def handle(self, *args, **options):
        framework = services.current_framework(options["framework"])
        if framework is None:
            raise CommandError(f"unknown framework {options['framework']!r}")
        try:
            header, rows = read_table(options["file"])
        except (OSError, ValueError) as exc:
            raise CommandError(f"cannot read {options['file']}: {exc}") from exc
        report = import_table(
            header,
            rows,
            framework,
            create_missing=not options["no_create"],
            verify=options["verify"],
            dry_run=options["dry_run"],
        )
        for number, message in report.problems:
            self.stderr.write(f"row {number}: {message}")
        if not report.ok:
            raise CommandError(f"{len(report.problems)} problem(s); nothing was saved")
        verb = "checked" if options["dry_run"] else "imported"
        self.stdout.write(
            f"{report.rows} rows {verb}: {report.created} created, {report.updated} updated, "
            f"{report.new_enterprises} new pending enterprises"
        )
