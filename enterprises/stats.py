"""Counting enterprises by area for either period of the administrative map.

An enterprise keeps the unit it was recorded with. To count by the units of a given day,
each unit is mapped onto that day's map:
- a unit already in force that day counts as itself;
- an older unit (ended before the day) moves forward through `successor` (an old commune to
  the new commune that took its territory; an old district to the merged province);
- a newer unit (starting after the day) moves back through its predecessors; when they lie
  in different units of the older map, the unit that holds most of them wins (ties: the
  lowest code). This is an approximation: a merged commune's enterprises are not split.
Then the unit is rolled up through `parent` to the level asked for; a unit coarser than
that level (e.g. a record with only the province) counts as "unknown" (None).

Two queries in all: the units (a few hundred rows) and one aggregate over enterprises.
"""

from collections import Counter

from django.db.models import Count

from .models import AdministrativeUnit, Enterprise

LEVEL_RANK = {
    AdministrativeUnit.Level.PROVINCE: 0,
    AdministrativeUnit.Level.DISTRICT: 1,
    AdministrativeUnit.Level.COMMUNE: 2,
}


class UnitMap:
    """All units in memory, with the lookups the mapping needs."""

    def __init__(self, units=None):
        units = list(units if units is not None else AdministrativeUnit.objects.all())
        self.by_id = {unit.pk: unit for unit in units}
        self.predecessors = {}
        for unit in units:
            if unit.successor_id:
                self.predecessors.setdefault(unit.successor_id, []).append(unit)

    def on_day(self, unit, day, _seen=None):
        """The unit in force on `day` that covers `unit`'s territory, or None."""
        seen = _seen or set()
        if unit is None or unit.pk in seen:
            return None
        seen.add(unit.pk)
        if unit.is_valid_on(day):
            return unit
        if unit.valid_to is not None and unit.valid_to < day:
            return self.on_day(self.by_id.get(unit.successor_id), day, seen)
        votes = Counter()
        for older in self.predecessors.get(unit.pk, []):
            mapped = self.on_day(older, day, set(seen))
            if mapped is not None:
                votes[mapped.pk] += 1
        if not votes:
            return None
        best = max(votes.values())
        winners = sorted((self.by_id[pk] for pk, n in votes.items() if n == best), key=lambda u: u.code)
        return winners[0]

    def at_level(self, unit, level):
        while unit is not None and LEVEL_RANK[unit.level] > LEVEL_RANK[level]:
            unit = self.by_id.get(unit.parent_id)
        if unit is None or unit.level != level:
            return None
        return unit

    def area_on_day(self, unit, day, level):
        return self.at_level(self.on_day(unit, day), level)


def count_by_area(day, level=AdministrativeUnit.Level.DISTRICT, queryset=None):
    """{unit or None: number of enterprises} on the map of `day`, at `level`.

    Use level "district" for days up to 30/6/2025 (Đắk Nông's eight district-level units) and
    "commune" or "province" after (no district level from 1/7/2025)."""
    queryset = Enterprise.objects.all() if queryset is None else queryset
    units = UnitMap()
    counts = Counter()
    rows = queryset.order_by().values("area_id").annotate(n=Count("id"))
    for row in rows:
        unit = units.by_id.get(row["area_id"])
        counts[units.area_on_day(unit, day, level) if unit else None] += row["n"]
    return dict(counts)
