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
        sector = filters["sector"]
        q &= Q(**{f"{prefix}sector_id": sector}) | Q(**{f"{prefix}sector__section_id": sector})
    if filters.get("area"):
        area = filters["area"]
        q &= Q(**{f"{prefix}area_id": area}) | Q(
            **{f"{prefix}area__parent_id": area, f"{prefix}area__level": "commune"}
        )
    if filters.get("size"):
        size = filters["size"]
        q &= Q(**{f"{prefix}size_class": "" if size == "none" else size})
    return q
