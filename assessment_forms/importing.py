"""Import of survey results from a spreadsheet (XLSX or CSV): one row per enterprise.

Columns: the tax code ("tax_code" or "Mã số thuế"), the year ("year" or "Năm"), optionally the
enterprise name ("name" or "Tên doanh nghiệp", used for a new pending enterprise) and one
column per criterion code holding the chosen level 0–5 (blank = not answered). Every row is
checked; if any row has a problem nothing is saved and every problem is reported with its row
number. A second import of the same enterprise and year updates that submission.

A client of the site's one import engine (`core.importing`): the same streamed readers, the
same dry-run/commit pass in one transaction and the same report as the registry's import.
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.importing import (
    CREATED,
    UPDATED,
    Importer,
    ImportReport,
    Progress,
    RowResult,
    cell_text,
    record,
    run_import,
)
from enterprises.services import find_by_tax_code, get_or_create_pending
from enterprises.validators import normalize_tax_code, validate_tax_code

from . import services
from .models import Submission, SubmissionRevision
from .scoring import ScoringError, score

TAX_HEADERS = {"tax_code", "mã số thuế", "ma so thue", "mst"}
YEAR_HEADERS = {"year", "năm", "nam"}
NAME_HEADERS = {"name", "tên doanh nghiệp", "ten doanh nghiep", "doanh nghiệp"}
NEW_ENTERPRISES = "new_enterprises"  # a tally of the report


@dataclass
class PlannedRow:
    code: str
    name: str
    enterprise: Any
    year: int
    answers: dict[str, Any]
    result: Any  # scoring.Result


def _level(value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        value = value.strip()
        return int(value) if value.isdigit() else value
    return value


class AssessmentImporter(Importer[PlannedRow]):
    key_label = gettext_lazy("Mã số thuế")

    def __init__(self, framework: Any, create_missing: bool = True, verify: bool = False, user: Any = None) -> None:
        self.framework = framework
        self.spec = services.get_spec(framework)
        self.create_missing = create_missing
        self.verify = verify
        self.user = user
        self.seen: set[tuple[str, int]] = set()
        self.new_codes: set[str] = set()
        self.headings = ["Mã số thuế", "Năm", "Tên doanh nghiệp", *self.spec.criteria]

    def read_header(self, cells: tuple[Any, ...], report: ImportReport) -> bool:
        header = [cell_text(cell) for cell in cells]
        self.width = len(header)
        lowered = [h.lower() for h in header]
        try:
            self.tax_col = next(i for i, h in enumerate(lowered) if h in TAX_HEADERS)
            self.year_col = next(i for i, h in enumerate(lowered) if h in YEAR_HEADERS)
        except StopIteration:
            report.file_errors.append(_("missing column: tax_code (Mã số thuế) and year (Năm) are required"))
            return False
        self.name_col = next((i for i, h in enumerate(lowered) if h in NAME_HEADERS), None)
        self.criteria_cols: dict[int, str] = {}
        for i, h in enumerate(header):
            if i in (self.tax_col, self.year_col, self.name_col) or not h:
                continue
            if h not in self.spec.criteria:
                report.file_errors.append(_("unknown criterion code in header: %(code)r") % {"code": h})
            self.criteria_cols[i] = h
        return not report.file_errors

    def parse_row(self, cells: tuple[Any, ...], result: RowResult) -> PlannedRow | None:
        row = list(cells) + [None] * (self.width - len(cells))
        code = normalize_tax_code(str(row[self.tax_col] or ""))
        result.key = code
        try:
            validate_tax_code(code)
        except ValidationError:
            result.problems.append(("Mã số thuế", _("invalid tax code %(value)r") % {"value": row[self.tax_col]}))
            return None
        year = _level(row[self.year_col])
        if not isinstance(year, int) or not 2000 <= year <= 2100:
            result.problems.append(("Năm", _("invalid year %(value)r") % {"value": row[self.year_col]}))
            return None
        if (code, year) in self.seen:
            result.problems.append(
                ("Mã số thuế", _("tax code %(code)s appears twice for %(year)s") % {"code": code, "year": year})
            )
            return None
        self.seen.add((code, year))
        answers = {self.criteria_cols[i]: _level(row[i]) for i in self.criteria_cols if _level(row[i]) is not None}
        try:
            scored = score(self.spec, answers)
        except ScoringError as exc:
            result.problems.append(("", str(exc)))
            return None
        enterprise = find_by_tax_code(code)
        name = str(row[self.name_col]).strip() if self.name_col is not None and row[self.name_col] else ""
        result.name = enterprise.name if enterprise is not None else name
        if enterprise is None and not (self.create_missing and name):
            result.problems.append(
                (
                    "Mã số thuế",
                    _("tax code %(code)s is not in the registry (give a name to add it as pending)") % {"code": code},
                )
            )
            return None
        return PlannedRow(code, name, enterprise, year, answers, scored)

    def write_batch(self, batch: list[tuple[RowResult, PlannedRow]], report: ImportReport, commit: bool) -> None:
        write = commit and report.ok
        for result, planned in batch:
            enterprise = planned.enterprise
            if enterprise is None:
                if planned.code not in self.new_codes:
                    self.new_codes.add(planned.code)
                    report.tallies[NEW_ENTERPRISES] += 1
                if write:
                    enterprise, _created = get_or_create_pending(planned.code, planned.name)
            submission = None
            if enterprise is not None:
                submission = Submission.objects.filter(
                    enterprise=enterprise, year=planned.year, framework=self.framework, source=Submission.Source.IMPORT
                ).first()
            result.action = CREATED if submission is None else UPDATED
            record(report, result)
            if write:
                self._save(enterprise, submission, planned)

    def _save(self, enterprise: Any, submission: Submission | None, planned: PlannedRow) -> None:
        if submission is None:
            submission = Submission(
                enterprise=enterprise, year=planned.year, framework=self.framework, source=Submission.Source.IMPORT
            )
        submission.answers = planned.answers
        submission.status = Submission.Status.SUBMITTED if submission.status == "draft" else submission.status
        submission.submitted_at = submission.submitted_at or timezone.now()
        submission.save()
        services.save_result(submission, planned.result)
        SubmissionRevision.objects.create(
            submission=submission,
            kind=SubmissionRevision.Kind.IMPORTED,
            answers=planned.answers,
            total=planned.result.total,
            level=planned.result.level,
            user=self.user,
        )
        if self.verify and submission.status != Submission.Status.VERIFIED:
            services.verify(submission, self.user, "Nhập từ phiếu khảo sát đã thẩm định")


def import_file(
    source: Any,
    framework: Any,
    name: str | None = None,
    *,
    commit: bool = False,
    create_missing: bool = True,
    verify: bool = False,
    user: Any = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Check (and with commit=True, import) a survey results file; returns the engine's report
    (`report.tallies["new_enterprises"]`: pending enterprises added for unknown tax codes)."""
    importer = AssessmentImporter(framework, create_missing=create_missing, verify=verify, user=user)
    return run_import(importer, source, name, commit=commit, progress=progress)
