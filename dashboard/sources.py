"""Every read the dashboard makes from the apps below it, in one place.

The dashboard sits at the top of the layers: it reads the registry (enterprises), the
assessment results (assessment_forms), training events (events) and honours (honors)
only through their service functions, plus their models where a foreign-key path is
needed for a database aggregation. When a lower app is not installed yet, or does not
offer its contract, the matching function returns an empty result and `missing()` names
it, so the page still renders and the report says what is absent.
"""

from importlib import import_module

from django.db.models import Q

from enterprises.models import Enterprise

FRAMEWORK_CODE = "DBI-1970-SME"
# Paths from a submission to the enterprise's attributes the dashboard groups by.
ENTERPRISE_PREFIX = "enterprise__"


def _service(module, name):
    try:
        return getattr(import_module(module), name)
    except (ImportError, AttributeError):
        return None


def missing():
    """The lower-layer contracts that are not available, as dotted names."""
    wanted = [
        ("assessment_forms.services", "verified_results"),
        ("events.services", "year_statistics"),
        ("honors.services", "awards_for_year"),
    ]
    return [f"{module}.{name}" for module, name in wanted if _service(module, name) is None]


# --- Registry ---------------------------------------------------------------------------------


def registry():
    """Enterprises counted as the province's registry: everyone not closed."""
    return Enterprise.objects.exclude(status=Enterprise.Status.CLOSED)


def sectors():
    from enterprises.models import Sector

    return Sector.objects.all()


def areas():
    # The site's province only (settings.PROVINCE_CODE; both periods), not the whole country.
    from enterprises.services import province_units

    return province_units()


def size_classes():
    return list(Enterprise.SizeClass.choices)


# --- Assessment results -----------------------------------------------------------------------


def submissions_available():
    return _service("assessment_forms.services", "verified_results") is not None


def verified_submissions(year=None):
    """Verified submissions (one per enterprise and year) of the DBI framework, as a queryset;
    None when the assessment app does not offer them."""
    verified_results = _service("assessment_forms.services", "verified_results")
    if verified_results is None:
        return None
    # Aggregations need neither the joins nor the prefetch the service adds for listings.
    return verified_results(year=year, framework_code=FRAMEWORK_CODE).select_related(None).prefetch_related(None)


def assessed_submissions(year):
    """Submissions of the year that were sent for assessment (submitted or verified)."""
    verified = verified_submissions(year)
    if verified is None:
        return None
    model = verified.model
    return model.objects.filter(year=year, status__in=["submitted", "verified"], framework__code=FRAMEWORK_CODE)


def pillar_scores(submissions):
    """The pillar scores of these submissions, as a queryset."""
    if submissions is None:
        return None
    related = submissions.model._meta.get_field("pillar_scores").related_model
    return related.objects.filter(submission__in=submissions.values("pk"))


def pillars():
    """[(code, name in Vietnamese, name in English)] of the framework's pillars, in order."""
    from django.utils import translation

    pillar_choices = _service("assessment_forms.services", "pillar_choices")
    if pillar_choices is None:
        return []
    with translation.override("vi"):
        vi = [(str(code), str(name)) for code, name in pillar_choices(FRAMEWORK_CODE)]
    with translation.override("en"):
        en = {str(code): str(name) for code, name in pillar_choices(FRAMEWORK_CODE)}
    return [(code, name, en.get(code) or name) for code, name in vi]


def published_years():
    """Years whose results a programme editor has published, newest first ([] when the
    assessment app does not offer them)."""
    function = _service("assessment_forms.services", "published_years")
    return list(function(FRAMEWORK_CODE)) if function is not None else []


def level_name(level):
    """The localized name of an overall DBI level, or the number."""
    function = _service("assessment_forms.services", "level_name")
    return str(function(level)) if function is not None else str(level)


def results_changed_signal():
    """The assessment app's signal sent when verified results change, or None."""
    try:
        return import_module("assessment_forms.signals").results_changed
    except (ImportError, AttributeError):
        return _service("assessment_forms.services", "results_changed")


# --- Events and honours -----------------------------------------------------------------------


def event_statistics(year):
    """{"events", "registrations", "attendees"} for the year (zeros when unavailable)."""
    year_statistics = _service("events.services", "year_statistics")
    empty = {"events": 0, "registrations": 0, "attendees": 0}
    if year_statistics is None:
        return {**empty, "available": False}
    figures = year_statistics(year) or {}
    return {**{key: int(figures.get(key) or 0) for key in empty}, "available": True}


def awards_by_category(year):
    """[{"name", "name_en", "count"}] of the year's published awards per category, in the
    honours' own order; None when the honours app does not offer them. The service returns
    one row per award (tens a year), already in one query."""
    awards_for_year = _service("honors.services", "awards_for_year")
    if awards_for_year is None:
        return None
    categories = {}
    for award in awards_for_year(year):
        category = getattr(award, "category", None)
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
    from django.db.models import Case, F, When

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
