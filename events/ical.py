"""iCalendar (RFC 5545) output: the feed of all events and one file per event, with a
VTIMEZONE for Asia/Ho_Chi_Minh so Google Calendar, Outlook and Apple Calendar agree."""

from datetime import date
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event

TZID = "Asia/Ho_Chi_Minh"
PRODID = "-//Chuyen doi so doanh nghiep//Su kien//VI"


def _host():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site.hostname if site else "localhost"


def _location(event):
    parts = [event.venue, event.address, event.area_name]
    text = ", ".join(part for part in parts if part)
    return text


def build_calendar(events, request=None, name=None, attendee=None):
    """A Calendar with one VEVENT per event. With `attendee` (a registration) the online
    link is included, because only registered attendees may see it."""
    zone = ZoneInfo(TZID)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TZID)
    host = request.get_host().split(":")[0] if request is not None else _host()
    stamp = timezone.now()
    for page in events:
        url = page.full_url or ""
        item = Event()
        # The translation key is shared by both languages: one event, one UID.
        item.add("uid", f"event-{page.translation_key}@{host}")
        item.add("dtstamp", stamp)
        item.add("dtstart", timezone.localtime(page.start, zone))
        item.add("dtend", timezone.localtime(page.end, zone))
        item.add("summary", page.title)
        description = strip_tags(page.summary)
        if attendee is not None and page.is_online and page.online_url:
            description += f"\n\n{page.online_url}"
        if url:
            description += f"\n\n{url}"
            item.add("url", url)
        item.add("description", description.strip())
        location = _location(page) if page.has_venue else ""
        if not location and attendee is not None and page.is_online:
            location = page.online_url
        if location:
            item.add("location", location)
        item.add(
            "organizer",
            f"mailto:{page.contact_email or settings.DEFAULT_FROM_EMAIL.split('<')[-1].strip('> ')}",
            parameters={"cn": page.organiser},
        )
        if page.last_published_at:
            item.add("last-modified", page.last_published_at)
        calendar.add_component(item)
    calendar.add_missing_timezones(first_date=date(2000, 1, 1), last_date=date(2040, 1, 1))
    return calendar


def calendar_response(events, request, filename, name=None):
    calendar = build_calendar(events, request=request, name=name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
