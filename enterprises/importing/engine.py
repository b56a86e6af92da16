"""The registry's rows for the site's import engine (`core.importing`): the header's columns,
each row validated against the sectors and units, and batches created or updated by tax code."""

import datetime
import re
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import connection
from django.dispatch import Signal
from django.utils import timezone

from core.importing import (
    BATCH_SIZE,
    CREATED,
    REJECTED,
    UPDATED,
    Importer,
    ImportReport,
    Progress,
    RowResult,
    cell_text,
    record,
    run_import,
)
from core.text import fold_compact as fold

from ..models import VERIFIED_FIGURES, Enterprise
from ..provinces import province_units
from ..sectors import SectorIndex, SectorLookupError
from ..validators import normalize_tax_code, validate_tax_code
from .columns import (
    COLUMNS,
    HEADER_INDEX,
    NUMBER_FIELDS,
    REQUIRED,
    TEXT_LIMITS,
    YEAR_FIELDS,
    header_key,
    heading,
    parse_email,
    parse_legal_form,
    parse_number,
    parse_status,
    parse_website,
    parse_year,
)

__all__ = ["CREATED", "REJECTED", "UPDATED", "EnterpriseImporter", "Lookups", "import_file", "sector_width", "written"]

# Sent (sender=Enterprise) inside the import's transaction once an import has written its rows:
# enterprise_ids = the ids created or updated (None when more than WRITTEN_IDS_LIMIT: treat
# everything as changed), cells = the (sector id, area id, size class) the updated rows left
# (None when there were too many to tell). Bulk writes send no post_save.
written = Signal()
WRITTEN_IDS_LIMIT = 20_000
WRITTEN_CELLS_LIMIT = 1_000

DERIVED = ["search_text", "recorded_on", "size_class", "size_group", "size_basis"]
DERIVED += ["size_employees", "size_revenue", "size_capital", "updated_at"]


class Lookups:
    """Everything a row is checked against, loaded once: both VSIC versions (about 2,000
    rows) and the site's province's units of both periods (a few hundred to a few thousand)."""

    def __init__(self, on_date: datetime.date) -> None:
        self.on_date = on_date
        self.sector_index = SectorIndex()
        self.sectors_by_pk = self.sector_index.by_pk
        # The column's own rule for numeric codes ("Mã ngành (4 số)", "Mã ngành cấp 4"): set
        # from the header, so 510 in a 4-digit column is read as 0510.
        self.sector_width: int | None = None
        self.units_by_key: dict[str, list[Any]] = {}
        self._units: dict[Any, tuple[Any, str | None]] = {}
        self._sectors: dict[Any, tuple[Any, str | None]] = {}
        for unit in province_units():
            keys = {fold(unit.code), fold(unit.name), fold(unit.name_en)}
            keys |= {fold(alias) for alias in unit.aliases.split(";")}
            for name in [unit.name, *unit.aliases.split(";")]:
                if unit.kind and fold(name).startswith(fold(unit.kind) + " "):
                    keys.add(fold(name)[len(fold(unit.kind)) + 1 :])
            for key in keys - {""}:
                self.units_by_key.setdefault(key, []).append(unit)

    def unit(self, text: str) -> Any:
        """The unit a cell names, resolved once per distinct text (a million rows name a few
        hundred units)."""
        return _memo(self._units, text, self._unit, text)

    def sector(self, raw: Any) -> Any:
        """The sector a cell gives, resolved once per distinct value and column width."""
        key = (type(raw).__name__, str(raw), self.sector_width)
        return _memo(self._sectors, key, self._sector, raw)

    def _unit(self, text: str) -> Any:
        found = self.units_by_key.get(fold(text), [])
        if len(found) > 1:
            # A code or name shared by an old and a new unit is resolved by the list's date.
            in_force = [unit for unit in found if unit.is_valid_on(self.on_date)]
            found = in_force or found
        if not found:
            raise ValueError(f"Không tìm thấy địa bàn “{text}” trong danh mục đơn vị hành chính.")
        if len(found) > 1:
            names = ", ".join(sorted(f"{unit.name} ({unit.parent or unit.code})" for unit in found))
            raise ValueError(f"Địa bàn “{text}” chưa rõ, trùng tên: {names}. Hãy ghi đủ tên hoặc mã đơn vị.")
        return found[0]

    def _sector(self, raw: Any) -> Any:
        try:
            sector = self.sector_index.resolve(raw, self.on_date, self.sector_width)
        except SectorLookupError as exc:
            raise ValueError(str(exc)) from exc
        if sector is None:
            raise ValueError("Thiếu mã ngành.")
        return sector


def _memo(store: dict[Any, tuple[Any, str | None]], key: Any, resolve: Any, argument: Any) -> Any:
    """resolve(argument) once per key, its ValueError remembered as well as its value."""
    if key not in store:
        if len(store) > 100_000:  # a file of unique junk: do not grow without bound
            store.clear()
        try:
            store[key] = (resolve(argument), None)
        except ValueError as exc:
            store[key] = (None, str(exc))
    value, error = store[key]
    if error is not None:
        raise ValueError(error)
    return value


