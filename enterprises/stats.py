"""Counting enterprises by area on either map: the new communes (from 1/7/2025) or the old
districts and communes (until 30/6/2025), whatever map each record was made on.

An enterprise keeps the unit it was recorded with. To count on the map of a day, each unit is
mapped through the successor links (enterprises.UnitLink):
- a unit in force on that day counts as itself (then rolled up to the level asked for);
- an old unit, on the new map, goes to its successor when it has exactly one (a `whole`
  link). An old commune split between several new ones (`partial` links) is NOT assigned to
  one of them: it counts under a `Split` key naming the candidates, so reports show it as such;
- a new unit, on the old map, goes back to the old unit (at the level asked for) that holds
  all of its predecessors; when they lie in several old units, it counts under a `Split` too.
A unit with no path (e.g. a record with only a province, counted by commune) is unknown (None).

Two queries for the units and links of the site's province, and one aggregate over enterprises.
"""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count

from .models import AdministrativeUnit, Enterprise, UnitLink
from .provinces import province_units

LEVEL_RANK = {
    AdministrativeUnit.Level.PROVINCE: 0,
    AdministrativeUnit.Level.DISTRICT: 1,
    AdministrativeUnit.Level.COMMUNE: 2,
}


@dataclass(frozen=True)
class Split:
    """Records of a unit whose territory lies in several units of the map counted on."""

    source: AdministrativeUnit
    candidates: tuple

    def __str__(self):
        names = ", ".join(unit.name for unit in self.candidates)
        return f"{self.source.name} → {names}"


class UnitMap:
    """The units and links in memory, with the lookups the mapping needs."""

    def __init__(self, units=None, links=None):
        units = list(units if units is not None else province_units())
        self.by_id = {unit.pk: unit for unit in units}
        links = links if links is not None else UnitLink.objects.filter(predecessor__in=list(self.by_id))
        self.successors, self.predecessors = {}, {}
        for predecessor_id, successor_id in (
            links.values_list("predecessor_id", "successor_id") if hasattr(links, "values_list") else links
        ):
            self.successors.setdefault(predecessor_id, []).append(successor_id)
            self.predecessors.setdefault(successor_id, []).append(predecessor_id)

    def at_level(self, unit, level):
        while unit is not None and LEVEL_RANK[unit.level] > LEVEL_RANK[level]:
            unit = self.by_id.get(unit.parent_id)
        if unit is None or unit.level != level:
            return None
        return unit

    def _forward(self, unit, day, seen):
        if unit is None or unit.pk in seen:
            return set()
        seen.add(unit.pk)
        if unit.is_valid_on(day):
            return {unit.pk}
        if unit.valid_to is not None and unit.valid_to < day:
            found = set()
            for pk in self.successors.get(unit.pk, []):
                found |= self._forward(self.by_id.get(pk), day, seen)
            return found
        found = set()
        for pk in self.predecessors.get(unit.pk, []):
            found |= self._forward(self.by_id.get(pk), day, seen)
        return found

    def area_on_day(self, unit, day, level):
        """The unit at `level` on the map of `day` covering `unit`, a Split, or None."""
        if unit is None:
            return None
        if unit.is_valid_on(day):
            return self.at_level(unit, level)
        targets = {self.at_level(self.by_id[pk], level) for pk in self._forward(unit, day, set())}
        targets.discard(None)
        if not targets:
            # A record with a coarse unit (an old district) counted by province: go up on its
            # own map first, then across (old province → new province).
            above = self.at_level(unit, level)
            if above is not None and above.pk != unit.pk:
                targets = {self.at_level(self.by_id[pk], level) for pk in self._forward(above, day, set())}
                targets.discard(None)
        if not targets:
            return None
        if len(targets) == 1:
            return targets.pop()
        return Split(unit, tuple(sorted(targets, key=lambda u: u.code)))


def count_by_area(day, level=AdministrativeUnit.Level.DISTRICT, queryset=None):
    """{unit, Split or None: number of enterprises} on the map of `day`, at `level`.

    Use level "district" for days up to 30/6/2025 (the old districts) and "commune" or
    "province" after (no district level from 1/7/2025)."""
    queryset = Enterprise.objects.all() if queryset is None else queryset
    units = UnitMap()
    counts = Counter()
    rows = queryset.order_by().values("area_id").annotate(n=Count("id"))
    for row in rows:
        unit = units.by_id.get(row["area_id"])
        counts[units.area_on_day(unit, day, level) if unit else None] += row["n"]
    return dict(counts)
