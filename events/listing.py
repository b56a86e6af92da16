"""What the events index shows: upcoming events with URL filters, the archive and a month
calendar. Each listing runs a fixed number of queries (seats and images prefetched)."""

import calendar as pycalendar
from datetime import date, datetime, time, timedelta

from django.core.paginator import Paginator
from django.db.models import IntegerField, OuterRef, Prefetch, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from wagtail.images import get_image_model

from enterprises.models import AdministrativeUnit

from .forms import EventFilterForm
from .models import Registration

PAGE_SIZE = 12
CARD_RENDITION = "fill-640x360"


def _with_listing_data(qs):
    """Seats taken (counted on the default-language page that holds the registrations),
    the area and the cover image's rendition, without a query per event."""
    taken = (
        Registration.objects.filter(event__translation_key=OuterRef("translation_key"), status__in=Registration.HOLDING)
        .values("event__translation_key")
        .annotate(total=Sum("seats"))
        .values("total")
    )
    images = get_image_model().objects.prefetch_renditions(CARD_RENDITION)
    return (
        qs.annotate(taken_seats=Coalesce(Subquery(taken, output_field=IntegerField()), 0))
        .select_related("area", "locale")
        .prefetch_related(Prefetch("cover_image", queryset=images))
    )


def _month_range(value):
    year, month = (int(part) for part in value.split("-"))
    zone = timezone.get_current_timezone()
    first = datetime.combine(date(year, month, 1), time.min, zone)
    last_day = pycalendar.monthrange(year, month)[1]
    after = datetime.combine(date(year, month, last_day), time.min, zone) + timedelta(days=1)
    return first, after


def area_choices(index):
    ids = index.events().exclude(area=None).values_list("area_id", flat=True).distinct()
    english = translation.get_language() == "en"
    return [
        (unit.pk, (unit.name_en if english and unit.name_en else unit.name))
        for unit in AdministrativeUnit.objects.filter(pk__in=list(ids)).order_by("name")
    ]


def filter_events(qs, data):
    """Apply the cleaned filter values (month, area, format, size, pillar) to a queryset."""
    if data.get("month"):
        first, after = _month_range(data["month"])
        qs = qs.filter(start__lt=after, end__gte=first)
    if data.get("area"):
        qs = qs.filter(area_id=data["area"])
    if data.get("format"):
        qs = qs.filter(format=data["format"])
    if data.get("size"):
        qs = qs.filter(audience_sizes__contains=data["size"])
    if data.get("pillar"):
        qs = qs.filter(pillars__contains=data["pillar"])
    return qs


def _filtered(index, request):
    form = EventFilterForm(request.GET or None, areas=area_choices(index))
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return form, filter_events(index.events(), data), any(data.values())


def _lazy(compute):
    """The listing's context with every value computed on first use, all at once: the
    template caches the listing's HTML (`{% cache %}` under the index page's versions), so a
    cached listing runs none of its queries."""
    values = SimpleLazyObject(compute)
    return {name: SimpleLazyObject(lambda name=name: values[name]) for name in ("filter_form", "events", "filtered")}


def _listing(index, request, upcoming):
    form, qs, filtered = _filtered(index, request)
    now = timezone.now()
    if upcoming:
        events = _with_listing_data(qs.filter(end__gt=now)).order_by("start")
    else:
        events = _with_listing_data(qs.filter(end__lte=now)).order_by("-start")
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return {"filter_form": form, "events": page, "filtered": filtered}


def _query(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def upcoming_context(index, request):
    return {**_lazy(lambda: _listing(index, request, upcoming=True)), "query": _query(request), "view": "upcoming"}


def archive_context(index, request):
    return {**_lazy(lambda: _listing(index, request, upcoming=False)), "query": _query(request), "view": "archive"}


def calendar_context(index, request):
    today = timezone.localdate()
    month = request.GET.get("month", "")
    try:
        year, number = (int(part) for part in month.split("-")) if month else (today.year, today.month)
        first_day = date(year, number, 1)
    except ValueError:
        first_day = today.replace(day=1)
    start, after = _month_range(f"{first_day.year}-{first_day.month:02d}")
    events = list(
        index.events().filter(Q(start__lt=after) & Q(end__gte=start)).select_related("area").order_by("start")
    )
    weeks = []
    for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(first_day.year, first_day.month):
        days = []
        for day in week:
            day_events = [
                event for event in events if timezone.localdate(event.start) <= day <= timezone.localdate(event.end)
            ]
            days.append(
                {"date": day, "in_month": day.month == first_day.month, "events": day_events, "today": day == today}
            )
        weeks.append(days)
    previous = (first_day - timedelta(days=1)).replace(day=1)
    following = (first_day + timedelta(days=32)).replace(day=1)
    return {
        "weeks": weeks,
        "month": first_day,
        "previous_month": f"{previous.year}-{previous.month:02d}",
        "next_month": f"{following.year}-{following.month:02d}",
        "month_events": events,
        "view": "calendar",
    }