def sector_width(header: Any) -> int | None:
    """The digit count a sector column announces: "Mã ngành (4 số)", "Mã ngành cấp 4" → 4."""
    text = fold(str(header or ""))
    match = re.search(r"cap\s*([2-5])\b", text) or re.search(r"\b([2-5])\s*(?:chu\s*)?(?:so|digits?)\b", text)
    return int(match.group(1)) if match else None


class EnterpriseImporter(Importer[dict[str, Any]]):
    """Rows are matched on tax code: a known code updates the enterprise, a new one creates it.
    Blank cells leave an existing value unchanged; verified figures are never overwritten."""

    headings = [aliases[0] for aliases in COLUMNS.values()]

    def __init__(self, on_date: datetime.date) -> None:
        self.lookups = Lookups(on_date)
        self.columns: dict[int, str] = {}
        self.seen: dict[str, int] = {}  # tax code → first row number, for duplicates within the file
        self.written: Written = Written()

    def read_header(self, cells: tuple[Any, ...], report: ImportReport) -> bool:
        """{cell index: field} from the header row; False (with a file error) without the required columns."""
        for index, cell in enumerate(cells):
            key = header_key(cell_text(cell))
            if not key:
                continue
            if key in HEADER_INDEX and HEADER_INDEX[key] not in self.columns.values():
                self.columns[index] = HEADER_INDEX[key]
                if self.columns[index] == "sector":
                    self.lookups.sector_width = sector_width(cell_text(cell))
            else:
                report.ignored_columns.append(cell_text(cell))
        missing = [heading(name) for name in REQUIRED if name not in self.columns.values()]
        if missing:
            report.file_errors.append("Tệp thiếu cột bắt buộc: " + ", ".join(missing) + ".")
            return False
        return True

    def parse_row(self, cells: tuple[Any, ...], result: RowResult) -> dict[str, Any]:
        values = _parse_row(cells, self.columns, self.lookups, result)
        code = values.get("tax_code")
        result.key, result.name = code or "", values.get("name", "")
        if code and code in self.seen:
            result.problems.append((heading("tax_code"), f"Mã số thuế {code} trùng với dòng {self.seen[code]}."))
        elif code:
            self.seen[code] = result.row
        return values

    def write_batch(self, batch: list[tuple[RowResult, dict[str, Any]]], report: ImportReport, commit: bool) -> None:
        _write_batch(batch, report, self.lookups, commit, self.written)

    def finish(self, report: ImportReport) -> None:
        written.send(Enterprise, enterprise_ids=self.written.ids, cells=self.written.cells)


class Written:
    """The ids an import wrote and the cells its updated rows left, while they are few."""

    def __init__(self) -> None:
        self.ids: list[int] | None = []
        self.cells: set[tuple[Any, Any, str]] | None = set()

    def add(self, created: list[Enterprise], updated: list[tuple[Enterprise, tuple[Any, Any, str]]]) -> None:
        if self.ids is not None:
            self.ids.extend(e.pk for e in created if e.pk is not None)
            self.ids.extend(e.pk for e, _cell in updated)
            if len(self.ids) > WRITTEN_IDS_LIMIT or any(e.pk is None for e in created):
                self.ids = None
        if self.cells is not None:
            self.cells.update(cell for _e, cell in updated)
            if len(self.cells) > WRITTEN_CELLS_LIMIT:
                self.cells = None


def _parse_row(cells: tuple[Any, ...], columns: dict[int, str], lookups: Lookups, result: RowResult) -> dict[str, Any]:
    """Values for the model from one row's cells; problems are added to `result`."""
    values: dict[str, Any] = {}
    for index, name in columns.items():
        text = cell_text(cells[index]) if index < len(cells) else ""
        raw = cells[index] if index < len(cells) else None
        if not text:
            continue
        try:
            if name == "tax_code":
                code = normalize_tax_code(raw)
                try:
                    validate_tax_code(code)
                except Exception as exc:
                    raise ValueError(" ".join(cast(ValidationError, exc).messages))
                values[name] = code
            elif name == "sector":
                values[name] = lookups.sector(raw)
            elif name == "area":
                values[name] = lookups.unit(text)
            elif name == "legal_form":
                values[name] = parse_legal_form(text)
            elif name == "status":
                values[name] = parse_status(text)
            elif name in NUMBER_FIELDS:
                try:
                    values[name] = parse_number(raw, whole=NUMBER_FIELDS[name])
                except ValueError:
                    kind = "số nguyên không âm" if NUMBER_FIELDS[name] else "số không âm (triệu đồng)"
                    raise ValueError(f"“{text}” không phải là {kind}.")
            elif name in YEAR_FIELDS:
                try:
                    values[name] = parse_year(raw)
                except ValueError:
                    raise ValueError(f"Năm “{text}” không hợp lệ.")
            elif name == "email":
                values[name] = parse_email(text)
            elif name == "website":
                values[name] = parse_website(text)
            else:
                limit = TEXT_LIMITS.get(name)
                if limit and len(text) > limit:
                    raise ValueError(f"Dài quá {limit} ký tự.")
                values[name] = text
        except ValueError as exc:
            result.problems.append((heading(name), str(exc)))
    for name in REQUIRED:
        if name not in values and not any(col == heading(name) for col, _ in result.problems):
            message = "Thiếu mã số thuế." if name == "tax_code" else "Thiếu tên doanh nghiệp."
            result.problems.append((heading(name), message))
    return values


