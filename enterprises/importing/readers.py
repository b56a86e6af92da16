"""Streaming rows out of CSV and XLSX files: memory does not grow with the file."""

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any


class UnsupportedFile(ValueError):
    pass


def file_kind(name: Any) -> str:
    suffix = Path(str(name)).suffix.lower()
    if suffix in (".csv", ".txt"):
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    raise UnsupportedFile(f"Tệp “{Path(str(name)).name}” không được hỗ trợ: chỉ nhận CSV hoặc XLSX.")


class RowSource:
    """Context manager yielding (row number, tuple of cells); `total` is an estimate or None."""

    def __init__(self, source: Any, name: str | None = None) -> None:
        self.source = source
        self.name = name or getattr(source, "name", None) or str(source)
        self.kind = file_kind(self.name)
        self.total: int | None = None
        self._close: list[Callable[[], Any]] = []

    def __enter__(self) -> "RowSource":
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
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        for number, row in enumerate(csv.reader(text, dialect), start=1):
            yield number, tuple(row)

    def _xlsx_rows(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(self._binary(), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise UnsupportedFile(f"Không đọc được tệp Excel: {exc}")
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
