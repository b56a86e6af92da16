"""The one import engine of the site: spreadsheets (CSV or XLSX) read as a stream, every row
checked, and written in batches inside one transaction; a dry run first.

Domain-free: an app imports by writing an `Importer` (which columns it knows, what a row
means, how a batch is written) and calling `run_import`. The enterprise registry
(`enterprises.importing`) and the DBI survey results (`assessment_forms.importing`) are its
two clients; both get the same readers, the same pass and the same `ImportReport`, which the
admin renders with one template (`core/admin/import.html`, `core.admin_import`).

- Rows are streamed (csv reader with a sniffed delimiter; openpyxl `read_only`), so memory
  does not grow with the file; the first non-empty row is the header, blank rows are skipped.
- A row with a problem is "rejected"; any rejected row (or a file error) means nothing is
  written: with `commit=True` the whole pass runs in one transaction that is rolled back.
- The report keeps every problem up to `MAX_PROBLEMS` and the first `MAX_KEPT_ROWS` rows of
  each outcome, for display.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Generic, TypeVar

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

BATCH_SIZE = 1000
MAX_PROBLEMS = 2000
MAX_KEPT_ROWS = 500

CREATED, UPDATED, REJECTED = "created", "updated", "rejected"
ACTION_LABELS = {CREATED: gettext_lazy("Tạo mới"), UPDATED: gettext_lazy("Cập nhật"), REJECTED: gettext_lazy("Từ chối")}

Progress = Callable[[int, int | None], Any]
Values = TypeVar("Values")


# --- reading -----------------------------------------------------------------------------


class UnsupportedFile(ValueError):
    pass


def file_kind(name: Any) -> str:
    suffix = Path(str(name)).suffix.lower()
    if suffix in (".csv", ".txt"):
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    raise UnsupportedFile(
        _("Tệp “%(name)s” không được hỗ trợ: chỉ nhận CSV hoặc XLSX.") % {"name": Path(str(name)).name}
    )


class RowSource:
    """Context manager yielding (row number, tuple of cells); `total` is an estimate or None."""

    def __init__(self, source: Any, name: str | None = None) -> None:
        self.source = source
        self.name = name or getattr(source, "name", None) or str(source)
        self.kind = file_kind(self.name)
        self.total: int | None = None
        self._close: list[Callable[[], Any]] = []

    def __enter__(self) -> RowSource:
        return self

    def __exit__(self, *exc: object) -> None:
        for close in reversed(self._close):
            close()

    def _binary(self) -> IO[bytes]:
        if isinstance(self.source, str | Path):
            handle = open(self.source, "rb")  # noqa: SIM115 - closed in __exit__
            self._close.append(handle.close)
            return handle
        self.source.seek(0)
        return self.source

    def rows(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        return self._csv_rows() if self.kind == "csv" else self._xlsx_rows()

    def _csv_rows(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        if isinstance(self.source, str | Path):
            self.total = _count_lines(self.source)
        binary = self._binary()
        text = io.TextIOWrapper(binary, encoding="utf-8-sig", errors="replace", newline="")
        self._close.append(text.detach if not isinstance(self.source, str | Path) else text.close)
        sample = text.read(4096)
        text.seek(0)
        try:
            dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        for number, row in enumerate(csv.reader(text, dialect), start=1):
            yield number, tuple(row)

    def _xlsx_rows(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(self._binary(), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise UnsupportedFile(_("Không đọc được tệp Excel: %(error)s") % {"error": exc})
        self._close.append(workbook.close)
        sheet = workbook.worksheets[0]
        self.total = sheet.max_row
        yield from enumerate(sheet.iter_rows(values_only=True), start=1)


def _count_lines(path: str | Path) -> int:
    """Lines in a file, read in 1 MB chunks (for the progress bar)."""
    count = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            count += chunk.count(b"\n")
    return count


def cell_text(value: Any) -> str:
    """A cell as text: a whole float without its ".0", a date in ISO form, stripped."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value).strip()


def is_blank(cells: tuple[Any, ...]) -> bool:
    return not any(cell_text(cell) for cell in cells)


# --- the report --------------------------------------------------------------------------


