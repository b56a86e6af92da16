"""The dashboard's figures for one year and one set of filters, aggregated in the database.

`compute_figures` returns plain data (numbers, ids, names in both languages) that the
cache can hold; `dashboard.tables` turns it into the tables every output shows (page,
CSV/JSON, XLSX, PDF), so they can never disagree.
"""

from django.db.models import Case, CharField, Count, F, Max, Sum, Value, When

from . import sources
from .aggregates import medians
from .suppression import Cube

SUBMISSION = sources.ENTERPRISE_PREFIX
DIMENSIONS = ("sector", "area", "size")
LEVELS = range(0, 6)
FILTER_KEYS = ("sector", "area", "size")


def group_expression(dimension, prefix=""):
    if dimension == "sector":
        # The breakdown's group (sources.sector_groups) as text: "12" for a 2025 section, "2018-45"
        # for a split 2018 code; sector_key() reads it back.
        members = {}
        for pk, key in sources.sector_groups()[0].items():
            members.setdefault(str(key), []).append(pk)
        return Case(
            *[When(**{f"{prefix}sector_id__in": pks}, then=Value(key)) for key, pks in members.items()],
            default=Value(None),
            output_field=CharField(),
        )
    if dimension == "area":
        return sources.area_group_id(prefix)
    return F(f"{prefix}size_class")


def sector_key(value):
    """A sector group key from text: an id as an int, a split 2018 code ("2018-45") as it is."""
    text = str(value)
    if text.isdigit():
        return int(text)
    if text.startswith(sources.SPLIT_SECTOR_PREFIX) and text[len(sources.SPLIT_SECTOR_PREFIX) :].isalnum():
        return text
    return None


def clean_filters(filters):
    """Only the known filter keys with a value; ids as ints (a split 2018 sector group as its
    key), size as its code."""
    cleaned = {}
    for key in FILTER_KEYS:
        value = (filters or {}).get(key)
        if value in (None, ""):
            continue
        if key == "size":
            if value in dict(sources.size_classes()):
                cleaned[key] = value
        elif key == "sector":
            if sector_key(value) is not None:
                cleaned[key] = sector_key(value)
        else:
            try:
                cleaned[key] = int(value)
            except (TypeError, ValueError):
                continue
    return cleaned


def _round(value, digits=1):
    return None if value is None else round(float(value), digits)


def available_years():
    """The public years, newest first: years a programme editor has published (the assessment
    app's PublishedYear), never simply the years that have a verified result."""
    return sources.published_years()


def result_years():
    """Years with verified results, newest first (the editors' view offers them all)."""
    verified = sources.verified_submissions(None)
    return sorted({int(y) for y in verified.order_by().values_list("year", flat=True).distinct()}, reverse=True)


def default_year():
    """The public year: the latest published one (this year before anything is published)."""
    from django.utils import timezone

    years = available_years()
    return years[0] if years else timezone.localdate().year


def _labels(dimension, keys):
    """{key: (name in Vietnamese, name in English)} for a breakdown's groups."""
    keys = [key for key in keys if key not in (None, "")]
    if dimension == "size":
        from django.utils import translation

        labels = {}
        for code, label in sources.size_classes():
            with translation.override("vi"):
                vi = str(label)
            with translation.override("en"):
                en = str(label)
            labels[code] = (vi, en)
        return labels
    if dimension == "sector":
        return _sector_labels(keys)
    rows = sources.areas().filter(pk__in=keys).values_list("pk", "name", "name_en")
    return {pk: (name, name_en or name) for pk, name, name_en in rows}


def _sector_labels(keys):
    """ "C – Công nghiệp chế biến, chế tạo" for a 2025 section; for a split 2018 code, its code
    and name and the 2025 sections it lies in."""
    from django.utils import translation
    from django.utils.translation import gettext

    _groups, splits = sources.sector_groups()
    ids = [key for key in keys if isinstance(key, int)] + [splits[key][0] for key in keys if key in splits]
    rows = {
        pk: (code, name, name_en or name)
        for pk, code, name, name_en in sources.sectors().filter(pk__in=ids).values_list("pk", "code", "name", "name_en")
    }
    labels = {}
    for key in keys:
        pk = splits[key][0] if key in splits else key
        if pk not in rows:
            continue
        code, vi, en = rows[pk]
        if key in splits:
            letters = ", ".join(splits[key][1]) or "?"
            names = []
            for language, name in (("vi", vi), ("en", en)):
                with translation.override(language):
                    names.append(
                        gettext("%(code)s (VSIC 2018) – %(name)s: chia giữa các ngành VSIC 2025 %(letters)s")
                        % {"code": code, "name": name, "letters": letters}
                    )
            labels[key] = tuple(names)
        else:
            labels[key] = (f"{code} – {vi}", f"{code} – {en}")
    return labels


