"""The dashboard's inputs read from the summary tables (dashboard.summary keeps them): the same
rows and medians `stats.DirectSource` aggregates from the results, in a few small queries."""

from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import connection, connections
from django.db.models import Max, Q, Sum

from . import sources
from .models import SummaryCell, SummaryPillar, SummaryValue
from .summary import REGISTRY_YEAR


def histogram_median(counts):
    """The continuous median (PERCENTILE_CONT(0.5)) of values given as {value: how many}."""
    size = sum(counts.values())
    if not size:
        return None
    low_index, high_index = (size - 1) // 2, size // 2
    low = high = None
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if low is None and seen > low_index:
            low = value
        if seen > high_index:
            high = value
            break
    return (float(low) + float(high)) / 2


GROUPING_SETS_SQL = (
    "SELECT sector_id, area_id, size_class, value, SUM(n), GROUPING(sector_id), GROUPING(area_id) "
    "FROM ({inner}) AS v GROUP BY GROUPING SETS ((sector_id, value), (area_id, value), (size_class, value))"
)


def _key(year, filters):
    """What the per-view reads are remembered by: the year and the filters."""
    return (year, tuple(sorted(filters.items())))


def _in_thread(function, *args):
    """`function(*args)` in a pool's thread, on that thread's own connection, closed after."""
    try:
        return function(*args)
    finally:
        connections.close_all()


