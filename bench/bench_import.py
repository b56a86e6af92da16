"""Benchmark: importing 10,000 and 50,000 enterprises from XLSX and from CSV into a fresh SQLite database.

    .venv/bin/python bench/bench_import.py [--rows 10000 50000] [--out bench/results]

For each file a child process imports it (dry run is part of the same streamed pass; this
measures the real import, --commit) into a copy of a freshly migrated SQLite database and
reports the wall time, the peak of Python allocations during the import (tracemalloc) and the
child's peak resident memory (getrusage; includes Django itself). Targets: under 60 s and
under 300 MB per 50,000 rows; memory must not grow with the number of rows.
"""

import argparse
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HEADER = [
    "Mã số thuế",
    "Tên doanh nghiệp",
    "Loại hình",
    "Ngành",
    "Địa bàn",
    "Địa chỉ",
    "Năm thành lập",
    "Số lao động",
    "Doanh thu",
    "Nguồn vốn",
    "Năm số liệu",
    "Người liên hệ",
    "Điện thoại",
    "Thư điện tử",
]
FORMS = ["Công ty TNHH", "Công ty cổ phần", "Hợp tác xã", "Hộ kinh doanh", "Doanh nghiệp tư nhân"]
SECTORS = ["0111", "0150", "1079", "1610", "4100", "4620", "4711", "4933", "5510", "5610", "6201", "8559"]
AREAS = ["Xã Cư Jút", "Xã Đắk Mil", "Xã Đức An", "Phường Bắc Gia Nghĩa", "Xã Krông Nô", "Xã Quảng Tín", "Xã Tuy Đức"]
WORDS = ["Cà phê", "Hồ tiêu", "Nông sản", "Xây dựng", "Vận tải", "Thương mại", "Du lịch", "Công nghệ"]


def rows(count, seed=1970):
    from enterprises.validators import make_tax_code

    rng = random.Random(seed)
    made, serial = 0, 0
    while made < count:
        serial += 1
        code = make_tax_code(f"64{serial:07d}")
        if code is None:
            continue
        made += 1
        yield [
            code,
            f"{rng.choice(FORMS)} {rng.choice(WORDS)} Đắk Nông {made}",
            rng.choice(FORMS),
            rng.choice(SECTORS),
            rng.choice(AREAS),
            f"Thôn {rng.randint(1, 20)}, {rng.choice(AREAS)}",
            rng.randint(1990, 2025),
            rng.randint(1, 400),
            rng.randint(100, 400_000),
            rng.randint(100, 150_000),
            2025,
            "Nguyễn Văn An",
            f"0261 3{rng.randint(100, 999)} {rng.randint(100, 999)}",
            f"lienhe{made}@doanhnghiep.vn",
        ]


def write_csv(path, count):
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows(count))


def write_xlsx(path, count):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Danh sách")
    sheet.append(HEADER)
    for row in rows(count):
        sheet.append(row)
    workbook.save(path)


def child(file, database, trace=False):
    """Runs in its own process: import one file into the given database, print JSON figures."""
    import resource
    import tracemalloc

    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django

    django.setup()
    from enterprises.importing import import_file

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if trace:  # tracemalloc slows Python down two to three times: only on request
        tracemalloc.start()
    started, cpu_started = time.perf_counter(), time.process_time()
    report = import_file(file, commit=True, on_date="2025-09-01")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    _current, peak = tracemalloc.get_traced_memory() if trace else (0, None)
    tracemalloc.stop()
    from enterprises.models import Enterprise

    print(
        json.dumps(
            {
                "seconds": round(seconds, 2),
                "cpu_seconds": round(cpu, 2),
                "tracemalloc_peak_mb": round(peak / 2**20, 1) if peak is not None else None,
                "rss_before_mb": round(rss_before / 1024, 1),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                "created": report.counts["created"],
                "rejected": report.counts["rejected"],
                "in_database": Enterprise.objects.count(),
            }
        )
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"))
    parser.add_argument("--formats", nargs="+", default=["xlsx", "csv"], choices=["xlsx", "csv"])
    parser.add_argument("--tracemalloc", action="store_true", help="Also trace Python allocations (slower).")
    parser.add_argument("--child", nargs=2, metavar=("FILE", "DB"))
    args = parser.parse_args()
    if args.child:
        child(*args.child, trace=args.tracemalloc)
        return

    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    template = work / "template.sqlite3"
    env["DATABASE_URL"] = f"sqlite:///{template}"
    print("Migrating a fresh SQLite database…", file=sys.stderr)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, "manage.py", "load_units"], cwd=ROOT, env=env, check=True, capture_output=True)

    results = []
    for count in args.rows:
        for kind, writer in (("xlsx", write_xlsx), ("csv", write_csv)):
            if kind not in args.formats:
                continue
            path = work / f"enterprises-{count}.{kind}"
            writer(path, count)
            database = work / f"run-{count}-{kind}.sqlite3"
            shutil.copy(template, database)
            output = subprocess.run(
                [sys.executable, __file__, "--child", str(path), str(database)]
                + (["--tracemalloc"] if args.tracemalloc else []),
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            figures = json.loads(output.strip().splitlines()[-1])
            figures.update({"rows": count, "format": kind, "file_mb": round(path.stat().st_size / 2**20, 1)})
            results.append(figures)
            print(
                f"{kind:4} {count:>6} rows ({figures['file_mb']} MB): {figures['seconds']:6.1f} s "
                f"({figures['cpu_seconds']:.1f} s CPU), Python peak {figures['tracemalloc_peak_mb']} MB, "
                f"process peak RSS {figures['peak_rss_mb']} MB "
                f"(after start-up {figures['rss_before_mb']} MB), {figures['in_database']} in the database",
                flush=True,
            )
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    name = "import-tracemalloc.json" if args.tracemalloc else "import.json"
    (out / name).write_text(json.dumps(results, indent=2))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
