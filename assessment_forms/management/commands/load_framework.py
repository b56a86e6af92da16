"""python manage.py load_framework FILE — load a questionnaire data file as a framework version."""

from django.core.management.base import BaseCommand, CommandError

from assessment_forms.loader import DBI_1970_FILE, FrameworkFileError, load_file


class Command(BaseCommand):
    help = (
        "Nạp bộ chỉ số từ tệp YAML (mặc định: bộ DBI-1970-SME). Chạy lại không đổi gì; tệp đổi mà bộ chỉ số "
        "đã có phiếu thì tạo phiên bản mới."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DBI_1970_FILE))

    def handle(self, *args, **options):
        try:
            framework, action = load_file(options["file"])
        except FrameworkFileError as exc:
            raise CommandError(str(exc)) from exc
        counts = (
            f"{framework.pillars.count()} pillars, {framework.criteria.count()} criteria, max {framework.max_points}"
        )
        self.stdout.write(f"{framework} {action} ({counts})")
