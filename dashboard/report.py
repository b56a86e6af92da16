"""The annual report to the Ministry, as XLSX (one sheet per table) and PDF.

Both read the same cached figures and the same public tables as the dashboard page for
the year (no filters), so the report and the page always agree.
"""

import io

from django.apps import apps
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from enterprises import services as registry

from . import areas
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


# The type words that open a province's official name ("Tỉnh Lâm Đồng", "Thành phố Cần Thơ"),
# written in lower case inside a body's name ("Sở Khoa học và Công nghệ thành phố Cần Thơ").
PROVINCE_TYPES = ("Thành phố ", "Tỉnh ")


def province_bodies(code=None):
    """The bodies of the province the site serves (settings.PROVINCE_CODE), named as the units
    data names the province: {"province": "tỉnh Lâm Đồng", "people_committee": "Ủy ban nhân dân
    tỉnh Lâm Đồng", "department": "Sở Khoa học và Công nghệ tỉnh Lâm Đồng"}; empty strings when the
    site serves no known province. Since 1/7/2025 the provincial Department of Information and
    Communications is part of the Department of Science and Technology, which reports on DX."""
    unit = registry.site_province(code)
    if unit is None:
        return {"province": "", "people_committee": "", "department": ""}
    name = unit.name
    for prefix in PROVINCE_TYPES:
        if name.startswith(prefix):
            name = prefix.lower() + name[len(prefix) :]
            break
    return {
        "province": name,
        "people_committee": f"Ủy ban nhân dân {name}",
        "department": f"Sở Khoa học và Công nghệ {name}",
    }


def province_details():
    """The programme owner's details: the site profile's (home app) where staff filled them in,
    else derived from the province the site serves (PROVINCE_CODE), or the site name."""
    bodies = province_bodies()
    details = {
        "owner": bodies["department"],
        "owner_parent": bodies["people_committee"],
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
                owner=profile.owner or details["owner"],
                programme=profile.programme_name or details["programme"],
                address=profile.address,
                phone=profile.phone,
                email=profile.email,
            )
    except LookupError:
        pass
    return details


def _number(value):
    """Money sums come as Decimal: a plain int or float for the workbook and the formats."""
    if value is None or isinstance(value, int | float):
        return value
    number = float(value)
    return int(number) if number.is_integer() else number


def support_work_table(year):
    """The plan's support work in the year, as the dashboard shows it (views.programme_figures:
    the support desk, state support, the supply–demand board; groups under five hidden)."""
    from .tables import SUPPRESSED, Cell, Column, Table
    from .views import programme_figures

    figures = programme_figures(year)
    support, state, market = figures["support"], figures["state"], figures["market"]
    desk, money, board = (
        gettext("Yêu cầu hỗ trợ (mạng lưới tư vấn)"),
        gettext("Hỗ trợ của Nhà nước"),
        gettext("Kết nối cung cầu, giải pháp số"),
    )
    lines = [
        (desk, gettext("Số yêu cầu"), support["total"]),
        (desk, gettext("Trung vị thời gian phản hồi đầu tiên (giờ)"), support["median_first_response_hours"]),
        (desk, gettext("Tỷ lệ phản hồi đúng hạn (%)"), support["within_target_share"]),
        (desk, gettext("Điểm hài lòng trung bình (1–5)"), support["average_rating"]),
        (money, gettext("Kinh phí đã duyệt (đồng)"), state["committed"] or 0),
        (money, gettext("Đã giải ngân (đồng)"), state["paid"] or 0),
    ]
    for row in state["by_programme"]:
        name = row["programme__name"]
        lines.append((money, gettext("Hồ sơ: %(programme)s") % {"programme": name}, row["applications"]))
        lines.append((money, gettext("Được hỗ trợ: %(programme)s") % {"programme": name}, row["approvals"]))
    lines += [
        (board, gettext("Tin chào bán"), market["offers"]),
        (board, gettext("Tin cần mua"), market["demands"]),
        (board, gettext("Lượt liên hệ qua trang"), market["contacts"]),
        (board, gettext("Giải pháp trong danh mục"), market["solutions"]),
    ]
    columns = [
        Column("area", gettext("Lĩnh vực"), "text"),
        Column("metric", gettext("Chỉ tiêu"), "text"),
        Column("value", gettext("Giá trị"), "decimal"),
    ]
    # A hidden figure (a group under five, a share of too few answers) prints as the mark.
    rows = [
        [Cell(area), Cell(metric), Cell(SUPPRESSED) if value is None else Cell(_number(value))]
        for area, metric, value in lines
    ]
    table = Table("support_work", gettext("Hỗ trợ doanh nghiệp và kết nối thị trường"), columns, rows)
    table.note = gettext("Số liệu toàn tỉnh trong năm; nhóm dưới 5 hồ sơ hoặc lượt đánh giá được thay bằng “—”.")
    return table


def annual_report(year):
    from .models import AnnualReport

    return AnnualReport.objects.filter(year=year).first() or AnnualReport(year=year)


def report_context(year, area_map=None):
    """Everything the XLSX and the PDF print. `area_map` ("cu": old districts, "moi": new
    communes) limits the area tables across the merger to one map; both by default."""
    figures = get_figures(year, {})
    tables = build_tables(figures, public=True)
    tables += [areas.area_table(year, key) for key in areas.map_keys(area_map)]
    tables.append(support_work_table(year))
    report = annual_report(year)
    province = province_details()
    document = report.official_document(fallback_issuer=province["owner"])
    if not report.issuer_parent:
        document["issuer_parent"] = province["owner_parent"].upper()
    return {
        "year": year,
        "report": report,
        "document": document,
        "figures": figures,
        "tables": tables,
        "province": province,
        "generated": timezone.localtime(),
        "min_group": MIN_GROUP,
        "suppressed_mark": SUPPRESSED,
    }


def build_xlsx(year, area_map=None):
    """The report as an XLSX workbook: a cover sheet, then one sheet per table with its totals."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    with translation.override("vi"):
        context = report_context(year, area_map)
        workbook = Workbook()
        cover = workbook.active
        cover.title = COVER_SHEET
        province = context["province"]
        cover.append([context["report"].display_title])
        cover["A1"].font = Font(bold=True, size=14)
        for label, value in (
            ("Năm", year),
            ("Cơ quan chủ quản", context["report"].issuer_parent or province["owner_parent"]),
            ("Cơ quan báo cáo", context["report"].issuer or province["owner"]),
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
            if table.note:
                sheet.append([])
                sheet.append([str(table.note)])
            sheet.column_dimensions["A"].width = 40
        buffer = io.BytesIO()
        workbook.save(buffer)
    return buffer.getvalue()


def build_pdf(year, request=None, area_map=None):
    from core.pdf import render_pdf

    with translation.override("vi"):
        return render_pdf("dashboard/report_pdf.html", report_context(year, area_map), request=request)


def _plain(html):
    from django.utils.html import strip_tags

    return strip_tags(html or "").strip()
