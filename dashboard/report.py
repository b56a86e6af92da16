"""The annual report to the Ministry, as XLSX (one sheet per table) and PDF.

Both read the same cached figures and the same public tables as the dashboard page for
the year (no filters), so the report and the page always agree.
"""

import io

from django.apps import apps
from django.conf import settings
from django.utils import timezone, translation

from .cache import get_figures
from .suppression import MIN_GROUP
from .tables import SUPPRESSED, build_tables

SHEET_TITLE_LIMIT = 31
COVER_SHEET = "Báo cáo"
# Excel refuses these in a sheet name.
SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def sheet_names(tables):
    """{table key: its sheet's name}: the table's Vietnamese title, cut to Excel's 31
    characters, unique in the workbook ("Tổng quan", "Theo ngành", …)."""
    names, used = {}, {COVER_SHEET.lower()}
    for table in tables:
        base = " ".join(str(table.title).translate(SHEET_FORBIDDEN).split())[:SHEET_TITLE_LIMIT].strip() or table.key
        name, number = base, 2
        while name.lower() in used:
            suffix = f" ({number})"
            name = base[: SHEET_TITLE_LIMIT - len(suffix)].rstrip() + suffix
            number += 1
        used.add(name.lower())
        names[table.key] = name
    return names


def province_details():
    """The programme owner's details from the site profile (home app), or the site name."""
    details = {
        "owner": "",
        "programme": getattr(settings, "WAGTAIL_SITE_NAME", ""),
        "address": "",
        "phone": "",
        "email": "",
    }
    try:
        from wagtail.models import Site

        profile_model = apps.get_model("home", "SiteProfile")
        site = Site.objects.filter(is_default_site=True).first()
        if site is not None:
            profile = profile_model.for_site(site)
            details.update(
                owner=profile.owner,
                programme=profile.programme_name or details["programme"],
                address=profile.address,
                phone=profile.phone,
                email=profile.email,
            )
    except LookupError:
        pass
    return details


def annual_report(year):
    from .models import AnnualReport

    return AnnualReport.objects.filter(year=year).first() or AnnualReport(year=year)


def report_context(year):
    figures = get_figures(year, {})
    tables = build_tables(figures, public=True)
    report = annual_report(year)
    province = province_details()
    return {
        "year": year,
        "report": report,
        "document": report.official_document(fallback_issuer=province["owner"]),
        "figures": figures,
        "tables": tables,
        "province": province,
        "generated": timezone.localtime(),
        "min_group": MIN_GROUP,
        "suppressed_mark": SUPPRESSED,
    }


def build_xlsx(year):
    """The report as an XLSX workbook: a cover sheet, then one sheet per table with its totals."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    with translation.override("vi"):
        context = report_context(year)
        workbook = Workbook()
        cover = workbook.active
        cover.title = COVER_SHEET
        province = context["province"]
        cover.append([context["report"].display_title])
        cover["A1"].font = Font(bold=True, size=14)
        for label, value in (
            ("Năm", year),
            ("Cơ quan báo cáo", province["owner"]),
            ("Chương trình", province["programme"]),
            ("Địa chỉ", province["address"]),
            ("Điện thoại", province["phone"]),
            ("Thư điện tử", province["email"]),
            ("Kính gửi", context["report"].recipient),
            ("Số, ký hiệu", context["report"].reference),
            ("Địa danh, ngày", context["document"]["place_date"]),
            ("Người ký", " ".join(filter(None, [context["document"]["signer_title"], context["report"].signer]))),
            ("Tóm tắt", _plain(context["report"].summary)),
            (
                "Ghi chú",
                f"Số liệu của nhóm dưới {MIN_GROUP} doanh nghiệp được thay bằng “{SUPPRESSED}” "
                "để không lộ kết quả của từng doanh nghiệp.",
            ),
        ):
            cover.append([label, value])
        cover.column_dimensions["A"].width = 22
        cover.column_dimensions["B"].width = 90
        names = sheet_names(context["tables"])
        for table in context["tables"]:
            sheet = workbook.create_sheet(names[table.key])
            sheet.append([table.title])
            sheet["A1"].font = Font(bold=True)
            matrix = table.as_matrix()
            for line in matrix:
                sheet.append(line)
            for cell in sheet[2]:
                cell.font = Font(bold=True)
            if table.total:
                for cell in sheet[sheet.max_row]:
                    cell.font = Font(bold=True)
            sheet.column_dimensions["A"].width = 40
        buffer = io.BytesIO()
        workbook.save(buffer)
    return buffer.getvalue()


def build_pdf(year, request=None):
    from core.pdf import render_pdf

    with translation.override("vi"):
        return render_pdf("dashboard/report_pdf.html", report_context(year), request=request)


def _plain(html):
    from django.utils.html import strip_tags

    return strip_tags(html or "").strip()
