"""Small-group suppression for the public figures, as pure functions.

Results (averages, medians, level distributions, pillar scores) are published for a set
of enterprises only when no single enterprise's result can be read off them:

1. Primary: the set has fewer than MIN_GROUP verified enterprises.
2. Secondary (against differencing): a set is a cell of the cross-tabulation year × sector
   × area × size class with some dimensions fixed. For every fixed dimension, its siblings
   (same other dimensions, other values of that dimension) add up to the parent set, whose
   total is published. If the hidden siblings together hold fewer than MIN_GROUP
   enterprises, the smallest published siblings are hidden too, until they hold at least
   MIN_GROUP. The decision depends only on the set, never on the page showing it, so a
   figure hidden in a breakdown table stays hidden when the visitor filters on it.

Counts of enterprises (in the registry, assessed, verified) are not results and are always
shown, so every table's counts add up to its total.
"""

MIN_GROUP = 5
DIMENSIONS = ("sector", "area", "size")


class Cube:
    """Verified-enterprise counts per (year, sector, area, size) cell, indexed once so every
    count and sibling list is a dictionary look-up (the cube has a few thousand cells)."""

    FIELDS = ("year", "sector", "area", "size")

    def __init__(self, cells):
        self._counts = {}
        self._siblings = {}
        self._hidden = {}
        subsets = [tuple(field for bit, field in enumerate(self.FIELDS) if mask & (1 << bit)) for mask in range(1 << 4)]
        for cell in cells:
            values = dict(zip(self.FIELDS, cell[:4], strict=True))
            count = cell[4]
            for subset in subsets:
                key = tuple((field, values[field]) for field in subset)
                self._counts[key] = self._counts.get(key, 0) + count
                for dimension in self.FIELDS[1:]:
                    if dimension not in subset:
                        siblings = self._siblings.setdefault((key, dimension), {})
                        siblings[values[dimension]] = siblings.get(values[dimension], 0) + count

    def _key(self, spec):
        return tuple((field, spec[field]) for field in self.FIELDS if field in spec)

    def count(self, spec):
        """Enterprises in the set where each key of `spec` is fixed to its value."""
        return self._counts.get(self._key(spec), 0)

    def siblings(self, spec, dimension):
        """{value: count} of the sets that differ from `spec` only in `dimension`."""
        parent = {key: value for key, value in spec.items() if key != dimension}
        return self._siblings.get((self._key(parent), dimension), {})

    def hidden_siblings(self, spec, dimension):
        parent = {key: value for key, value in spec.items() if key != dimension}
        key = (self._key(parent), dimension)
        if key not in self._hidden:
            self._hidden[key] = hidden_groups(self.siblings(spec, dimension))
        return self._hidden[key]

    def published(self, spec):
        """Whether results for the set `spec` ({"year": 2025, "sector": 3, ...}) may be shown."""
        if self.count(spec) < MIN_GROUP:
            return False
        for dimension in DIMENSIONS:
            if dimension in spec and spec[dimension] in self.hidden_siblings(spec, dimension):
                return False
        return True


def _order(item):
    value, count = item
    return (count, str(value))


def hidden_groups(counts):
    """The groups of one breakdown whose results must be hidden: those under MIN_GROUP, plus
    the smallest others until the hidden ones together hold at least MIN_GROUP enterprises
    (or none), so the parent total cannot give a small group away by subtraction."""
    hidden = {value for value, count in counts.items() if 0 < count < MIN_GROUP}
    hidden_total = sum(counts[value] for value in hidden)
    if 0 < hidden_total < MIN_GROUP:
        for value, count in sorted(counts.items(), key=_order):
            if value in hidden or count == 0:
                continue
            hidden.add(value)
            hidden_total += count
            if hidden_total >= MIN_GROUP:
                break
    return hidden