def _pillar_names():
    return {code: (vi, en) for code, vi, en in sources.pillars()}


class Cells:
    """Counts and sums per (sector group, area group, size) cell, folded in Python.

    Each aggregation runs once in the database, grouped by the enterprise's raw sector, area
    and size (no joins to the taxonomy); the few hundred cells are then mapped to their
    groups (sector → its section, commune → its district) and summed for any filter or
    breakdown, so one query serves the overview, every breakdown and the suppression cube."""

    def __init__(self):
        # One group per VSIC 2025 section, 2018 codes mapped to it (sources.sector_groups).
        self.sector_key = sources.sector_groups()[0]
        units = {pk: (level, parent) for pk, level, parent in sources.areas().values_list("pk", "level", "parent_id")}
        self.area_key = {
            pk: parent if level == "commune" and parent and units.get(parent, ("",))[0] == "district" else pk
            for pk, (level, parent) in units.items()
        }

    def fold(self, rows, extra=(), measures=("n",)):
        """[(keys dict, measures dict)] from grouped rows, one per group cell.

        `rows` are tuples (raw sector, raw area, size, *extra, *measures). Rows that fall in
        the same (sector group, area group, size, extra...) cell are merged, their measures
        added up ("maximum" kept as the largest), so every later pass runs over the groups the
        dashboard shows, however fine the rows are (communes and 5-digit codes of a country).
        Tuples, not dicts: at the scale of the country a first view folds about 200,000 rows."""
        sector_get, area_get = self.sector_key.get, self.area_key.get
        start = 3 + len(extra)
        largest = tuple(i for i, name in enumerate(measures) if name == "maximum")
        merged = {}
        for row in rows:
            sector, area = row[0], row[1]
            group = (sector_get(sector, sector), area_get(area, area), *row[2:start])
            entry = merged.get(group)
            if entry is None:
                merged[group] = list(row[start:])
                continue
            for i, value in enumerate(row[start:]):
                if value is None:
                    continue
                if entry[i] is None:
                    entry[i] = value
                elif i in largest:
                    entry[i] = max(entry[i], value)
                else:
                    entry[i] += value
        names = ("sector", "area", "size", *extra)
        return [
            (dict(zip(names, group, strict=True)), dict(zip(measures, values, strict=True)))
            for group, values in merged.items()
        ]


def _match(keys, filters):
    return all(keys.get(key) == value for key, value in filters.items())


def _only(folded, filters):
    """The folded rows in the set `filters` selects (every later pass runs over these once)."""
    if not filters:
        return folded
    return [(keys, row) for keys, row in folded if _match(keys, filters)]


def _sum(folded, measure):
    return sum(row[measure] or 0 for _keys, row in folded)


def _by(folded, dimension, measures):
    groups = {}
    for keys, row in folded:
        group = groups.get(keys[dimension])
        if group is None:
            group = groups[keys[dimension]] = dict.fromkeys(measures, 0)
        for measure in measures:
            group[measure] += row[measure] or 0
    return groups


E = sources.ENTERPRISE_PREFIX
RAW = (f"{E}sector_id", f"{E}area_id", f"{E}size_class")
RAW_PILLAR = tuple(f"submission__{field}" for field in RAW)
PILLAR_MEASURES = ("n", "points", "percent", "maximum")


def _pillar_names():
    return {code: (vi, en) for code, vi, en in sources.pillars()}


