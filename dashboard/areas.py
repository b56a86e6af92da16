"""Figures across the merger of 1/7/2025: enterprises by the new communes or by the old
districts, for any year, whatever map each record was made on (issue 20).

Records are mapped through the registry's successor links (enterprises.services.count_by_area):
an old commune that passed whole to a new one counts there; one split between several new
communes (partial links) is listed as a split with its candidates, never assigned silently; a
new commune whose territory came from several old districts is listed the same way on the old
map. One aggregate query over enterprises, two for the units and links.
"""

import datetime

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from enterprises import services as registry

from . import sources
from .tables import Cell, Column, Table

MAPS = {
    # key: (label, the day whose map is used, the level counted on)
    "moi": (_("Theo xã, phường mới (từ 1/7/2025)"), datetime.date(2025, 7, 1), "commune"),
    "cu": (_("Theo huyện cũ (đến 30/6/2025)"), datetime.date(2025, 6, 30), "district"),
}


def figures_by_area(year, map_key="moi"):
    """{"rows": [(unit, n)], "splits": [(Split, n)], "unknown": n, "total": n} for the registry
    as it stood at the end of `year` (records made on or before 31/12/year), on one map."""
    _label, day, level = MAPS[map_key]
    queryset = sources.registry().filter(recorded_on__lte=datetime.date(year, 12, 31))
    counts = registry.count_by_area(day, level, queryset=queryset)
    rows, splits, unknown = [], [], 0
    for key, n in counts.items():
        if key is None:
            unknown += n
        elif isinstance(key, registry.Split):
            splits.append((key, n))
        else:
            rows.append((key, n))
    rows.sort(key=lambda item: item[0].name)
    splits.sort(key=lambda item: item[0].source.name)
    return {"rows": rows, "splits": splits, "unknown": unknown, "total": sum(counts.values())}


def map_keys(value=None):
    """The maps a report shows: one ("cu" or "moi") when asked for, else both, old first."""
    return [value] if value in MAPS else ["cu", "moi"]


def area_table(year, map_key="moi", figures=None):
    """The figures of `figures_by_area` as a report table (XLSX sheet, PDF section): one row per
    unit of the map, then one row per split unit naming the units it lies in (never assigned to
    one of them), then the records with no unit on this map; the total is every record."""
    figures = figures or figures_by_area(year, map_key)
    label, _day, _level = MAPS[map_key]
    columns = [
        Column("area", gettext("Địa bàn"), "text"),
        Column("enterprises", gettext("Số doanh nghiệp")),
        Column("note", gettext("Ghi chú"), "text"),
    ]
    rows = [[Cell(unit.name), Cell(n), Cell("")] for unit, n in figures["rows"]]
    for split, n in figures["splits"]:
        names = ", ".join(unit.name for unit in split.candidates)
        rows.append(
            [
                Cell(split.source.name),
                Cell(n),
                Cell(gettext("Chia giữa %(names)s (liên kết một phần): không gán cho một nơi") % {"names": names}),
            ]
        )
    if figures["unknown"]:
        rows.append([Cell(gettext("Chưa rõ địa bàn trên bản đồ này")), Cell(figures["unknown"]), Cell("")])
    total = [Cell(gettext("Tổng")), Cell(figures["total"]), Cell("")]
    table = Table(f"by_area_{map_key}", str(label), columns, rows, total=total)
    table.note = gettext(
        "Doanh nghiệp trong cơ sở dữ liệu đến 31/12/%(year)s. Bản ghi lập trước 1/7/2025 được chuyển sang bản đồ "
        "mới (và ngược lại) theo liên kết kế thừa giữa các đơn vị hành chính; đơn vị bị chia cho nhiều nơi được "
        "ghi riêng, không gán cho nơi nào."
    ) % {"year": year}
    return table


@login_required
@permission_required("enterprises.view_enterprise", raise_exception=True)
def areas_view(request):
    """Staff page: /thong-ke/dia-ban/?nam=2024&ban-do=cu (old districts) or ban-do=moi."""
    this_year = datetime.date.today().year
    try:
        year = int(request.GET.get("nam", this_year))
    except ValueError:
        year = this_year
    year = min(max(year, 2000), this_year + 1)
    map_key = request.GET.get("ban-do", "moi")
    if map_key not in MAPS:
        map_key = "moi"
    context = {
        "year": year,
        "map_key": map_key,
        "maps": [(key, label) for key, (label, _day, _level) in MAPS.items()],
        "map_label": MAPS[map_key][0],
        "years": list(range(this_year, 2018, -1)),
        "figures": figures_by_area(year, map_key),
    }
    return render(request, "dashboard/areas.html", context)
