"""Thin view helpers: read the URL's year and filters, hand them to the services."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from . import sources
from .cache import get_figures
from .stats import available_years, clean_filters, default_year, result_years
from .tables import build_tables

FIRST_YEAR, LAST_YEAR = 2000, 2100
DRILL_PAGE_SIZE = 50


def parse_year(value):
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


def parse_query(request, public=True):
    """(year, filters) from the query string. The public view shows only published years and
    opens on the latest (the public year); the editors' view may open any year."""
    year = parse_year(request.GET.get("year"))
    if public and year is not None and year not in available_years():
        year = None
    return year or default_year(), clean_filters(request.GET)


def _localized(name, name_en):
    return (name_en or name) if translation.get_language() == "en" else name


def filter_options():
    """Choices for the filter form: VSIC 2025 sections (the breakdown's groups; 2018 codes are
    mapped to them), district-level areas, size classes."""
    sectors = [
        (pk, f"{code} – {_localized(name, name_en)}")
        for pk, code, name, name_en in sources.sectors()
        .filter(parent__isnull=True, version="2025")
        .order_by("code")
        .values_list("pk", "code", "name", "name_en")
    ]
    units = sources.areas().filter(level="district") | sources.areas().filter(level="commune", parent__level="province")
    areas = [
        (pk, _localized(name, name_en))
        for pk, name, name_en in units.order_by("name").values_list("pk", "name", "name_en")
    ]
    sizes = [(code, str(label)) for code, label in sources.size_classes()]
    return {"sectors": sectors, "areas": areas, "sizes": sizes}


def dashboard_context(request, page, public=True):
    year, filters = parse_query(request, public=public)
    figures = get_figures(year, filters)
    tables = build_tables(figures, public=public)
    options = filter_options()
    offered = available_years() if public else set(available_years()) | set(result_years())
    years = sorted(set(offered) | {year}, reverse=True)
    query = {"year": year, **figures["filters"]}
    chosen = []
    for key, label in (("sector", _("Ngành")), ("area", _("Địa bàn")), ("size", _("Quy mô"))):
        if key in figures["filters"]:
            names = dict(options[f"{key}s"])
            chosen.append((label, names.get(figures["filters"][key], figures["filters"][key])))
    from urllib.parse import urlencode

    return {
        "figures": figures,
        "tables": tables,
        "public": public,
        "year": year,
        "years": years,
        "filters": figures["filters"],
        "options": options,
        "chosen_filters": chosen,
        "query_string": urlencode(query),
        "has_suppressed": any(table.has_suppressed for table in tables),
        "published": figures["published"],
        "can_see_details": request.user.is_authenticated and request.user.has_perm("dashboard.view_dashboard_details"),
        "drill_url": page.url + page.reverse_subpage("drilldown") if not public else "",
        "min_group": 5,
        "programme_figures": programme_figures(year),
    }


def programme_figures(year):
    """The plan's support work in the same year: the support desk's requests (support), state
    support applications (programmes) and the supply–demand board (market). Counts under five
    are hidden as elsewhere; money totals are the programme's, not an enterprise's."""
    from market.services import figures as market_figures
    from programmes.services import figures as state_support_figures
    from support.figures import figures as support_figures

    state = state_support_figures(year)
    hidden = 5
    for row in state["by_programme"]:
        for key in ("applications", "approvals"):
            if row[key] < hidden:
                row[key] = None
    return {"support": support_figures(year), "state": state, "market": market_figures(year)}


def _drill_queryset(request, year):
    """The enterprises behind one figure of the editors' view."""
    subset = request.GET.get("set", "verified")
    if subset == "registry":
        enterprises = sources.registry()
        prefix = ""
    else:
        enterprises = sources.assessed_submissions(year) if subset == "assessed" else sources.verified_submissions(year)
        prefix = sources.ENTERPRISE_PREFIX
    enterprises = enterprises.filter(sources.enterprise_filter(clean_filters(request.GET), prefix))
    for key, field in (("sector", "sector"), ("area", "area"), ("size", "size_class")):
        if request.GET.get(key) == "none":
            lookup = f"{prefix}{field}" + ("" if key == "size" else "__isnull")
            enterprises = enterprises.filter(**{lookup: "" if key == "size" else True})
    level = request.GET.get("level")
    if subset != "registry" and level not in (None, ""):
        try:
            enterprises = enterprises.filter(level=int(level))
        except ValueError:
            raise Http404
    if subset == "registry":
        return subset, enterprises.select_related("sector", "area").order_by("name")
    return subset, enterprises.select_related("enterprise", "enterprise__sector", "enterprise__area").order_by(
        "enterprise__name"
    )


def drilldown_context(request):
    year, _filters = parse_query(request, public=False)
    subset, queryset = _drill_queryset(request, year)
    page = Paginator(queryset, DRILL_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = []
    for item in page.object_list:
        enterprise = item if subset == "registry" else item.enterprise
        rows.append(
            {
                "enterprise": enterprise,
                "total": None if subset == "registry" else item.total,
                "level": None if subset == "registry" else item.level,
                "status": None if subset == "registry" else item.get_status_display(),
            }
        )
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "year": year,
        "subset": subset,
        "rows": rows,
        "page_obj": page,
        "count": page.paginator.count,
        "query_without_page": query.urlencode(),
    }


def report_download(request, year, fmt):
    """The annual report as XLSX or PDF, for the admin (permission checked by the URL hook).
    ?ban-do=cu (old districts) or ?ban-do=moi (new communes) keeps one of the two area tables."""
    from .report import build_pdf, build_xlsx

    area_map = request.GET.get("ban-do")
    if fmt == "xlsx":
        content = build_xlsx(year, area_map=area_map)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    elif fmt == "pdf":
        content = build_pdf(year, request=request, area_map=area_map)
        content_type = "application/pdf"
    else:
        raise Http404
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="bao-cao-chuyen-doi-so-{year}.{fmt}"'
    return response