class DirectSource:
    """The figures' inputs aggregated from the results themselves (millions of rows at the
    scale of the country): the reference the summary must agree with. Rows are tuples in
    `Cells.fold`'s order: raw sector, area and size, the extra keys, the measures."""

    def __init__(self, cells):
        self.cells = cells

    # Nothing is read ahead or cached: the reference reads everything each time.
    def start(self, year, filters):
        pass

    def known_trend(self, year, filters):
        return {}

    def keep_trend(self, year, filters, entries, known):
        pass

    def registry(self):
        return sources.registry().order_by().values_list("sector_id", "area_id", "size_class").annotate(n=Count("pk"))

    def results(self, year, skip=()):
        return (
            sources.verified_submissions(None)
            .filter(year__lte=year)
            .exclude(year__in=sorted(skip))
            .order_by()
            .values_list(*RAW, "year", "level")
            .annotate(n=Count("pk"), total=Sum("total"))
        )

    def assessed(self, year):
        return (
            sources.assessed_submissions(year)
            .order_by()
            .values_list(*RAW)
            .annotate(n=Count("enterprise_id", distinct=True))
        )

    def pillars(self, year):
        return (
            sources.pillar_scores(sources.verified_submissions(year))
            .order_by()
            .values_list(*RAW_PILLAR, "pillar__code")
            .annotate(n=Count("pk"), points=Sum("points"), percent=Sum("percent"), maximum=Max("max_points"))
        )

    def median(self, year, filters):
        verified = sources.verified_submissions(year).filter(sources.enterprise_filter(filters, E))
        return medians(verified, [], "total").get(())

    def medians_by(self, year, filters, dimension):
        verified = sources.verified_submissions(year).filter(sources.enterprise_filter(filters, E))
        grouped = verified.annotate(_group=group_expression(dimension, E))
        middle = {key[0]: value for key, value in medians(grouped, ["_group"], "total").items()}
        if dimension == "sector":
            middle = {sector_key(key): value for key, value in middle.items() if key is not None}
        return middle

    def pillar_medians(self, year, filters):
        verified = sources.verified_submissions(year).filter(sources.enterprise_filter(filters, E))
        scores = sources.pillar_scores(verified).annotate(_code=F("pillar__code"))
        return {key[0]: value for key, value in medians(scores, ["_code"], "points").items()}

    def year_medians(self, year, filters):
        trend_qs = (
            sources.verified_submissions(None).filter(year__lte=year).filter(sources.enterprise_filter(filters, E))
        )
        return {key[0]: value for key, value in medians(trend_qs, ["year"], "total").items()}


def compute_figures(year, filters=None):
    """Every figure of the dashboard for `year` and `filters` ({"sector", "area", "size"}),
    read from the summary tables (dashboard.summary), built on the first read."""
    from .summary import ensure_built
    from .summary_source import SummarySource

    ensure_built()
    cells = Cells()
    return _figures(year, filters, cells, SummarySource(cells))


def compute_figures_direct(year, filters=None):
    """The same figures aggregated from the results directly (the summary's reference)."""
    cells = Cells()
    return _figures(year, filters, cells, DirectSource(cells))