def _recorded_on(unit: Any, on_date: datetime.date) -> datetime.date:
    if unit is None or unit.is_valid_on(on_date):
        return on_date
    return unit.valid_to if unit.valid_to and unit.valid_to < on_date else on_date


def _write_batch(
    batch: list[tuple[RowResult, dict[str, Any]]],
    report: ImportReport,
    lookups: Lookups,
    commit: bool,
    written_rows: "Written | None" = None,
) -> None:
    """Look the batch's tax codes up in one query, then create or update in bulk."""
    codes = [values["tax_code"] for _result, values in batch]
    existing = Enterprise.objects.in_bulk(codes, field_name="tax_code")
    to_create: list[Enterprise] = []
    to_update: list[Enterprise] = []
    left: list[tuple[Enterprise, tuple[Any, Any, str]]] = []
    fields: set[str] = set()
    now = timezone.now()
    for result, values in batch:
        enterprise = existing.get(values["tax_code"])
        if enterprise is None:
            enterprise = Enterprise(status=Enterprise.Status.ACTIVE)
            result.action = CREATED
        else:
            result.action = UPDATED
            left.append((enterprise, (enterprise.sector_id, enterprise.area_id, enterprise.size_class)))
            if enterprise.figures_verified:
                kept = [name for name in VERIFIED_FIGURES if name in values]
                for name in kept:
                    del values[name]
                if kept:
                    result.notes.append("Giữ nguyên số liệu đã được thẩm định.")
        area_changed = "area" in values and values["area"].pk != enterprise.area_id
        for name, value in values.items():
            setattr(enterprise, name, value)
        if result.action == CREATED or area_changed:
            enterprise.recorded_on = _recorded_on(values.get("area"), lookups.on_date)
        sector = values.get("sector") or lookups.sectors_by_pk.get(enterprise.sector_id)
        enterprise.update_derived(group=sector.size_group if sector else "")
        enterprise.updated_at = now
        if result.action == CREATED:
            to_create.append(enterprise)
        else:
            to_update.append(enterprise)
            fields.update(values)
        record(report, result)
    if commit and report.ok:
        if connection.vendor == "postgresql":
            _copy_create(to_create)
        else:
            Enterprise.objects.bulk_create(to_create, batch_size=500)
        if to_update:
            Enterprise.objects.bulk_update(to_update, sorted(fields | set(DERIVED)), batch_size=500)
        if written_rows is not None:
            written_rows.add(to_create, left)


def _copy_create(enterprises: list[Enterprise]) -> None:
    """Insert new enterprises with PostgreSQL's COPY, in the import's transaction: ids drawn
    from the table's sequence first (so the rows carry them, as bulk_create's would), every
    column as the model would save it."""
    if not enterprises:
        return
    fields = list(Enterprise._meta.concrete_fields)
    quote = connection.ops.quote_name
    table = Enterprise._meta.db_table
    with connection.cursor() as wrapper:
        wrapper.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, Enterprise._meta.pk.column, len(enterprises)],
        )
        for enterprise, (pk,) in zip(enterprises, wrapper.fetchall(), strict=True):
            enterprise.pk = pk
        columns = ", ".join(quote(field.column) for field in fields)
        with wrapper.cursor.copy(f"COPY {quote(table)} ({columns}) FROM STDIN") as copy:
            for enterprise in enterprises:
                copy.write_row(
                    [field.get_db_prep_save(field.pre_save(enterprise, True), connection) for field in fields]
                )
    for enterprise in enterprises:
        enterprise._state.adding = False


def import_file(
    source: Any,
    name: str | None = None,
    *,
    commit: bool = False,
    on_date: datetime.date | str | None = None,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportReport:
    """Check (and with commit=True, import) an enterprise list; returns an ImportReport.

    `on_date` (default today) decides which administrative units and VSIC version apply.
    With commit=True everything is written in one transaction, and nothing at all if any row
    is rejected. `progress(done, total)` is called after each batch (total may be None)."""
    on_date = on_date or timezone.localdate()
    if isinstance(on_date, str):
        on_date = datetime.date.fromisoformat(on_date)
    importer = EnterpriseImporter(on_date)
    return run_import(importer, source, name, commit=commit, progress=progress, batch_size=batch_size)
