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
from django.utils.translation import gettext_lazy as _

from enterprises import services as registry

from . import sources

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