def _figures(year, filters, cells, source):
    filters = clean_filters(filters)
    year = int(year)
    source.start(year, filters)  # the medians' reads, while the cells are folded here
    registry = cells.fold(source.registry())
    # Earlier years' trend entries no change has made stale: their rows are not read at all.
    known = source.known_trend(year, filters)
    results = cells.fold(source.results(year, skip=known), extra=("year", "level"), measures=("n", "total"))
    assessed = cells.fold(source.assessed(year))
    pillar_rows = cells.fold(source.pillars(year), extra=("pillar__code",), measures=PILLAR_MEASURES)
    # The suppression cube and the pillars' maxima read every cell; everything else only the
    # filtered set (and its year), selected once.
    cube = Cube(
        ((keys["year"], keys["sector"], keys["area"], keys["size"], row["n"]) for keys, row in results),
        fixed=("year",),
    )
    this_year = {**filters, "year": year}
    maxima = {}
    for keys, row in pillar_rows:
        code = keys["pillar__code"]
        if row["maximum"] is not None and (maxima.get(code) is None or row["maximum"] > maxima[code]):
            maxima[code] = row["maximum"]
    registry, assessed, pillar_rows = _only(registry, filters), _only(assessed, filters), _only(pillar_rows, filters)
    results = _only(results, filters)
    year_results = [(keys, row) for keys, row in results if keys["year"] == year]

    verified_n = _sum(year_results, "n")
    overview = {
        "registry": _sum(registry, "n"),
        "assessed": _sum(assessed, "n"),
        "verified": verified_n,
        "average": _round(_sum(year_results, "total") / verified_n) if verified_n else None,
        "median": _round(source.median(year, filters)),
    }
    levels = dict.fromkeys(LEVELS, 0)
    for level, group in _by(year_results, "level", ("n",)).items():
        levels[int(level)] = group["n"]

    names = _pillar_names()
    pillar_groups = _by(pillar_rows, "pillar__code", ("n", "points", "percent"))
    pillar_medians = source.pillar_medians(year, filters) if pillar_groups else {}
    pillars = []
    for code in list(names) or sorted(pillar_groups):
        group = pillar_groups.get(code)
        vi, en = names.get(code, (code, code))
        pillars.append(
            {
                "code": code,
                "name": vi,
                "name_en": en,
                "average": _round(group["points"] / group["n"]) if group and group["n"] else None,
                "median": _round(pillar_medians.get(code)),
                "maximum": _round(maxima.get(code)),
                "percent": _round(group["percent"] / group["n"]) if group and group["n"] else None,
            }
        )

    breakdowns = {}
    for dimension in DIMENSIONS:
        if dimension in filters:
            continue
        reg = _by(registry, dimension, ("n",))
        ass = _by(assessed, dimension, ("n",))
        ver = _by(year_results, dimension, ("n", "total"))
        middle = source.medians_by(year, filters, dimension)
        pillar_avgs = {}
        for keys, row in pillar_rows:
            entry = pillar_avgs.setdefault(keys[dimension], {}).setdefault(keys["pillar__code"], [0, 0])
            entry[0] += row["points"] or 0
            entry[1] += row["n"]
        keys_all = set(reg) | set(ass) | set(ver)
        labels = _labels(dimension, keys_all)
        rows = []
        for key in keys_all:
            vi, en = labels.get(key, (None, None))
            n = ver.get(key, {}).get("n", 0)
            rows.append(
                {
                    "key": key,
                    "name": vi,
                    "name_en": en,
                    "registry": reg.get(key, {}).get("n", 0),
                    "assessed": ass.get(key, {}).get("n", 0),
                    "verified": n,
                    "average": _round(ver[key]["total"] / n) if n else None,
                    "median": _round(middle.get(key)),
                    "pillars": {
                        code: _round(points / count)
                        for code, (points, count) in pillar_avgs.get(key, {}).items()
                        if count
                    },
                    "published": cube.published({**this_year, dimension: key}),
                }
            )
        order = [code for code, _label in sources.size_classes()]
        if dimension == "size":
            rows.sort(key=lambda row: (row["key"] not in order, order.index(row["key"]) if row["key"] in order else 0))
        else:
            # Split 2018 sector codes after the 2025 sections.
            rows.sort(key=lambda row: (row["name"] is None, isinstance(row["key"], str), row["name"] or ""))
        breakdowns[dimension] = rows

    per_year = _by(results, "year", ("n", "total"))
    year_levels = {}
    for keys, row in results:
        year_levels.setdefault(keys["year"], dict.fromkeys(LEVELS, 0))[int(keys["level"])] += row["n"]
    entries = {
        each: {
            "verified": group["n"],
            "average": _round(group["total"] / group["n"]) if group["n"] else None,
            "levels": year_levels.get(each, dict.fromkeys(LEVELS, 0)),
            "published": cube.published({**filters, "year": each}),
        }
        for each, group in per_year.items()
    }
    source.keep_trend(year, filters, entries, known)
    entries.update({each: entry for each, entry in known.items() if entry})
    year_medians = source.year_medians(year, filters)
    trend = []
    previous = None
    for each in sorted(entries):
        row = {"year": each, **entries[each], "median": _round(year_medians.get(each))}
        comparable = previous is not None and previous["published"] and row["published"]
        row["change"] = _round(row["average"] - previous["average"]) if comparable else None
        trend.append(row)
        previous = row
    current = [row for row in trend if row["year"] == year]
    return {
        "year": year,
        "filters": filters,
        "years": available_years(),
        "overview": overview,
        "published": cube.published(this_year),
        "levels": levels,
        "pillars": pillars,
        "breakdowns": breakdowns,
        "trend": trend,
        "change": current[0]["change"] if current else None,
        "events": sources.event_statistics(year),
        "honours": sources.awards_by_category(year),
    }