class SummarySource:
    """Rows are tuples in `stats.Cells.fold`'s order (raw sector, area and size, the extra
    keys, the measures)."""

    def __init__(self, cells):
        self.cells = cells
        self._year_medians = {}
        self._by_dimension = {}
        self._pending = {}
        self._earlier = {}

    def start(self, year, filters):
        """Start the medians' histogram reads of (year, filters) in two background threads,
        on their own connections, while the caller folds the cells: on PostgreSQL they are
        most of a first view's database time (about 1 s at a million results), and the fold
        most of its Python time. Only outside a transaction (another connection would not see
        its rows) and with `DASHBOARD_PARALLEL_MEDIANS` (default on)."""
        if connection.vendor != "postgresql" or connection.in_atomic_block:
            return
        if not getattr(settings, "DASHBOARD_PARALLEL_MEDIANS", True):
            return
        key = _key(year, filters)
        pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="dashboard-medians")
        self._pending[("by", key)] = pool.submit(_in_thread, self._read_by_dimension, year, filters)
        self._pending[("pillars", key)] = pool.submit(_in_thread, self._pillar_medians, year, filters)
        pool.shutdown(wait=False)  # the threads end with their reads; `_collect` waits for each

    def _collect(self, kind, key):
        pending = self._pending.pop((kind, key), None)
        return None if pending is None else pending.result()

    def registry(self):
        return SummaryCell.objects.filter(kind=SummaryCell.Kind.REGISTRY, year=REGISTRY_YEAR).values_list(
            "sector_id", "area_id", "size_class", "n"
        )

    def results(self, year, skip=()):
        """Result rows of the years up to `year`, but those in `skip` (their trend is cached)."""
        rows = SummaryCell.objects.filter(kind=SummaryCell.Kind.RESULT, year__lte=year)
        if skip:
            rows = rows.exclude(year__in=sorted(skip))
        return rows.values_list("sector_id", "area_id", "size_class", "year", "level", "n", "total").order_by()

    # --- The trend's earlier years, cached per year (dashboard.cache) ----------------------
    def earlier_years(self, year):
        from .cache import earlier_years

        if year not in self._earlier:
            self._earlier[year] = earlier_years(year)
        return self._earlier[year]

    def known_trend(self, year, filters):
        """Earlier years' trend entries for `filters` that no change has made stale: their
        rows are then neither read nor folded (two thirds of a first view's rows, three
        years in)."""
        from .cache import known_trend

        return known_trend(self.earlier_years(year), filters)

    def keep_trend(self, year, filters, entries, known):
        """Cache the trend entries of the earlier years read this time (`entries`: {year:
        entry} of every year read; not in `known`), {} for a year with no result in the set."""
        from .cache import keep_trend

        read = [each for each in self.earlier_years(year) if each not in known]
        keep_trend({each: entries.get(each, {}) for each in read}, filters)

    def assessed(self, year):
        return SummaryCell.objects.filter(kind=SummaryCell.Kind.ASSESSED, year=year).values_list(
            "sector_id", "area_id", "size_class", "n"
        )

    def pillars(self, year):
        return (
            SummaryPillar.objects.filter(year=year)
            .order_by()
            .values_list("sector_id", "area_id", "size_class", "pillar")
            .annotate(_n=Sum("n"), _points=Sum("points"), _percent=Sum("percent"), _maximum=Max("maximum"))
        )

    # --- Medians from the histograms, filtered as sources.enterprise_filter filters ------------

    def _filter(self, filters):
        """A Q on the summary's raw columns selecting what enterprise_filter(filters) selects."""
        q = Q()
        if filters.get("sector"):
            sector = filters["sector"]
            ids = set(sources.sector_ids(sector, self.cells.sector_key))
            if isinstance(sector, int):
                ids.add(sector)
                ids.update(sources.sectors().filter(section_id=sector).values_list("pk", flat=True))
            q &= Q(sector_id__in=sorted(ids))
        if filters.get("area"):
            from enterprises.models import Enterprise

            area = filters["area"]
            units = Enterprise._meta.get_field("area").related_model.objects
            ids = {area, *units.filter(parent_id=area, level="commune").values_list("pk", flat=True)}
            q &= Q(area_id__in=sorted(ids))
        if filters.get("size"):
            size = filters["size"]
            q &= Q(size_class="" if size == "none" else size)
        return q

    def _values(self, filters, group, *conditions, **lookups):
        rows = (
            SummaryValue.objects.filter(self._filter(filters), *conditions, **lookups)
            .order_by()
            .values_list(*group, "value")
            .annotate(_n=Sum("n"))
        )
        histograms = {}
        for *keys, value, n in rows:
            counts = histograms.setdefault(tuple(keys), {})
            counts[value] = counts.get(value, 0) + n
        return histograms

    def year_medians(self, year, filters):
        from .cache import year_medians

        def compute(years):
            histograms = self._values(filters, ["year"], pillar="", year__in=years)
            return {keys[0]: histogram_median(counts) for keys, counts in histograms.items()}

        key = _key(year, filters)
        if key not in self._year_medians:
            self._year_medians[key] = year_medians(year, filters, compute, earlier=self.earlier_years(year))
        return self._year_medians[key]

    def median(self, year, filters):
        return self.year_medians(year, filters).get(year)

    def _histograms_by(self, year, filters, field):
        """{(raw value of `field`,): {total: count}} of the year. On PostgreSQL the three
        breakdowns are read in one scan (GROUPING SETS) on the first of them: a year of a
        million results has about 577,000 histogram rows, scanned once instead of three times."""
        if connection.vendor != "postgresql":
            return self._values(filters, [field], pillar="", year=year)
        key = _key(year, filters)
        if key not in self._by_dimension:
            found = self._collect("by", key)
            self._by_dimension[key] = found if found is not None else self._read_by_dimension(year, filters)
        return self._by_dimension[key][field]

    def _read_by_dimension(self, year, filters):
        inner = (
            SummaryValue.objects.filter(self._filter(filters), pillar="", year=year)
            .order_by()
            .values("sector_id", "area_id", "size_class", "value", "n")
        )
        sql, params = inner.query.sql_with_params()
        fields = ("sector_id", "area_id", "size_class")
        found = {name: {} for name in fields}
        with connection.cursor() as cursor:
            # The ORM's own SQL in a subquery, its params passed apart.
            grouped = GROUPING_SETS_SQL.format(inner=sql)
            cursor.execute(grouped, params)
            for sector, area, size, value, n, no_sector, no_area in cursor.fetchall():
                if not no_sector:
                    name, raw = "sector_id", sector
                elif not no_area:
                    name, raw = "area_id", area
                else:
                    name, raw = "size_class", size
                counts = found[name].setdefault((raw,), {})
                counts[value] = counts.get(value, 0) + int(n)
        return found

    def medians_by(self, year, filters, dimension):
        field = {"sector": "sector_id", "area": "area_id", "size": "size_class"}[dimension]
        groups = {}
        for (raw,), counts in self._histograms_by(year, filters, field).items():
            if dimension == "sector":
                key = self.cells.sector_key.get(raw) if raw is not None else None
                if key is None:
                    continue
            elif dimension == "area":
                key = None if raw is None else self.cells.area_key.get(raw, raw)
            else:
                key = raw
            merged = groups.setdefault(key, {})
            for value, n in counts.items():
                merged[value] = merged.get(value, 0) + n
        return {key: histogram_median(counts) for key, counts in groups.items()}

    def pillar_medians(self, year, filters):
        found = self._collect("pillars", _key(year, filters))
        return found if found is not None else self._pillar_medians(year, filters)

    def _pillar_medians(self, year, filters):
        histograms = self._values(filters, ["pillar"], ~Q(pillar=""), year=year)
        return {keys[0]: histogram_median(counts) for keys, counts in histograms.items() if keys[0]}
