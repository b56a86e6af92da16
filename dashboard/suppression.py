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

from itertools import product

MIN_GROUP = 5
DIMENSIONS = ("sector", "area", "size")


class _Any:
    """A dimension left free in a set (None is a value: "area unknown")."""

    def __repr__(self):
        return "ANY"


ANY = _Any()


class Cube:
    """Verified-enterprise counts per (year, sector, area, size) cell, indexed once so every
    count and sibling list is a dictionary look-up.

    The cells are first merged (rows of the same cell at different levels add up), then each
    distinct cell adds its count to the 16 sets it belongs to (every combination of fixed and
    free dimensions); sibling lists are read off those counts the first time a dimension is
    asked for. At the scale of the country this is tens of thousands of cells, not millions of
    dictionary updates."""

    FIELDS = ("year", "sector", "area", "size")

    def __init__(self, cells, fixed=()):
        """`fixed`: dimensions every asked set fixes (the dashboard always names the year):
        sets leaving them free are not counted, half the work per fixed dimension."""
        self.fixed = tuple(fixed)
        merged = {}
        for year, sector, area, size, count in cells:
            key = (year, sector, area, size)
            merged[key] = merged.get(key, 0) + count
        counts = {}
        free = [field not in self.fixed for field in self.FIELDS]
        for cell, count in merged.items():
            for key in product(
                *[(value, ANY) if is_free else (value,) for value, is_free in zip(cell, free, strict=True)]
            ):
                counts[key] = counts.get(key, 0) + count
        self._counts = counts
        self._siblings = {}
        self._hidden = {}

    def _key(self, spec):
        missing = [field for field in self.fixed if field not in spec]
        if missing:
            raise ValueError(f"this cube counts only sets that fix {', '.join(missing)}")
        return tuple(spec.get(field, ANY) for field in self.FIELDS)

    def count(self, spec):
        """Enterprises in the set where each key of `spec` is fixed to its value."""
        return self._counts.get(self._key(spec), 0)

    def _sibling_index(self, dimension):
        """{the set with `dimension` free: {value of dimension: count}} for every set."""
        if dimension not in self._siblings:
            position = self.FIELDS.index(dimension)
            index = {}
            for key, count in self._counts.items():
                value = key[position]
                if value is ANY:
                    continue
                parent = key[:position] + (ANY,) + key[position + 1 :]
                index.setdefault(parent, {})[value] = count
            self._siblings[dimension] = index
        return self._siblings[dimension]

    def _parent(self, spec, dimension):
        """The key of the set `spec` with `dimension` left free."""
        return tuple(ANY if field == dimension else spec.get(field, ANY) for field in self.FIELDS)

    def siblings(self, spec, dimension):
        """{value: count} of the sets that differ from `spec` only in `dimension`."""
        return self._sibling_index(dimension).get(self._parent(spec, dimension), {})

    def hidden_siblings(self, spec, dimension):
        key = (self._parent(spec, dimension), dimension)
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
