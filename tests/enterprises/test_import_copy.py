"""The import writes the same rows and report whatever the database: PostgreSQL's COPY path
(enterprises.importing.engine._copy_create) and bulk_create elsewhere."""

import csv

import pytest
from django.db import connection

from enterprises.importing import engine, import_file, written
from enterprises.models import Enterprise

pytestmark = pytest.mark.django_db

HEADER = ["Mã số thuế", "Tên doanh nghiệp", "Loại hình", "Ngành", "Địa bàn", "Số lao động", "Doanh thu", "Nguồn vốn"]
ROWS = [
    ["0100107518", "Công ty TNHH Cà phê Đắk Mil", "Công ty TNHH một thành viên", "0111", "Huyện Đắk Mil", 8, 2500, ""],
    ["0100109106", "Hợp tác xã Tiêu Đắk Song", "HTX", "46", "Xã Đắk Song", "40", "60.000", ""],
    ["0100107518-001", "Chi nhánh Cà phê Đắk Mil tại Gia Nghĩa", "Chi nhánh", "C", "Phường Bắc Gia Nghĩa", "", "", ""],
    ["7000001006", "Doanh nghiệp tư nhân Mắc ca Tuy Đức", "DNTN", "0111", "Huyện Đắk Mil", 3, "", "1.500"],
]
SKIP = {"id", "created_at", "updated_at"}


def write(path, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def snapshot():
    fields = [f.attname for f in Enterprise._meta.concrete_fields if f.attname not in SKIP]
    return sorted(tuple(row) for row in Enterprise.objects.values_list(*fields))


def report_of(report):
    return (
        dict(report.counts),
        report.ok,
        report.written,
        [(r.row, r.action, r.key, r.name, r.problems, r.notes) for r in report.rows],
    )


def test_rows_and_report(tmp_path):
    heard = []

    def listener(sender, **kwargs):
        heard.append(kwargs)

    written.connect(listener, dispatch_uid="test-import-written")
    try:
        dry = import_file(write(tmp_path / "a.csv", ROWS), commit=False, on_date="2025-09-01")
        assert not Enterprise.objects.exists() and not heard
        report = import_file(write(tmp_path / "a.csv", ROWS), commit=True, on_date="2025-09-01")
    finally:
        written.disconnect(dispatch_uid="test-import-written")
    assert report.counts["created"] == dry.counts["created"] == 4 and report.written
    rows = {e.tax_code: e for e in Enterprise.objects.select_related("sector", "area")}
    assert rows["0100107518"].sector.code.startswith("011") and rows["0100107518"].area.code
    assert rows["7000001006"].employees == 3
    assert heard[0]["enterprise_ids"] == sorted(heard[0]["enterprise_ids"]) and len(heard[0]["enterprise_ids"]) == 4
    assert set(heard[0]["enterprise_ids"]) == {e.pk for e in rows.values()}
    # The sequence moved past the copied ids: a later save gets a fresh one.
    other = Enterprise.objects.create(tax_code="7000001013", name="Sau nhập")
    assert other.pk > max(heard[0]["enterprise_ids"])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
def test_copy_writes_what_bulk_create_writes(tmp_path, monkeypatch):
    path = write(tmp_path / "a.csv", ROWS)
    copied = report_of(import_file(path, commit=True, on_date="2025-09-01"))
    by_copy = snapshot()
    Enterprise.objects.all().delete()
    monkeypatch.setattr(engine, "_copy_create", lambda objs: Enterprise.objects.bulk_create(objs))
    created = report_of(import_file(path, commit=True, on_date="2025-09-01"))
    assert snapshot() == by_copy
    assert created == copied


def test_lookups_resolved_once_per_value():
    lookups = engine.Lookups(engine.datetime.date(2025, 9, 1))
    calls = []
    original = lookups._unit

    def counted(text):
        calls.append(text)
        return original(text)

    lookups._unit = counted
    for _ in range(5):
        lookups.unit("Huyện Đắk Mil")
    assert calls == ["Huyện Đắk Mil"]
    with pytest.raises(ValueError):
        lookups.unit("Nơi không có")
    with pytest.raises(ValueError):
        lookups.unit("Nơi không có")
    assert calls == ["Huyện Đắk Mil", "Nơi không có"]
