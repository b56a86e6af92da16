import sys
import time

from django.core.management.base import BaseCommand, CommandError

from enterprises.importing import import_file
from enterprises.importing.engine import CREATED, REJECTED, UPDATED


class Command(BaseCommand):
    help = (
        "Import enterprises from a CSV or XLSX business registry list. Without --commit, only a dry run "
        "reports what would be created, updated or rejected."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--commit", action="store_true", help="Write to the database (all rows or none).")
        parser.add_argument(
            "--on", dest="on_date", help="Date of the list (YYYY-MM-DD): which administrative units apply."
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, file, commit, on_date, no_progress, **options):
        started = time.monotonic()
        progress = None if no_progress else self.progress
        try:
            report = import_file(file, commit=commit, on_date=on_date, progress=progress)
        except FileNotFoundError:
            raise CommandError(f"Không tìm thấy tệp {file}")
        if progress:
            sys.stderr.write("\n")
        for error in report.file_errors:
            self.stderr.write(f"Lỗi tệp: {error}")
        if report.ignored_columns:
            self.stdout.write("Bỏ qua các cột không nhận ra: " + ", ".join(report.ignored_columns))
        shown = 0
        limit = None if options["verbosity"] > 1 else 50
        for row in report.rows:
            for column, message in row.problems:
                if limit is None or shown < limit:
                    self.stdout.write(f"Dòng {row.row}, cột “{column}”: {message}")
                shown += 1
        if limit is not None and shown > limit:
            self.stdout.write(f"… và {shown - limit} lỗi khác (dùng -v 2 để xem hết).")
        mode = "Đã nhập" if report.written else "Chạy thử (không ghi)" if not commit else "KHÔNG ghi gì (có lỗi)"
        self.stdout.write(
            f"{mode}: {report.counts[CREATED]} tạo mới, {report.counts[UPDATED]} cập nhật, "
            f"{report.counts[REJECTED]} bị từ chối; {time.monotonic() - started:.1f} s."
        )
        if commit and not report.written:
            raise CommandError("Tệp có lỗi: không có thay đổi nào được ghi.")

    def progress(self, done, total):
        if total:
            width = 30
            filled = min(width, int(width * done / total))
            bar = "#" * filled + "-" * (width - filled)
            sys.stderr.write(f"\r[{bar}] {done}/{total} dòng")
        else:
            sys.stderr.write(f"\r{done} dòng")
        sys.stderr.flush()