@dataclass
class RowResult:
    """One data row: its number in the file, what happened to it, the key it was matched on
    (a tax code), a name to show, and its problems as (column heading, message)."""

    row: int
    action: str
    key: str = ""
    name: str = ""
    problems: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS[self.action])

    @property
    def tax_code(self) -> str:  # both clients match rows on a tax code
        return self.key


@dataclass
class ImportReport:
    filename: str
    commit: bool
    counts: Counter[str] = field(default_factory=Counter)  # created / updated / rejected
    tallies: Counter[str] = field(default_factory=Counter)  # an importer's own figures
    rows: list[RowResult] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    problems_left_off: int = 0
    problems_kept: int = 0
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.file_errors and not self.counts[REJECTED]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def problems(self) -> Iterator[tuple[int, str, str]]:
        """(row number, column heading, message) of every kept problem, in row order."""
        for result in self.rows:
            for column, message in result.problems:
                yield result.row, column, message

    def keep(self, result: RowResult) -> None:
        if result.action == REJECTED:
            if self.problems_kept >= MAX_PROBLEMS:
                self.problems_left_off += 1
                return
            self.problems_kept += len(result.problems)
        elif self.counts[result.action] > MAX_KEPT_ROWS:
            return
        self.rows.append(result)


# --- the engine --------------------------------------------------------------------------


class Importer(Generic[Values]):
    """What an app tells the engine. `read_header` learns the columns from the header row
    (or adds a file error and returns False); `parse_row` turns a row's cells into values,
    adding problems to `result` (a row with problems is rejected, its values unused);
    `write_batch` sets each row's action (CREATED or UPDATED), counts it with
    `record(report, result)` and writes when `commit and report.ok`."""

    #: The admin's heading for `RowResult.key`, and the documented column headings.
    key_label: Any = gettext_lazy("Mã số thuế")
    headings: list[str] = []

    def read_header(self, cells: tuple[Any, ...], report: ImportReport) -> bool:
        raise NotImplementedError

    def parse_row(self, cells: tuple[Any, ...], result: RowResult) -> Values | None:
        raise NotImplementedError

    def write_batch(self, batch: list[tuple[RowResult, Values]], report: ImportReport, commit: bool) -> None:
        raise NotImplementedError

    def finish(self, report: ImportReport) -> None:
        """Called once every row is written, inside the import's transaction (commit only)."""


def record(report: ImportReport, result: RowResult) -> None:
    """Count a row's outcome and keep it for display."""
    report.counts[result.action] += 1
    report.keep(result)


class _Rollback(Exception):
    pass


def run_import(
    importer: Importer[Any],
    source: Any,
    name: str | None = None,
    *,
    commit: bool = False,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportReport:
    """Check (and with commit=True, import) a file with `importer`; returns the report.

    With commit=True everything is written in one transaction, and nothing at all if any row
    is rejected. `progress(done, total)` is called after each batch (total may be None)."""
    report = ImportReport(filename=str(name or getattr(source, "name", source)), commit=commit)
    try:
        with transaction.atomic(), RowSource(source, name) as rows_source:
            rows = rows_source.rows()
            if not _read_header(rows, report, importer):
                raise _Rollback
            batch: list[tuple[RowResult, Any]] = []
            done, number = 0, 0
            for number, cells in rows:
                if is_blank(cells):
                    continue
                result = RowResult(row=number, action=REJECTED)
                values = importer.parse_row(cells, result)
                if result.problems:
                    result.action = REJECTED
                    record(report, result)
                else:
                    batch.append((result, values))
                done += 1
                if len(batch) >= batch_size:
                    importer.write_batch(batch, report, commit)
                    batch = []
                if progress and done % batch_size == 0:
                    progress(number, rows_source.total)
            if batch:
                importer.write_batch(batch, report, commit)
            if progress:
                progress(rows_source.total or number, rows_source.total)
            if not commit or not report.ok:
                raise _Rollback
            importer.finish(report)
            report.written = True
    except _Rollback:
        pass
    except ValueError as exc:  # an unreadable file
        report.file_errors.append(str(exc))
    report.rows.sort(key=lambda r: r.row)
    return report


def _read_header(rows: Iterator[tuple[int, tuple[Any, ...]]], report: ImportReport, importer: Importer[Any]) -> bool:
    for _number, cells in rows:
        if not is_blank(cells):
            return importer.read_header(cells, report)
    report.file_errors.append(_("Tệp trống: không có dòng tiêu đề."))
    return False
