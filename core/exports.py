"""The one export path of the site: CSV streamed, XLSX written, formulas never.

Every export (assessments, event registrations, the registry, the public rankings CSV, the
dashboard's open data) builds a header and rows and hands them here. Text that a spreadsheet
would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return, the
OWASP "CSV injection" list) is written with a leading apostrophe in CSV and as a plain string
cell in XLSX, so `=HYPERLINK(...)` typed into a public form stays text. Numbers stay numbers
(a negative number is a number, not a formula); machines read the values unlocalised.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone

if TYPE_CHECKING:  # Wagtail ships no type information: the base is Any to mypy
    from wagtail.admin.views.mixins import SpreadsheetExportMixin as _ExportBase
else:
    _ExportBase = object

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_text(value: str) -> str:
    """Text a spreadsheet will not evaluate."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def cell(value: Any) -> Any:
    """One value made safe and plain: numbers and dates as they are, everything else as text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float, Decimal)):
        return value
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, date):
        return value
    return safe_text(str(value).replace("\x00", ""))


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [cell(value) for value in row]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[Any], rows: Iterable[Iterable[Any]], bom: bool = True) -> Iterator[str]:
    writer = csv.writer(_Echo())
    if bom:
        yield "\ufeff"  # Excel opens UTF-8 Vietnamese correctly only with the BOM
    yield writer.writerow(safe_row(header))
    for row in rows:
        yield writer.writerow(safe_row(row))


def csv_bytes(header: Sequence[Any], rows: Iterable[Iterable[Any]], bom: bool = True) -> bytes:
    return "".join(csv_lines(header, rows, bom=bom)).encode("utf-8")


def xlsx_bytes(header: Sequence[Any], rows: Iterable[Iterable[Any]], title: str = "Sheet") -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(title)[:31] or "Sheet")

    def cells(row: Iterable[Any]) -> list[Any]:
        out = []
        for value in safe_row(row):
            c = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                c.data_type = "s"  # never a formula, whatever openpyxl guesses
            out.append(c)
        return out

    sheet.append(cells(header))
    for row in rows:
        sheet.append(cells(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _disposition(filename: str) -> str:
    from urllib.parse import quote

    ascii_name = filename.encode("ascii", "ignore").decode() or "export"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def csv_response(
    filename: str, header: Sequence[Any], rows: Iterable[Iterable[Any]], bom: bool = True
) -> StreamingHttpResponse:
    """Stream a CSV: memory stays flat whatever the number of rows."""
    response = StreamingHttpResponse(csv_lines(header, rows, bom=bom), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = _disposition(filename)
    return response


def xlsx_response(
    filename: str, header: Sequence[Any], rows: Iterable[Iterable[Any]], title: str = "Sheet"
) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(header, rows, title=title), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = _disposition(filename)
    return response


def export_response(
    fmt: str, filename: str, header: Sequence[Any], rows: Iterable[Iterable[Any]], title: str = "Sheet"
) -> HttpResponse | StreamingHttpResponse:
    """`fmt` "csv" or "xlsx"; `filename` without extension."""
    if fmt == "xlsx":
        return xlsx_response(f"{filename}.xlsx", header, rows, title=title)
    return csv_response(f"{filename}.csv", header, rows)


class SafeSpreadsheetExportMixin(_ExportBase):
    """For Wagtail's generic index views (which mix in `SpreadsheetExportMixin`): the admin's
    exports go through the same escaping, and a dotted column over an empty relation
    (`sector.code` of an enterprise without a sector) is an empty cell, not an error."""

    def to_row_dict(self, item: Any) -> dict[str, Any]:
        row = {}
        for field in self.list_export:
            value = item
            for part in field.split("."):
                value = getattr(value, part, None) if value is not None else None
                if callable(value):
                    value = value()
            row[field] = value
        return row

    def preprocess_field_value(self, field: str, value: Any, export_format: str) -> Any:
        value = super().preprocess_field_value(field, value, export_format)
        return cell(value) if isinstance(value, str) or value is None else value

    def write_csv_response(self, queryset: Any) -> HttpResponse:
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response


if TYPE_CHECKING:
    from wagtail.admin.viewsets.model import ModelViewSet as _ViewSetBase
else:
    _ViewSetBase = object


class SafeExportViewSetMixin(_ViewSetBase):
    """Mix into a ModelViewSet or SnippetViewSet with `list_export`: its index view (and any
    other view with Wagtail's spreadsheet export) writes through `SafeSpreadsheetExportMixin`.
    Wagtail itself keeps XLSX formulas as text but writes CSV cells as they are."""

    def construct_view(self, view_class: Any, **kwargs: Any) -> Any:
        from wagtail.admin.views.mixins import SpreadsheetExportMixin

        if issubclass(view_class, SpreadsheetExportMixin) and not issubclass(view_class, SafeSpreadsheetExportMixin):
            view_class = type(view_class.__name__, (SafeSpreadsheetExportMixin, view_class), {})
        return super().construct_view(view_class, **kwargs)
