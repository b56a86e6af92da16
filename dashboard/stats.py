"""The dashboard's figures for one year and one set of filters, aggregated in the database.

`compute_figures` returns plain data (numbers, ids, names in both languages) that the
cache can hold; `dashboard.tables` turns it into the tables every output shows (page,
CSV/JSON, XLSX, PDF), so they can never disagree.
"""

from django.db.models import Avg, Count, F, Max
from django.db.models.functions import Coalesce

from . import sources
from .aggregates import medians
from .suppression import Cube

SUBMISSION = sources.ENTERPRISE_PREFIX
DIMENSIONS = ("sector", "area", "size")
LEVELS = range(0, 6)
FILTER_KEYS = ("sector", "area", "size")


def group_expression(dimension, prefix=""):
    if dimension == "sector":
        return Coalesce(F(f"{prefix}sector__parent_id"), F(f"{prefix}sector_id"))
    if dimension == "area":
        return sources.area_group_id(prefix)
    return F(f"{prefix}size_class")


def clean_filters(filters):
    """Only the known filter keys with a value; ids as ints, size as its code."""
    cleaned = {}
    for key in FILTER_KEYS:
        value = (filters or {}).get(key)
        if value in (None, ""):
            continue
        if key == "size":
            if value in dict(sources.size_classes()):
                cleaned[key] = value
        else:
            try:
                cleaned[key] = int(value)
            except (TypeError, ValueError):
                continue
    return cleaned


def _round(value, digits=1):
    return None if value is None else round(float(value), digits)


def available_years():
    """Years with verified results, newest first."""
    verified = sources.verified_submissions(None)
    if verified is None:
        return []
    return sorted({int(y) for y in verified.order_by().values_list("year", flat=True).distinct()}, reverse=True)


def default_year():
    from django.utils import timezone

    years = available_years()
    return years[0] if years else timezone.localdate().year


def build_cube(year):
    """Verified-enterprise counts per (year, sector, area, size) for every year up to `year`."""
    verified = sources.verified_submissions(None)
    if verified is None:
        return Cube([])
    rows = (
        verified.filter(year__lte=year)
        .order_by()
        .annotate(
            _sector=group_expression("sector", SUBMISSION),
            _area=group_expression("area", SUBMISSION),
            _size=group_expression("size", SUBMISSION),
        )
        .values("year", "_sector", "_area", "_size")
        .annotate(n=Count("enterprise_id", distinct=True))
    )
    return Cube((row["year"], row["_sector"], row["_area"], row["_size"], row["n"]) for row in rows)


def _grouped_counts(queryset, dimension, prefix, count_field):
    rows = (
        queryset.order_by()
        .annotate(_group=group_expression(dimension, prefix))
        .values("_group")
        .annotate(n=Count(count_field, distinct=True))
    )
    return {row["_group"]: row["n"] for row in rows}


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
    model_rows = sources.sectors() if dimension == "sector" else sources.areas()
    rows = model_rows.filter(pk__in=keys).values_list("pk", "name", "name_en")
    labels = {pk: (name, name_en or name) for pk, name, name_en in rows}
    if dimension == "sector":
        codes = dict(sources.sectors().filter(pk__in=keys).values_list("pk", "code"))
        labels = {pk: (f"{codes[pk]} – {vi}", f"{codes[pk]} – {en}") for pk, (vi, en) in labels.items()}
    return labels


def _pillar_names():
    return {code: (vi, en) for code, vi, en in sources.pillars()}


def _overview(year, filters, verified):
    registry = sources.registry().filter(sources.enterprise_filter(filters)).count()
    assessed_qs = sources.assessed_submissions(year)
    overview = {"registry": registry, "assessed": 0, "verified": 0, "average": None, "median": None}
    if verified is None:
        return overview
    assessed_qs = assessed_qs.filter(sources.enterprise_filter(filters, SUBMISSION))
    overview["assessed"] = assessed_qs.order_by().values("enterprise_id").distinct().count()
    totals = verified.order_by().aggregate(n=Count("enterprise_id", distinct=True), average=Avg("total"))
    overview["verified"] = totals["n"]
    overview["average"] = _round(totals["average"])
    overview["median"] = _round(medians(verified, [], "total").get(()))
    return overview


def _levels(verified):
    counts = dict.fromkeys(LEVELS, 0)
    if verified is None:
        return counts
    for row in verified.order_by().values("level").annotate(n=Count("enterprise_id", distinct=True)):
        counts[int(row["level"])] = row["n"]
    return counts


def _pillars(verified):
    names = _pillar_names()
    scores = sources.pillar_scores(verified)
    if scores is None:
        return []
    scores = scores.annotate(_code=F("pillar__code"))
    rows = (
        scores.order_by()
        .values("_code")
        .annotate(average=Avg("points"), maximum=Max("max_points"), percent=Avg("percent"))
    )
    middle = medians(scores, ["_code"], "points")
    found = {row["_code"]: row for row in rows}
    codes = list(names) or sorted(found)
    result = []
    for code in codes:
        row = found.get(code, {})
        vi, en = names.get(code, (code, code))
        result.append(
            {
                "code": code,
                "name": vi,
                "name_en": en,
                "average": _round(row.get("average")),
                "median": _round(middle.get((code,))),
                "maximum": _round(row.get("maximum")),
                "percent": _round(row.get("percent")),
            }
        )
    return result


