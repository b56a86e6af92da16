"""python manage.py score_assessment FILE — score one answer set, for survey teams and tests.

Input  (FILE, or - for standard input):
    {"framework": "DBI-1970-SME", "answers": {"1.1.01": 4, ...}}
Output (standard output):
    {"framework", "total", "max", "level", "pillars": [{"code", "points", "max", "percent", "level"}, ...]}

A criterion left out is not answered (0 points). An unknown framework or criterion code, or
a value that is not a whole number from 0 to 5, is an error naming it, with exit status 1.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessment_forms import services


class Command(BaseCommand):
    help = "Chấm điểm một bộ câu trả lời (JSON) theo bộ chỉ số và in kết quả JSON."

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON file, or - for standard input")
        parser.add_argument("--indent", type=int, default=None)

    def handle(self, *args, **options):
        path = options["file"]
        try:
            raw = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise CommandError(f"{path}: invalid JSON ({exc})") from exc
        if not isinstance(data, dict):
            raise CommandError('expected an object {"framework": ..., "answers": {...}}')
        code = data.get("framework")
        if not isinstance(code, str) or not code:
            raise CommandError('missing "framework" (a framework code such as "DBI-1970-SME")')
        framework = services.current_framework(code)
        if framework is None:
            raise CommandError(f"unknown framework {code!r}")
        answers = data.get("answers", {})
        if answers is None:
            answers = {}
        try:
            result = services.score_answers(framework, answers)
        except services.ScoringError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=options["indent"]))
