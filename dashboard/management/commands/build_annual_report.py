"""Write the year's report to the Ministry: `manage.py build_annual_report 2025 --format xlsx --output r.xlsx`."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dashboard.report import build_pdf, build_xlsx


class Command(BaseCommand):
    help = "Xuất báo cáo năm gửi Bộ (XLSX hoặc PDF) với số liệu của bảng số liệu."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("--format", choices=["xlsx", "pdf"], default="xlsx")
        parser.add_argument("--output", required=True, help="Đường dẫn tệp kết quả.")
        parser.add_argument(
            "--ban-do",
            dest="area_map",
            choices=["cu", "moi"],
            help="Chỉ một bảng địa bàn: cu (huyện cũ, đến 30/6/2025) hoặc moi (xã, phường mới). Mặc định: cả hai.",
        )

    def handle(self, year, format, output, area_map=None, **options):
        if not 2000 <= year <= 2100:
            raise CommandError("Năm không hợp lệ.")
        started = time.perf_counter()
        content = build_xlsx(year, area_map=area_map) if format == "xlsx" else build_pdf(year, area_map=area_map)
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        elapsed = time.perf_counter() - started
        self.stdout.write(f"{path} ({len(content)} bytes, {elapsed:.2f} s)")