def _breakdown(dimension, year, filters, verified, cube):
    """One row per group of `dimension` within the filtered set."""
    registry = _grouped_counts(sources.registry().filter(sources.enterprise_filter(filters)), dimension, "", "pk")
    assessed, counts, averages, middle, pillar_avgs = {}, {}, {}, {}, {}
    if verified is not None:
        assessed_qs = sources.assessed_submissions(year).filter(sources.enterprise_filter(filters, SUBMISSION))
        assessed = _grouped_counts(assessed_qs, dimension, SUBMISSION, "enterprise_id")
        grouped = verified.order_by().annotate(_group=group_expression(dimension, SUBMISSION))
        for row in grouped.values("_group").annotate(n=Count("enterprise_id", distinct=True), average=Avg("total")):
            counts[row["_group"]] = row["n"]
            averages[row["_group"]] = row["average"]
        middle = {key[0]: value for key, value in medians(grouped, ["_group"], "total").items()}
        scores = sources.pillar_scores(verified).annotate(
            _group=group_expression(dimension, "submission__" + SUBMISSION), _code=F("pillar__code")
        )
        for row in scores.order_by().values("_group", "_code").annotate(average=Avg("points")):
            pillar_avgs.setdefault(row["_group"], {})[row["_code"]] = _round(row["average"])
    keys = set(registry) | set(assessed) | set(counts)
    labels = _labels(dimension, keys)
    rows = []
    for key in keys:
        vi, en = labels.get(key, (None, None))
        spec = {"year": year, **filters, dimension: key}
        rows.append(
            {
                "key": key,
                "name": vi,
                "name_en": en,
                "registry": registry.get(key, 0),
                "assessed": assessed.get(key, 0),
                "verified": counts.get(key, 0),
                "average": _round(averages.get(key)),
                "median": _round(middle.get(key)),
                "pillars": pillar_avgs.get(key, {}),
                "published": cube.published(spec),
            }
        )
    # Named groups alphabetically (sizes in their legal order), the unknown group last.
    order = [code for code, _ in sources.size_classes()]
    if dimension == "size":
        rows.sort(key=lambda row: (row["key"] not in order, order.index(row["key"]) if row["key"] in order else 0))
    else:
        rows.sort(key=lambda row: (row["name"] is None, row["name"] or ""))
    return rows


def _trend(year, filters, cube):
    verified = sources.verified_submissions(None)
    if verified is None:
        return []
    verified = verified.filter(year__lte=year).filter(sources.enterprise_filter(filters, SUBMISSION)).order_by()
    per_year = {
        row["year"]: row
        for row in verified.values("year").annotate(n=Count("enterprise_id", distinct=True), average=Avg("total"))
    }
    middle = {key[0]: value for key, value in medians(verified, ["year"], "total").items()}
    levels = {}
    for row in verified.values("year", "level").annotate(n=Count("enterprise_id", distinct=True)):
        levels.setdefault(row["year"], dict.fromkeys(LEVELS, 0))[int(row["level"])] = row["n"]
    rows = []
    previous = None
    for each in sorted(per_year):
        row = {
            "year": each,
            "verified": per_year[each]["n"],
            "average": _round(per_year[each]["average"]),
            "median": _round(middle.get(each)),
            "levels": levels.get(each, dict.fromkeys(LEVELS, 0)),
            "published": cube.published({"year": each, **filters}),
        }
        comparable = previous is not None and previous["published"] and row["published"]
        row["change"] = _round(row["average"] - previous["average"]) if comparable else None
        rows.append(row)
        previous = row
    return rows


def compute_figures(year, filters=None):
    """Every figure of the dashboard for `year` and `filters` ({"sector", "area", "size"})."""
    filters = clean_filters(filters)
    year = int(year)
    verified = sources.verified_submissions(year)
    if verified is not None:
        verified = verified.filter(sources.enterprise_filter(filters, SUBMISSION))
    cube = build_cube(year)
    figures = {
        "year": year,
        "filters": filters,
        "years": available_years(),
        "missing": sources.missing(),
        "overview": _overview(year, filters, verified),
        "published": cube.published({"year": year, **filters}),
        "levels": _levels(verified),
        "pillars": _pillars(verified),
        "breakdowns": {
            dimension: _breakdown(dimension, year, filters, verified, cube)
            for dimension in DIMENSIONS
            if dimension not in filters
        },
        "trend": _trend(year, filters, cube),
        "events": sources.event_statistics(year),
        "honours": sources.awards_by_category(year),
    }
    current = [row for row in figures["trend"] if row["year"] == year]
    figures["change"] = current[0]["change"] if current else None
    return figures
