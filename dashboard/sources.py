"""Every read the dashboard makes from the apps below it, in one place.

The dashboard sits at the top of the layers: it reads the registry (enterprises), the
assessment results (assessment_forms), training events (events) and honours (honors)
only through their `services.py`, plus their models where a foreign-key path is needed for
a database aggregation. Those apps are required: a missing function is an ImportError at
start-up, never an empty figure on the page.
"""

from django.db.models import Case, F, Q, When
from django.utils import translation

from assessment_forms import services as assessments
from enterprises import services as registry_services
from enterprises.models import Enterprise, Sector
from events import services as events
from honors import services as honours

FRAMEWORK_CODE = "DBI-1970-SME"
# Paths from a submission to the enterprise's attributes the dashboard groups by.
ENTERPRISE_PREFIX = "enterprise__"


# --- Registry ---------------------------------------------------------------------------------


def registry():
    """Enterprises counted as the province's registry: everyone not closed."""
    return Enterprise.objects.exclude(status=Enterprise.Status.CLOSED)


def sectors():
    return Sector.objects.all()


# A group of the sector breakdown that is not a VSIC 2025 section: a VSIC 2018 code whose
# activities went to several 2025 sections, keyed by its version and code ("2018-45").
SPLIT_SECTOR_PREFIX = "2018-"


def sector_groups():
    """({sector id: group key}, {split key: (2018 sector id, [2025 section letters])}).

    The sector breakdown has one group per VSIC 2025 section (key: the section's id). A 2025
    code goes to its section. A 2018 code goes through its division and the documented mapping
    of 2018 divisions to 2025 (enterprises/data/sectors/divisions-2018-2025.csv), never by its
    letter (2018 K is 2025 L): to the 2025 section when all of the division's activities went to
    one; otherwise (45 → G and T, 63 → J and K; a bare 2018 section whose divisions did) the
    code is a group of its own, reported as split between those sections, never assigned."""
    rows = list(Sector.objects.values_list("pk", "version", "code", "level", "parent_id", "section_id"))
    by_pk = {row[0]: row for row in rows}
    sections_2025 = {code: pk for pk, version, code, level, _p, _s in rows if version == "2025" and level == 1}
    mapping = registry_services.division_sections_2025()
    divisions_of = {}
    for _pk, version, code, level, parent, _section in rows:
        if version == "2018" and level == 2:
            divisions_of.setdefault(parent, []).append(code)
    groups, splits = {}, {}
    for pk, version, _code, level, _parent, section in rows:
        if version != "2018":
            groups[pk] = section or pk
            continue
        node = by_pk[pk]
        while node[3] > 2 and node[4] in by_pk:
            node = by_pk[node[4]]
        divisions = divisions_of.get(pk, []) if level == 1 else [node[2]]
        letters = sorted({letter for division in divisions for letter in mapping.get(division, [])})
        if len(letters) == 1 and letters[0] in sections_2025:
            groups[pk] = sections_2025[letters[0]]
        else:
            key = f"{SPLIT_SECTOR_PREFIX}{node[2]}"
            groups[pk] = key
            splits[key] = (node[0], letters)
    return groups, splits


def sector_ids(key, groups=None):
    """The ids of the sectors counted in one group of the sector breakdown."""
    groups = groups if groups is not None else sector_groups()[0]
    return [pk for pk, group in groups.items() if group == key]


def areas():
    # The site's province only (settings.PROVINCE_CODE; both periods), not the whole country.
    return registry_services.province_units()


def size_classes():
    return list(Enterprise.SizeClass.choices)


# --- Assessment results -----------------------------------------------------------------------


def verified_submissions(year=None):
    """Verified submissions (one per enterprise and year) of the DBI framework, as a queryset."""
    # Aggregations need neither the joins nor the prefetch the service adds for listings.
    return (
        assessments.verified_results(year=year, framework_code=FRAMEWORK_CODE)
        .select_related(None)
        .prefetch_related(None)
    )


def assessed_submissions(year):
    """Submissions of the year that were sent for assessment (submitted or verified)."""
    model = verified_submissions(year).model
    return model.objects.filter(year=year, status__in=["submitted", "verified"], framework__code=FRAMEWORK_CODE)


def pillar_scores(submissions):
    """The pillar scores of these submissions, as a queryset."""
    related = submissions.model._meta.get_field("pillar_scores").related_model
    return related.objects.filter(submission__in=submissions.values("pk"))


def pillars():
    """[(code, name in Vietnamese, name in English)] of the framework's pillars, in order."""
    with translation.override("vi"):
        vi = [(str(code), str(name)) for code, name in assessments.pillar_choices(FRAMEWORK_CODE)]
    with translation.override("en"):
        en = {str(code): str(name) for code, name in assessments.pillar_choices(FRAMEWORK_CODE)}
    return [(code, name, en.get(code) or name) for code, name in vi]


def published_years():
    """Years whose results a programme editor has published, newest first."""
    return list(assessments.published_years(FRAMEWORK_CODE))


def level_name(level):
    """The localized name of an overall DBI level."""
    return str(assessments.level_name(level))


def results_changed_signal():
    """The assessment app's signal sent when verified results change."""
    return assessments.results_changed


# --- Events and honours -----------------------------------------------------------------------


def event_statistics(year):
    """{"events", "registrations", "attendees"} for the year."""
    figures = events.year_statistics(year) or {}
    return {key: int(figures.get(key) or 0) for key in ("events", "registrations", "attendees")}


def awards_by_category(year):
    """[{"name", "name_en", "count"}] of the year's published awards per category, in the
    honours' own order. The service returns one row per award (tens a year), in one query."""
    categories = {}
    for award in honours.awards_for_year(year):
        category = award.category
        name = str(getattr(category, "name", category) or "")
        entry = categories.setdefault(
            name, {"name": name, "name_en": getattr(category, "name_en", "") or name, "count": 0}
        )
        entry["count"] += 1
    return list(categories.values())


# --- Filters shared by every query ------------------------------------------------------------


def area_group_id(prefix=""):
    """An expression giving the district-level unit an enterprise belongs to: its area, or the
    area's parent when the area is a commune under a district."""
    return Case(
        When(
            **{f"{prefix}area__level": "commune", f"{prefix}area__parent__level": "district"},
            then=F(f"{prefix}area__parent_id"),
        ),
        default=F(f"{prefix}area_id"),
    )


def enterprise_filter(filters, prefix=""):
    """A Q object for the sector / area / size filters, relative to `prefix` ("" for the
    Enterprise model, "enterprise__" for submissions)."""
    q = Q()
    if filters.get("sector"):
        # A group of the breakdown (a 2025 section with the 2018 codes mapped to it, or a split
        # 2018 code), or any other sector with the codes below it.
        sector = filters["sector"]
        q_sector = Q(**{f"{prefix}sector_id__in": sector_ids(sector)})
        if isinstance(sector, int):
            q_sector |= Q(**{f"{prefix}sector_id": sector}) | Q(**{f"{prefix}sector__section_id": sector})
        q &= q_sector
    if filters.get("area"):
        area = filters["area"]
        q &= Q(**{f"{prefix}area_id": area}) | Q(
            **{f"{prefix}area__parent_id": area, f"{prefix}area__level": "commune"}
        )
    if filters.get("size"):
        size = filters["size"]
        q &= Q(**{f"{prefix}size_class": "" if size == "none" else size})
    return q
