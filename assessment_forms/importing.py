"""Import of survey results from a spreadsheet (XLSX or CSV): one row per enterprise.

Columns: the tax code ("tax_code" or "Mã số thuế"), the year ("year" or "Năm"), optionally the
enterprise name ("name" or "Tên doanh nghiệp", used for a new pending enterprise) and one
column per criterion code holding the chosen level 0–5 (blank = not answered). Every row is
checked first; if any row has a problem nothing is saved and every problem is reported with
its row number. A second import of the same enterprise and year updates that submission.
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from enterprises.services import find_by_tax_code, get_or_create_pending
from enterprises.validators import normalize_tax_code, validate_tax_code

from . import services
from .models import Submission, SubmissionRevision
from .scoring import ScoringError, score

TAX_HEADERS = {"tax_code", "mã số thuế", "ma so thue", "mst"}
YEAR_HEADERS = {"year", "năm", "nam"}
NAME_HEADERS = {"name", "tên doanh nghiệp", "ten doanh nghiep", "doanh nghiệp"}


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    new_enterprises: int = 0
    problems: list = field(default_factory=list)  # (row number, message)

    @property
    def ok(self):
        return not self.problems


def read_table(path):
    """Header and rows (lists of cell values) of the first sheet of an XLSX file, or of a CSV."""
    path = Path(path)
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        table = [list(row) for row in sheet.iter_rows(values_only=True)]
    else:
        text = path.read_text(encoding="utf-8-sig")
        table = list(csv.reader(io.StringIO(text)))
    table = [row for row in table if any(cell not in (None, "") for cell in row)]
    if not table:
        return [], []
    return [str(h or "").strip() for h in table[0]], table[1:]


def _level(value):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        value = value.strip()
        return int(value) if value.isdigit() else value
    return value


def import_table(header, rows, framework, create_missing=True, verify=False, user=None, dry_run=False):
    report = ImportReport(rows=len(rows))
    spec = services.get_spec(framework)
    lowered = [h.lower() for h in header]
    try:
        tax_col = next(i for i, h in enumerate(lowered) if h in TAX_HEADERS)
        year_col = next(i for i, h in enumerate(lowered) if h in YEAR_HEADERS)
    except StopIteration:
        report.problems.append((1, "missing column: tax_code (Mã số thuế) and year (Năm) are required"))
        return report
    name_col = next((i for i, h in enumerate(lowered) if h in NAME_HEADERS), None)
    criteria_cols = {}
    for i, h in enumerate(header):
        if i in (tax_col, year_col, name_col) or not h:
            continue
        if h not in spec.criteria:
            report.problems.append((1, f"unknown criterion code in header: {h!r}"))
        criteria_cols[i] = h
    if report.problems:
        return report

    planned = []
    seen = set()
    for number, row in enumerate(rows, start=2):
        row = list(row) + [None] * (len(header) - len(row))
        code = normalize_tax_code(str(row[tax_col] or ""))
        try:
            validate_tax_code(code)
        except ValidationError:
            report.problems.append((number, f"invalid tax code {row[tax_col]!r}"))
            continue
        year = _level(row[year_col])
        if not isinstance(year, int) or not 2000 <= year <= 2100:
            report.problems.append((number, f"invalid year {row[year_col]!r}"))
            continue
        if (code, year) in seen:
            report.problems.append((number, f"tax code {code} appears twice for {year}"))
            continue
        seen.add((code, year))
        answers = {criteria_cols[i]: _level(row[i]) for i in criteria_cols if _level(row[i]) is not None}
        try:
            result = score(spec, answers)
        except ScoringError as exc:
            report.problems.append((number, str(exc)))
            continue
        enterprise = find_by_tax_code(code)
        name = str(row[name_col]).strip() if name_col is not None and row[name_col] else ""
        if enterprise is None and not (create_missing and name):
            report.problems.append(
                (number, f"tax code {code} is not in the registry (give a name to add it as pending)")
            )
            continue
        planned.append((code, name, enterprise, year, answers, result))
    if report.problems or dry_run:
        return report

    with transaction.atomic():
        for code, name, enterprise, year, answers, result in planned:
            if enterprise is None:
                enterprise, _created = get_or_create_pending(code, name)
                report.new_enterprises += 1
            submission = Submission.objects.filter(
                enterprise=enterprise, year=year, framework=framework, source=Submission.Source.IMPORT
            ).first()
            if submission is None:
                submission = Submission(
                    enterprise=enterprise, year=year, framework=framework, source=Submission.Source.IMPORT
                )
                report.created += 1
            else:
                report.updated += 1
            submission.answers = answers
            submission.status = Submission.Status.SUBMITTED if submission.status == "draft" else submission.status
            submission.submitted_at = submission.submitted_at or timezone.now()
            submission.save()
            services.save_result(submission, result)
            SubmissionRevision.objects.create(
                submission=submission,
                kind=SubmissionRevision.Kind.IMPORTED,
                answers=answers,
                total=result.total,
                level=result.level,
                user=user,
            )
            if verify and submission.status != Submission.Status.VERIFIED:
                services.verify(submission, user, "Nhập từ phiếu khảo sát đã thẩm định")
    return report
